'use strict';
/**
 * Child processes that never outlive us. Every child runs in its own process group (detached), so
 * stopping it also stops what it started (n8n's task runner, npm's node-gyp). On Ctrl-C, SIGTERM,
 * an uncaught error or a plain exit, every group still running is stopped.
 */
const { spawn } = require('node:child_process');

const running = new Set();
/** Process-group ids of every child ever started, to prove at the end that none is left. */
const history = [];
let handlersInstalled = false;
let shuttingDown = false;
const shutdownHooks = [];

function groupAlive(pid) {
	try {
		process.kill(-pid, 0);
		return true;
	} catch {
		return false;
	}
}

function signalGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
	} catch {
		// already gone
	}
}

/** Stops a tracked child's whole group: SIGTERM, then SIGKILL after `graceMs`. Resolves when all are gone. */
async function stop(child, { graceMs = 10_000 } = {}) {
	if (!child || !child.pid) return;
	const pid = child.pid;
	if (child.exitCode === null && child.signalCode === null) {
		const exited = new Promise((resolve) => child.once('exit', resolve));
		signalGroup(pid, 'SIGTERM');
		const timer = new Promise((resolve) => setTimeout(resolve, graceMs).unref());
		await Promise.race([exited, timer]);
	}
	// The leader may be gone while members of its group (a task runner, a compiler) are not.
	const deadline = Date.now() + 3000;
	while (groupAlive(pid) && Date.now() < deadline) {
		signalGroup(pid, 'SIGTERM');
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	if (groupAlive(pid)) signalGroup(pid, 'SIGKILL');
	running.delete(child);
}

async function stopAll() {
	await Promise.all([...running].map((child) => stop(child)));
}

function killAllNow() {
	for (const child of running) signalGroup(child.pid, 'SIGKILL');
	running.clear();
}

/** Runs `hook` (async allowed) once on Ctrl-C/SIGTERM before the children are stopped, e.g. to delete temp folders. */
function onShutdown(hook) {
	shutdownHooks.push(hook);
}

function installHandlers() {
	if (handlersInstalled) return;
	handlersInstalled = true;
	const onSignal = (signal) => {
		if (shuttingDown) {
			killAllNow();
			process.exit(signal === 'SIGINT' ? 130 : 143);
		}
		shuttingDown = true;
		process.stderr.write(`\n${signal}: stopping ${running.size} child process group(s)...\n`);
		stopAll()
			.then(async () => {
				for (const hook of shutdownHooks.reverse()) {
					try {
						await hook();
					} catch {
						// best effort
					}
				}
			})
			.finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
	};
	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);
	process.on('SIGHUP', onSignal);
	process.on('exit', killAllNow);
}

/** Spawns a child in its own process group and tracks it until it exits. */
function spawnTracked(command, args, options = {}) {
	installHandlers();
	if (shuttingDown) throw new Error('Shutting down: not starting another process');
	const child = spawn(command, args, { ...options, detached: true });
	running.add(child);
	if (child.pid) history.push(child.pid);
	child.once('exit', () => {
		// Keep tracking while other members of its group live on; stop() clears it.
		if (!groupAlive(child.pid)) running.delete(child);
	});
	child.once('error', () => running.delete(child));
	return child;
}

/**
 * Runs a command to completion and captures its output.
 * Resolves { code, signal, stdout, stderr, ms }; never rejects on a non-zero exit (the caller decides).
 */
function run(command, args, { env, cwd, timeoutMs = 15 * 60_000, echo = false, input, onSpawn, uid, gid } = {}) {
	const started = Date.now();
	return new Promise((resolve, reject) => {
		// uid/gid (root only): run as another system user, e.g. PostgreSQL's tools as `postgres`.
		const account = uid === undefined ? {} : { uid, gid };
		const child = spawnTracked(command, args, { env, cwd, ...account, stdio: ['pipe', 'pipe', 'pipe'] });
		onSpawn?.(child);
		const out = [];
		const err = [];
		child.stdout.on('data', (chunk) => {
			out.push(chunk);
			if (echo) process.stdout.write(chunk);
		});
		child.stderr.on('data', (chunk) => {
			err.push(chunk);
			if (echo) process.stderr.write(chunk);
		});
		if (input !== undefined) child.stdin.end(input);
		else child.stdin.end();
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			stop(child, { graceMs: 3000 });
		}, timeoutMs);
		child.once('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.once('close', async (code, signal) => {
			clearTimeout(timer);
			await stop(child, { graceMs: 2000 });
			resolve({
				code: timedOut ? null : code,
				signal,
				timedOut,
				stdout: Buffer.concat(out).toString('utf8'),
				stderr: Buffer.concat(err).toString('utf8'),
				ms: Date.now() - started,
			});
		});
	});
}

/** Like run(), but rejects with the command's output when it does not exit 0. */
async function runOrThrow(command, args, options = {}) {
	const result = await run(command, args, options);
	if (result.code !== 0) {
		const tail = (text) => text.split('\n').slice(-40).join('\n');
		const what = result.timedOut ? `timed out after ${Math.round(result.ms / 1000)} s` : `exited with ${result.code ?? result.signal}`;
		const error = new Error(
			`${[command, ...args].join(' ')} ${what}\n--- stdout (tail) ---\n${tail(result.stdout)}\n--- stderr (tail) ---\n${tail(result.stderr)}`,
		);
		error.result = result;
		throw error;
	}
	return result;
}

/** True once Ctrl-C/SIGTERM was received: children exiting now are being stopped on purpose. */
function isShuttingDown() {
	return shuttingDown;
}

/** Child process groups (by id) that still have a live process. */
function leftovers() {
	return history.filter((pid) => groupAlive(pid));
}

module.exports = { spawnTracked, run, runOrThrow, stop, stopAll, onShutdown, installHandlers, running, history, leftovers, groupAlive, isShuttingDown };
