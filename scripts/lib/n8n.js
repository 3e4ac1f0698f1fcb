'use strict';
/**
 * A real, pinned n8n for the e2e tests and the demo.
 *
 * - Node 24.21.0 and n8n 2.41.1 live in a cache folder outside git
 *   (${N8N_JUMPCLOUD_CACHE:-~/.cache/n8n-nodes-jumpcloud}); the first run installs them, later runs reuse them.
 *   n8n is installed with `npm ci --omit=dev --ignore-scripts` from the lockfile in scripts/n8n-host/, then
 *   sqlite3 (the only native module n8n needs here) is built with `npm rebuild sqlite3` against Node 24's headers.
 * - Every run gets a fresh, temporary N8N_USER_FOLDER. Our package is packed with `npm pack` and installed into
 *   <user folder>/.n8n/nodes/node_modules with npm, as a user's community-node install would be, so the node type
 *   is `n8n-nodes-jumpcloud.jumpCloud`.
 * - n8n runs with the Node 24 binary (not whatever `node` is on PATH), a fixed test encryption key, telemetry off
 *   and everything bound to 127.0.0.1.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const { log, seconds } = require('./log');
const processes = require('./processes');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const HOST_TEMPLATE_DIR = path.resolve(__dirname, '..', 'n8n-host');
const N8N_VERSION = require(path.join(HOST_TEMPLATE_DIR, 'package.json')).dependencies.n8n;
const NODE_VERSION = fs.readFileSync(path.join(REPO_ROOT, '.nvmrc'), 'utf8').trim().replace(/^v/, '');
const PACKAGE_NAME = require(path.join(REPO_ROOT, 'package.json')).name;

/** Not a secret: it only protects the throw-away test database. Fixed so every command of a run agrees. */
const TEST_ENCRYPTION_KEY = 'jumpcloud-e2e-test-key-not-a-secret-0001';

function cacheDir() {
	return path.resolve(process.env.N8N_JUMPCLOUD_CACHE || path.join(os.homedir(), '.cache', 'n8n-nodes-jumpcloud'));
}

function nodePackageName() {
	const platform = process.platform === 'win32' ? 'win' : process.platform;
	return `node-${platform}-${process.arch}`;
}

function sha256(file) {
	return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function pidAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

/**
 * The environment for npm and node-gyp: Node 24 first on PATH (npm itself is the system one), its headers
 * for native builds (the machine's ~/.npmrc may point nodedir at another Node's headers), and none of the
 * npm_* variables an enclosing `npm run` exports (its local prefix would redirect installs into the repo).
 */
function toolEnv(nodeDir) {
	const env = {};
	for (const [name, value] of Object.entries(process.env)) {
		if (/^npm_(config_local_prefix|package_|lifecycle_|command$|execpath$|node_execpath$)/i.test(name)) continue;
		if (name === 'NODE_OPTIONS' || name === 'INIT_CWD') continue;
		env[name] = value;
	}
	env.PATH = `${path.join(nodeDir, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`;
	env.npm_config_nodedir = nodeDir;
	env.npm_config_update_notifier = 'false';
	env.npm_config_fund = 'false';
	env.npm_config_audit = 'false';
	return env;
}

/** An exclusive lock on a cache entry, so two runs never install into the same place at once. */
async function withLock(name, fn) {
	const lockDir = path.join(cacheDir(), `.${name}.lock`);
	fs.mkdirSync(cacheDir(), { recursive: true });
	let announced = false;
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			let owner = NaN;
			try {
				owner = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
			} catch {
				// being created right now
			}
			if (Number.isInteger(owner) && owner > 0 && !pidAlive(owner)) {
				fs.rmSync(lockDir, { recursive: true, force: true });
				continue;
			}
			if (!announced) log(`waiting for another run (pid ${owner}) that is installing ${name} into the cache`);
			announced = true;
			await new Promise((resolve) => setTimeout(resolve, 1000));
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lockDir, { recursive: true, force: true });
	}
}

/** Removes leftovers of installs that were interrupted (their process is gone). */
function removeAbandonedPartials(prefix) {
	for (const entry of fs.readdirSync(cacheDir())) {
		const match = entry.startsWith(prefix) && /\.partial-(\d+)$/.exec(entry);
		if (match && !pidAlive(Number(match[1]))) {
			fs.rmSync(path.join(cacheDir(), entry), { recursive: true, force: true });
		}
	}
}

// ---------------------------------------------------------------- Node 24

function nodeInstallOf(dir) {
	const nodeDir = path.join(dir, 'node_modules', nodePackageName());
	return { nodeDir, nodeBin: path.join(nodeDir, 'bin', process.platform === 'win32' ? 'node.exe' : 'node') };
}

function nodeVersionOf(nodeBin) {
	try {
		const { execFileSync } = require('node:child_process');
		return execFileSync(nodeBin, ['--version'], { encoding: 'utf8' }).trim().replace(/^v/, '');
	} catch {
		return undefined;
	}
}

/** Node `NODE_VERSION` from the npm registry package node-<os>-<arch>, in the cache. */
async function ensureNode() {
	const dir = path.join(cacheDir(), `node${NODE_VERSION.split('.')[0]}`);
	const found = nodeInstallOf(dir);
	if (nodeVersionOf(found.nodeBin) === NODE_VERSION) {
		return { ...found, installed: false, ms: 0 };
	}
	return await withLock('node', async () => {
		if (nodeVersionOf(found.nodeBin) === NODE_VERSION) return { ...found, installed: false, ms: 0 };
		const started = Date.now();
		log(`Node ${NODE_VERSION}: not in the cache, installing ${nodePackageName()}@${NODE_VERSION} from the npm registry`);
		removeAbandonedPartials(path.basename(dir));
		const partial = `${dir}.partial-${process.pid}`;
		fs.rmSync(partial, { recursive: true, force: true });
		fs.mkdirSync(partial, { recursive: true });
		fs.writeFileSync(path.join(partial, 'package.json'), '{ "name": "node-host", "private": true }\n');
		await processes.runOrThrow(
			'npm',
			['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', `${nodePackageName()}@${NODE_VERSION}`],
			{ cwd: partial, env: toolEnv(path.resolve(path.dirname(process.execPath), '..')) },
		);
		const installed = nodeInstallOf(partial);
		if (nodeVersionOf(installed.nodeBin) !== NODE_VERSION) throw new Error(`Installed Node does not report version ${NODE_VERSION}`);
		fs.rmSync(dir, { recursive: true, force: true });
		fs.renameSync(partial, dir);
		const ms = Date.now() - started;
		log(`Node ${NODE_VERSION}: installed in ${seconds(ms)}`);
		return { ...found, installed: true, ms };
	});
}

// ---------------------------------------------------------------- n8n

function n8nInstallOf(dir) {
	return {
		dir,
		n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		sqliteBinding: path.join(dir, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node'),
	};
}

/** Why an n8n folder in the cache is not usable, or undefined when it is complete and matches our lockfile. */
function n8nProblem(install) {
	try {
		const version = JSON.parse(fs.readFileSync(path.join(install.dir, 'node_modules', 'n8n', 'package.json'), 'utf8')).version;
		if (version !== N8N_VERSION) return `it holds n8n ${version}`;
	} catch {
		return 'n8n is not installed';
	}
	if (!fs.existsSync(install.n8nBin)) return 'the n8n binary is missing';
	if (!fs.existsSync(install.sqliteBinding)) return 'sqlite3 is not built';
	try {
		if (sha256(path.join(install.dir, 'package-lock.json')) !== sha256(path.join(HOST_TEMPLATE_DIR, 'package-lock.json'))) {
			return 'it was installed from a different lockfile';
		}
	} catch {
		return 'it has no lockfile';
	}
	return undefined;
}

/**
 * n8n `N8N_VERSION` in the cache: `npm ci --omit=dev --ignore-scripts` from scripts/n8n-host (install
 * scripts are skipped because some optional native builds cannot work offline and would roll back the
 * whole install), then `npm rebuild sqlite3` from source against Node 24's headers. Installs into a
 * partial folder that is renamed into place only when complete.
 */
async function ensureN8n(node) {
	const dir = path.join(cacheDir(), `n8n-${N8N_VERSION}`);
	const found = n8nInstallOf(dir);
	const problem = n8nProblem(found);
	if (!problem) return { ...found, installed: false, ms: 0 };
	return await withLock(`n8n-${N8N_VERSION}`, async () => {
		const again = n8nProblem(found);
		if (!again) return { ...found, installed: false, ms: 0 };
		const missingTools = missingBuildTools();
		if (missingTools.length) {
			throw new Error(`n8n ${N8N_VERSION} must be installed, and its sqlite3 is built from source, which needs ${missingTools.join(', ')} (Debian/Ubuntu: sudo apt-get install -y python3 make g++)`);
		}
		log(`n8n ${N8N_VERSION}: not usable in ${dir} (${again}); installing it: first run only, 5 to 15 minutes on 2 cores, about 3.7 GB in ~/.cache and ~/.npm`);
		removeAbandonedPartials(path.basename(dir));
		const partial = `${dir}.partial-${process.pid}`;
		fs.rmSync(partial, { recursive: true, force: true });
		fs.mkdirSync(partial, { recursive: true });
		for (const file of ['package.json', 'package-lock.json']) {
			fs.copyFileSync(path.join(HOST_TEMPLATE_DIR, file), path.join(partial, file));
		}
		const env = toolEnv(node.nodeDir);
		const started = Date.now();
		await withProgress(`n8n ${N8N_VERSION}: npm ci`, () => `${installedCount(partial)} packages so far`, () =>
			processes.runOrThrow(
				'npm',
				['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
				{ cwd: partial, env, timeoutMs: 45 * 60_000 },
			),
		);
		const npmCiMs = Date.now() - started;
		log(`n8n ${N8N_VERSION}: npm ci done in ${seconds(npmCiMs)}; building sqlite3 from source`);
		const rebuildStarted = Date.now();
		await withProgress(`n8n ${N8N_VERSION}: sqlite3 build`, () => 'compiling', () =>
			processes.runOrThrow('npm', ['rebuild', 'sqlite3', '--loglevel=error'], {
				cwd: partial,
				// Skip the prebuilt-binary download (it cannot succeed offline) and use both cores.
				env: { ...env, npm_config_build_from_source: 'true', JOBS: 'max' },
				timeoutMs: 20 * 60_000,
			}),
		);
		const rebuildMs = Date.now() - rebuildStarted;
		const built = n8nInstallOf(partial);
		const check = n8nProblem(built);
		if (check) throw new Error(`n8n install in ${partial} is incomplete: ${check}`);
		const trash = `${dir}.old-${process.pid}`;
		if (fs.existsSync(dir)) fs.renameSync(dir, trash);
		fs.renameSync(partial, dir);
		fs.rmSync(trash, { recursive: true, force: true });
		const ms = Date.now() - started;
		log(`n8n ${N8N_VERSION}: installed in ${seconds(ms)} (npm ci ${seconds(npmCiMs)}, sqlite3 build ${seconds(rebuildMs)})`);
		return { ...found, installed: true, ms, npmCiMs, rebuildMs };
	});
}

/** The tools node-gyp needs to build sqlite3, those missing from PATH. */
function missingBuildTools() {
	const onPath = (tool) => (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, tool)));
	return ['python3', 'make', 'g++'].filter((tool) => !onPath(tool));
}

/** Packages installed so far under a folder's node_modules (a cheap count: top-level folders, scopes expanded). */
function installedCount(dir) {
	try {
		return installedPackages(path.join(dir, 'node_modules')).length;
	} catch {
		return 0;
	}
}

/** Runs a long step, logging every 30 s that it is still running (so a first install does not look hung). */
async function withProgress(label, detail, step) {
	const started = Date.now();
	const timer = setInterval(() => log(`${label}: still running after ${seconds(Date.now() - started)} (${detail()})`), 30_000);
	try {
		return await step();
	} finally {
		clearInterval(timer);
	}
}

/** Node 24 and n8n, installed into the cache when missing. */
async function ensureRuntime() {
	const started = Date.now();
	const node = await ensureNode();
	const n8n = await ensureN8n(node);
	const ms = Date.now() - started;
	const how = node.installed || n8n.installed ? `installed in ${seconds(ms)}` : `found in the cache (${seconds(ms)})`;
	log(`runtime: Node ${NODE_VERSION} + n8n ${N8N_VERSION} ${how} at ${cacheDir()}`);
	return { node, n8n, ms, installedNow: node.installed || n8n.installed };
}

// ---------------------------------------------------------------- our package

/** `npm run build` in the repository. */
async function buildPackage(runtime) {
	await processes.runOrThrow('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, env: toolEnv(runtime.node.nodeDir) });
}

/**
 * `npm pack` into `destination`; returns the tarball's path. npm runs the package's `prepack` (the build) first,
 * as it does for a user packing or publishing; `build: false` packs the existing dist/ as it is.
 */
async function packPackage(runtime, destination, { build = true } = {}) {
	const args = ['pack', '--json', '--pack-destination', destination, ...(build ? [] : ['--ignore-scripts'])];
	const result = await processes.runOrThrow('npm', args, { cwd: REPO_ROOT, env: toolEnv(runtime.node.nodeDir) });
	// The build's own output (prepack) comes first; npm's JSON report is the last thing printed.
	const report = result.stdout.slice(result.stdout.search(/^\[\s*\{/m));
	const [{ filename }] = JSON.parse(report);
	return path.join(destination, filename);
}

/** A fresh, empty n8n user folder in the system temp folder. */
function createUserFolder(prefix = 'n8n-jumpcloud-') {
	return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

const README_INSTALL_MARK = '<!-- manual-install-command: test/e2e runs this line verbatim -->';

/**
 * The README's manual install command (the `npm install` line of the code block after README_INSTALL_MARK), as
 * arguments, with its package operand replaced by `tarball`: every install here runs the command users are told
 * to run, so the README cannot drift from what works.
 */
function readmeInstallArgs(tarball) {
	const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
	const at = readme.indexOf(README_INSTALL_MARK);
	if (at < 0) throw new Error(`README.md has no ${README_INSTALL_MARK}`);
	const block = readme.slice(at).match(/```[a-z]*\n([\s\S]*?)```/);
	const line = block?.[1].split('\n').map((l) => l.replace(/#.*/, '').trim()).find((l) => l.startsWith('npm install '));
	if (!line) throw new Error('README.md: no `npm install` line in the manual install block');
	const words = line.split(/\s+/).slice(1); // install, its options, the package
	const operand = words.findIndex((word, index) => index > 0 && !word.startsWith('-'));
	if (operand < 0 || words.slice(operand + 1).some((word) => !word.startsWith('-'))) {
		throw new Error(`README.md: the install line must name exactly one package: ${line}`);
	}
	words[operand] = tarball;
	return words;
}

/** The packages in a node_modules folder (scoped ones as @scope/name), hidden entries such as .bin excluded. */
function installedPackages(nodeModules) {
	if (!fs.existsSync(nodeModules)) return [];
	return fs.readdirSync(nodeModules).filter((name) => !name.startsWith('.')).flatMap((name) =>
		name.startsWith('@') ? fs.readdirSync(path.join(nodeModules, name)).map((inner) => `${name}/${inner}`) : [name],
	);
}

/**
 * Installs the packed package where n8n's community-node installs live (an npm project in
 * <user folder>/.n8n/nodes whose node_modules n8n scans at start), with the README's own command.
 * Returns the installed package's folder and every package that landed in node_modules.
 */
async function installPackage(runtime, userFolder, tarball) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	// What n8n itself writes into the folder on its first start.
	fs.writeFileSync(path.join(nodesDir, 'package.json'), '{ "name": "installed-nodes", "private": true }\n');
	const args = readmeInstallArgs(tarball);
	await processes.runOrThrow('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
		cwd: nodesDir,
		env: toolEnv(runtime.node.nodeDir),
	});
	const installed = path.join(nodesDir, 'node_modules', PACKAGE_NAME, 'package.json');
	if (!fs.existsSync(installed)) throw new Error(`${PACKAGE_NAME} did not land in ${nodesDir}/node_modules`);
	return {
		dir: path.dirname(installed),
		command: `npm ${args.join(' ')}`,
		packages: installedPackages(path.join(nodesDir, 'node_modules')),
	};
}

// ---------------------------------------------------------------- running n8n

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

/** True when something already accepts connections on 127.0.0.1:port. */
async function portInUse(port) {
	return await new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

/** n8n's environment: isolated (no N8N_* from the caller), quiet (no telemetry), loopback only. */
function n8nEnv(runtime, userFolder, { port, brokerPort, extra = {} }) {
	const env = {};
	for (const [name, value] of Object.entries(toolEnv(runtime.node.nodeDir))) {
		if (/^(N8N_|DB_|QUEUE_|EXECUTIONS_|WEBHOOK_URL$|GENERIC_TIMEZONE$|CREDENTIALS_OVERWRITE)/.test(name)) continue;
		env[name] = value;
	}
	return {
		...env,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
		N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DISABLED_MODULES: 'mcp-registry',
		// `n8n execute` prints its result through the logger at info level.
		N8N_LOG_LEVEL: 'info',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_PORT: String(port),
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}`,
		// The editor is served over plain http on the loopback interface.
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
		...extra,
	};
}

/** Everything needed to run n8n commands against one user folder. */
class N8nInstance {
	constructor(runtime, userFolder, env) {
		this.runtime = runtime;
		this.userFolder = userFolder;
		this.env = env;
		this.port = Number(env.N8N_PORT);
		this.workDir = path.join(userFolder, 'run');
		fs.mkdirSync(this.workDir, { recursive: true });
		this.commandLog = [];
	}

	static async create(runtime, userFolder, { port, extra } = {}) {
		const env = n8nEnv(runtime, userFolder, {
			port: port ?? (await freePort()),
			brokerPort: await freePort(),
			extra,
		});
		return new N8nInstance(runtime, userFolder, env);
	}

	/** Runs one n8n CLI command to completion with Node 24 (never the `node` on PATH). */
	async command(args, { timeoutMs = 5 * 60_000, onSpawn } = {}) {
		const result = await processes.run(this.runtime.node.nodeBin, [this.runtime.n8n.n8nBin, ...args], {
			env: this.env,
			cwd: this.userFolder,
			timeoutMs,
			onSpawn,
		});
		this.commandLog.push({ args, ...result });
		return result;
	}

	async commandOrThrow(args, options) {
		const result = await this.command(args, options);
		if (result.code !== 0) {
			const tail = (text) => text.split('\n').slice(-30).join('\n');
			throw new Error(`n8n ${args.join(' ')} exited with ${result.code ?? result.signal}\n${tail(result.stdout)}\n${tail(result.stderr)}`);
		}
		return result;
	}

	/** Imports credentials (plain `data` objects are encrypted on import). The first command also creates the DB. */
	async importCredentials(credentials) {
		const file = path.join(this.workDir, 'credentials.json');
		fs.writeFileSync(file, JSON.stringify(credentials, null, 2));
		try {
			return await this.commandOrThrow(['import:credentials', `--input=${file}`]);
		} finally {
			fs.rmSync(file, { force: true });
		}
	}

	/** Imports workflows, one file each, in a single n8n process. */
	async importWorkflows(workflows) {
		const dir = fs.mkdtempSync(path.join(this.workDir, 'workflows-'));
		for (const workflow of workflows) {
			fs.writeFileSync(path.join(dir, `${workflow.id}.json`), JSON.stringify(workflow, null, 2));
		}
		return await this.commandOrThrow(['import:workflow', '--separate', `--input=${dir}`]);
	}

	/**
	 * `n8n execute --id`: one n8n process runs one workflow. Resolves { code, run, stdout, stderr, ms } where
	 * `run` is the execution JSON (also printed when the execution fails).
	 */
	async execute(workflowId, options) {
		const result = await this.command(['execute', `--id=${workflowId}`, '--rawOutput'], options);
		return { ...result, run: extractRunJson(result.stdout) };
	}

	/**
	 * `n8n execute-batch`: one n8n process runs several workflows, one after the other. Resolves the batch
	 * summary plus, for each workflow that succeeded, its full execution JSON (from the snapshot folder).
	 * Failed workflows are not retried (a retry would repeat their side effects).
	 */
	async executeBatch(workflowIds, options) {
		const dir = fs.mkdtempSync(path.join(this.workDir, 'batch-'));
		const snapshots = path.join(dir, 'snapshots');
		fs.mkdirSync(snapshots);
		const output = path.join(dir, 'summary.json');
		const result = await this.command(
			['execute-batch', `--ids=${workflowIds.join(',')}`, '--retries=0', `--output=${output}`, `--snapshot=${snapshots}`],
			options,
		);
		let summary;
		try {
			summary = JSON.parse(fs.readFileSync(output, 'utf8'));
		} catch {
			summary = undefined;
		}
		const runs = {};
		const raw = {};
		for (const id of workflowIds) {
			const file = path.join(snapshots, `${id}-snapshot.json`);
			if (fs.existsSync(file)) {
				raw[id] = fs.readFileSync(file, 'utf8');
				runs[id] = JSON.parse(raw[id]);
			}
		}
		return { ...result, summary, runs, raw, summaryText: summary ? fs.readFileSync(output, 'utf8') : '' };
	}

	/**
	 * The executions n8n recorded in its database, oldest first: `{ id, workflowId, mode, status, startedAt,
	 * stoppedAt, run }` where `run` is `{ status, data }` like `n8n execute` prints it. This is how runs are judged:
	 * n8n 2.41.1's CLI sometimes crashes on exit after a failed workflow, but what it recorded is complete.
	 * Read with n8n's own sqlite3 and flatted, run by Node 24.
	 */
	async recordedExecutions() {
		if (this.env.DB_TYPE === 'postgresdb') return await this.recordedExecutionsInPostgres();
		const script = `
			const sqlite3 = require('sqlite3');
			const { parse } = require('flatted');
			const db = new sqlite3.Database(process.argv[1], sqlite3.OPEN_READONLY);
			db.all(
				'SELECT e.id, e.workflowId, e.mode, e.status, e.startedAt, e.stoppedAt, d.data FROM execution_entity e JOIN execution_data d ON d.executionId = e.id ORDER BY e.id',
				(error, rows) => {
					if (error) { console.error(error.message); process.exit(1); }
					const out = rows.map(({ data, ...row }) => ({ ...row, run: { status: row.status, data: parse(data) } }));
					process.stdout.write(JSON.stringify(out));
					db.close();
				},
			);`;
		const database = path.join(this.userFolder, '.n8n', 'database.sqlite');
		const result = await processes.runOrThrow(this.runtime.node.nodeBin, ['-e', script, database], {
			cwd: this.runtime.n8n.dir,
			env: { ...this.env, NODE_PATH: path.join(this.runtime.n8n.dir, 'node_modules') },
		});
		return JSON.parse(result.stdout);
	}

	/**
	 * recordedExecutions() for an instance on PostgreSQL (DB_POSTGRESDB_*), read with n8n's own pg and flatted;
	 * `workflowId` reads one workflow's only.
	 */
	async recordedExecutionsInPostgres({ workflowId } = {}) {
		const { Client } = n8nRequire(this.runtime, 'pg');
		const { parse } = n8nRequire(this.runtime, 'flatted');
		const client = new Client({
			host: this.env.DB_POSTGRESDB_HOST,
			port: Number(this.env.DB_POSTGRESDB_PORT),
			database: this.env.DB_POSTGRESDB_DATABASE,
			user: this.env.DB_POSTGRESDB_USER,
			password: this.env.DB_POSTGRESDB_PASSWORD,
		});
		await client.connect();
		try {
			const { rows } = await client.query(
				`SELECT e.id, e."workflowId", e.mode, e.status, e."createdAt", e."startedAt", e."stoppedAt", d.data FROM execution_entity e LEFT JOIN execution_data d ON d."executionId" = e.id${workflowId ? ' WHERE e."workflowId" = $1' : ''} ORDER BY e.id`,
				workflowId ? [workflowId] : [],
			);
			return rows.map(({ data, ...row }) => ({
				...row,
				id: String(row.id),
				createdAt: row.createdAt?.toISOString() ?? null,
				startedAt: row.startedAt?.toISOString() ?? null,
				stoppedAt: row.stoppedAt?.toISOString() ?? null,
				run: { status: row.status, data: data ? parse(data) : undefined },
			}));
		} finally {
			await client.end();
		}
	}

	/** Spawns `n8n <args>` in the background, its output appended to run/<logName>. */
	spawnLogged(args, logName) {
		const logFile = path.join(this.workDir, logName);
		const out = fs.openSync(logFile, 'a');
		const child = processes.spawnTracked(this.runtime.node.nodeBin, [this.runtime.n8n.n8nBin, ...args], {
			env: this.env,
			cwd: this.userFolder,
			stdio: ['ignore', out, out],
		});
		fs.closeSync(out);
		return { child, logFile };
	}

	/** Polls `ready()` until it resolves true; on time-out or exit, stops the child and throws with its log's tail. */
	async waitReady(what, { child, logFile }, ready, timeoutMs) {
		const deadline = Date.now() + timeoutMs;
		let exited = false;
		child.once('exit', () => {
			exited = true;
		});
		while (Date.now() < deadline) {
			if (exited) break;
			if (await ready()) return;
			await new Promise((resolve) => setTimeout(resolve, 300));
		}
		const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
		await processes.stop(child);
		throw new Error(`${what} did not become ready within ${seconds(timeoutMs)}${exited ? ' (it exited)' : ''}:\n${tail}`);
	}

	/** `n8n start` in the background; resolves once the editor answers. */
	async start({ timeoutMs = 120_000, echo = false } = {}) {
		const spawned = this.spawnLogged(['start'], 'n8n-start.log');
		const url = `http://127.0.0.1:${this.port}`;
		await this.waitReady('n8n start', spawned, async () => {
			const status = await httpStatus(`${url}/healthz/readiness`);
			// The editor page itself: while booting, n8n answers "n8n is starting up" instead.
			return status === 200 && (await httpStatus(`${url}/rest/settings`)) === 200;
		}, timeoutMs);
		if (echo) log(`n8n is serving ${url}`);
		return { child: spawned.child, url, logFile: spawned.logFile, stop: () => processes.stop(spawned.child) };
	}

	/**
	 * `n8n worker` in the background (queue mode: EXECUTIONS_MODE, DB_* and QUEUE_BULL_REDIS_* must be in the
	 * env). Its health server is turned on, on 127.0.0.1 and a free port (the default, 5678, is the main's), and
	 * this resolves once it reports ready: database migrated, Redis connected, taking jobs.
	 */
	async startWorker({ concurrency = 10, timeoutMs = 120_000 } = {}) {
		this.env = {
			...this.env,
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: this.env.QUEUE_HEALTH_CHECK_PORT ?? String(await freePort()),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		};
		const spawned = this.spawnLogged(['worker', `--concurrency=${concurrency}`], 'n8n-worker.log');
		const healthUrl = `http://127.0.0.1:${this.env.QUEUE_HEALTH_CHECK_PORT}/healthz/readiness`;
		await this.waitReady('n8n worker', spawned, async () => (await httpStatus(healthUrl)) === 200, timeoutMs);
		return { child: spawned.child, logFile: spawned.logFile, healthUrl, stop: () => processes.stop(spawned.child) };
	}

	/** `n8n publish:workflow --id` (2.x; activation for `n8n start`, which must be started afterwards to see it). */
	async publishWorkflow(workflowId) {
		return await this.commandOrThrow(['publish:workflow', `--id=${workflowId}`]);
	}
}

/** A module n8n itself depends on (pg, ioredis, flatted, ...), from the pinned n8n in the cache. */
function n8nRequire(runtime, name) {
	return require(require.resolve(name, { paths: [runtime.n8n.dir] }));
}

/**
 * A logged-in client for n8n's own REST API (the one the editor uses), for a fresh instance: the first call
 * creates the owner account, whose auth cookie is then sent with every request.
 */
async function editorClient(baseUrl, owner) {
	let cookie = '';
	const call = async (method, path, body) => {
		const response = await fetch(`${baseUrl}${path}`, {
			method,
			headers: { 'content-type': 'application/json', accept: 'application/json', ...(cookie ? { cookie } : {}) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.getSetCookie?.() ?? [];
		const auth = setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
		if (auth) cookie = auth;
		const text = await response.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		return { status: response.status, json, text };
	};
	const setup = await call('POST', '/rest/owner/setup', owner);
	return { call, setup, owner };
}

function httpStatus(url) {
	return new Promise((resolve) => {
		const request = http.get(url, { timeout: 2000 }, (response) => {
			response.resume();
			resolve(response.statusCode);
		});
		request.once('timeout', () => request.destroy());
		request.once('error', () => resolve(0));
	});
}

/**
 * The execution JSON in `n8n execute` output: a pretty-printed object whose first and last lines are
 * exactly "{" and "}" (log lines may come before and after it).
 */
function extractRunJson(stdout) {
	const lines = stdout.split('\n');
	const start = lines.indexOf('{');
	if (start === -1) return undefined;
	for (let end = start + 1; end < lines.length; end++) {
		if (lines[end] === '}') {
			try {
				return JSON.parse(lines.slice(start, end + 1).join('\n'));
			} catch {
				return undefined;
			}
		}
	}
	return undefined;
}

/** The output items (json only, or whole items with `full`) of a node in an execution's run data. */
function nodeOutput(run, nodeName, { runIndex = 0, output = 0, full = false } = {}) {
	const task = run?.data?.resultData?.runData?.[nodeName]?.[runIndex];
	if (!task) return undefined;
	const items = task.data?.main?.[output] ?? [];
	return full ? items : items.map((item) => item.json);
}

/** Replaces __NAME__ placeholders in any JSON value (strings only), e.g. __BASE_URL__. */
function fillPlaceholders(value, values) {
	const text = JSON.stringify(value);
	const filled = text.replace(/__([A-Z][A-Z0-9_]*)__/g, (whole, name) => {
		if (!(name in values)) throw new Error(`No value for the placeholder ${whole}`);
		return JSON.stringify(String(values[name])).slice(1, -1);
	});
	return JSON.parse(filled);
}

function removeFolder(dir) {
	if (dir && fs.existsSync(dir)) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

module.exports = {
	REPO_ROOT,
	N8N_VERSION,
	NODE_VERSION,
	PACKAGE_NAME,
	NODE_TYPE: `${PACKAGE_NAME}.jumpCloud`,
	cacheDir,
	ensureNode,
	ensureN8n,
	ensureRuntime,
	buildPackage,
	packPackage,
	createUserFolder,
	installPackage,
	readmeInstallArgs,
	installedPackages,
	freePort,
	portInUse,
	N8nInstance,
	extractRunJson,
	editorClient,
	n8nRequire,
	nodeOutput,
	fillPlaceholders,
	removeFolder,
	toolEnv,
};
