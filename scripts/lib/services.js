'use strict';
/**
 * Throw-away Redis and PostgreSQL servers for the queue-mode tests, from the Debian packages.
 *
 * - ensureDebianPackages(): `apt-get install redis-server postgresql` when a binary is missing (root only).
 * - startRedis() / startPostgres(): a fresh data folder in the system temp folder, 127.0.0.1 only, a free port,
 *   run in the foreground as tracked children (scripts/lib/processes.js), so Ctrl-C and a failed run stop them too.
 *   `stop()` stops the server and deletes its folder.
 */
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const { log, seconds } = require('./log');
const processes = require('./processes');

const REDIS_SERVER = '/usr/bin/redis-server';

/** The newest PostgreSQL server's bin folder of the Debian packages (/usr/lib/postgresql/<major>/bin). */
function postgresBinDir() {
	const root = '/usr/lib/postgresql';
	let majors = [];
	try {
		majors = fs.readdirSync(root).filter((entry) => /^\d+$/.test(entry) && fs.existsSync(path.join(root, entry, 'bin', 'initdb')));
	} catch {
		return undefined;
	}
	majors.sort((a, b) => Number(b) - Number(a));
	return majors.length ? path.join(root, majors[0], 'bin') : undefined;
}

/**
 * Installs redis-server and postgresql from Debian when either is missing. Idempotent and quiet; a stale apt
 * index is refreshed once. Resolves { installed, ms }.
 */
async function ensureDebianPackages() {
	const missing = [];
	if (!fs.existsSync(REDIS_SERVER)) missing.push('redis-server');
	if (!postgresBinDir()) missing.push('postgresql');
	if (missing.length === 0) return { installed: false, ms: 0 };
	if (process.getuid?.() !== 0) {
		throw new Error(`${missing.join(' and ')} missing; install as root: apt-get install -y ${missing.join(' ')}`);
	}
	const started = Date.now();
	log(`installing ${missing.join(', ')} from Debian (apt-get, first run only)`);
	// No prompts; wait for another apt/dpkg run instead of failing on its lock.
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const install = ['-y', '-qq', '-o', 'Dpkg::Use-Pty=0', '-o', 'DPkg::Lock::Timeout=600', 'install', '--no-install-recommends', ...missing];
	let result = await processes.run('apt-get', install, { env, timeoutMs: 15 * 60_000 });
	if (result.code !== 0) {
		// Usually an outdated or empty package index on a fresh machine.
		await processes.runOrThrow('apt-get', ['-qq', '-o', 'DPkg::Lock::Timeout=600', 'update'], { env, timeoutMs: 10 * 60_000 });
		result = await processes.runOrThrow('apt-get', install, { env, timeoutMs: 15 * 60_000 });
	}
	if (!fs.existsSync(REDIS_SERVER) || !postgresBinDir()) throw new Error(`apt-get installed ${missing.join(', ')} but a binary is still missing`);
	const ms = Date.now() - started;
	log(`installed ${missing.join(', ')} in ${seconds(ms)}`);
	return { installed: true, ms };
}

async function freePort() {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/** Polls `probe` (async, true when ready) until it succeeds, the child exits or the time is up. */
async function waitUntil(what, probe, child, logFile, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	let exited = false;
	child.once('exit', () => {
		exited = true;
	});
	while (Date.now() < deadline && !exited) {
		if (await probe()) return;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n') : '';
	throw new Error(`${what} ${exited ? 'exited' : `was not ready within ${seconds(timeoutMs)}`}:\n${tail}`);
}

function removeDir(dir) {
	fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

// ---------------------------------------------------------------- Redis

function redisPing(port) {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		let answer = '';
		socket.setTimeout(1000, () => socket.destroy());
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			answer += chunk;
			if (answer.includes('\r\n')) socket.end();
		});
		socket.once('close', () => resolve(answer.startsWith('+PONG')));
		socket.once('error', () => resolve(false));
	});
}

/** redis-server in a temp folder, no persistence, 127.0.0.1:<free port>. Resolves { host, port, dir, child, logFile, stop() }. */
async function startRedis({ timeoutMs = 20_000 } = {}) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'queue-redis-'));
	const port = await freePort();
	const logFile = path.join(dir, 'redis.log');
	const child = processes.spawnTracked(
		REDIS_SERVER,
		['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--logfile', logFile],
		{ stdio: 'ignore', cwd: dir },
	);
	const stop = async () => {
		await processes.stop(child);
		removeDir(dir);
	};
	try {
		await waitUntil('redis-server', () => redisPing(port), child, logFile, timeoutMs);
	} catch (error) {
		await stop();
		throw error;
	}
	return { host: '127.0.0.1', port, dir, child, logFile, stop };
}

// ---------------------------------------------------------------- PostgreSQL

/** uid/gid to run PostgreSQL as: the `postgres` system user when we are root (it refuses root), else ourselves. */
function postgresAccount() {
	if (process.getuid?.() !== 0) return {};
	const line = fs
		.readFileSync('/etc/passwd', 'utf8')
		.split('\n')
		.find((entry) => entry.startsWith('postgres:'));
	if (!line) throw new Error('There is no postgres system user (the Debian postgresql package creates it)');
	const [, , uid, gid] = line.split(':');
	return { uid: Number(uid), gid: Number(gid) };
}

/**
 * A PostgreSQL cluster in a temp folder (initdb), the server in the foreground on 127.0.0.1:<free port> (not
 * `pg_ctl start`: that detaches the server into its own session, out of reach of our Ctrl-C clean-up), a login
 * role and a database for it. Local socket connections are trusted (only the superuser setup uses them, in a
 * folder only the server's user can open); TCP needs the password.
 * Resolves { host, port, database, user, password, dir, child, logFile, stop() }.
 */
async function startPostgres({ database = 'n8n', user = 'n8n', password = 'n8n-queue-test-not-a-secret', timeoutMs = 60_000 } = {}) {
	const bin = postgresBinDir();
	if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
	const account = postgresAccount();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'queue-postgres-'));
	const dataDir = path.join(dir, 'data');
	const logFile = path.join(dir, 'postgres.log');
	if (account.uid !== undefined) fs.chownSync(dir, account.uid, account.gid);
	const asServer = { ...account, env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' }, cwd: dir };
	let child;
	const stop = async () => {
		if (child && child.exitCode === null && child.signalCode === null) {
			// Fast shutdown: disconnects clients, no waiting for them to leave.
			await processes.run(path.join(bin, 'pg_ctl'), ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '20'], { ...asServer, timeoutMs: 30_000 });
		}
		await processes.stop(child);
		removeDir(dir);
	};
	try {
		await processes.runOrThrow(
			path.join(bin, 'initdb'),
			['-D', dataDir, '-U', 'postgres', '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--no-instructions'],
			{ ...asServer, timeoutMs: 120_000 },
		);
		const port = await freePort();
		const out = fs.openSync(logFile, 'a');
		if (account.uid !== undefined) fs.fchownSync(out, account.uid, account.gid);
		child = processes.spawnTracked(
			path.join(bin, 'postgres'),
			[
				'-D', dataDir,
				'-p', String(port),
				'-c', 'listen_addresses=127.0.0.1',
				'-c', `unix_socket_directories=${dir}`,
				// Throw-away data: durability buys nothing here and costs time on a shared CI disk.
				'-c', 'fsync=off',
				'-c', 'synchronous_commit=off',
				'-c', 'full_page_writes=off',
				'-c', 'max_connections=100',
			],
			{ ...asServer, stdio: ['ignore', out, out] },
		);
		fs.closeSync(out);
		const psql = (args) =>
			processes.run(path.join(bin, 'psql'), ['-h', dir, '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-X', '-q', '-v', 'ON_ERROR_STOP=1', ...args], { ...asServer, timeoutMs: 30_000 });
		await waitUntil('postgres', async () => (await psql(['-c', 'SELECT 1'])).code === 0, child, logFile, timeoutMs);
		const literal = (text) => `'${String(text).replace(/'/g, "''")}'`;
		const ident = (text) => `"${String(text).replace(/"/g, '""')}"`;
		const setup = await psql(['-c', `CREATE ROLE ${ident(user)} LOGIN PASSWORD ${literal(password)}`, '-c', `CREATE DATABASE ${ident(database)} OWNER ${ident(user)}`]);
		if (setup.code !== 0) throw new Error(`Could not create the database: ${setup.stderr}`);
		return { host: '127.0.0.1', port, database, user, password, dir, child, logFile, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}

module.exports = { ensureDebianPackages, startRedis, startPostgres, postgresBinDir, REDIS_SERVER };
