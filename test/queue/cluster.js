'use strict';
/**
 * An n8n queue-mode deployment on 127.0.0.1, as the README's queue-mode section describes it: one main instance
 * (`n8n start`) and workers (`n8n worker`), all on one PostgreSQL database and one Redis, each process with its
 * own user folder (as separate machines or containers would have) holding the packed package in .n8n/nodes, all
 * with the same N8N_ENCRYPTION_KEY.
 */
const fs = require('node:fs');
const path = require('node:path');

const n8n = require('../../scripts/lib/n8n');
const processes = require('../../scripts/lib/processes');

/**
 * The queue-mode settings main and workers share (README › Queue mode). The three QUEUE_WORKER_* values are the
 * suite's own: they shorten how long a killed worker's jobs stay locked (n8n's defaults: lock 60 s renewed every
 * 10 s, stalled-job check every 30 s) so the kill test waits seconds, not minutes.
 */
function queueEnv({ redis, postgres }) {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		// Manual runs from the editor go to the workers too (n8n 2.x still runs them on the main by default).
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		QUEUE_WORKER_LOCK_DURATION: '10000',
		QUEUE_WORKER_LOCK_RENEW_TIME: '2500',
		QUEUE_WORKER_STALLED_INTERVAL: '5000',
	};
}

/** The variables of queueEnv() a user sets (the suite's lock timings left out), for the report. */
const USER_FACING = ['EXECUTIONS_MODE', 'QUEUE_BULL_REDIS_HOST', 'QUEUE_BULL_REDIS_PORT', 'DB_TYPE', 'DB_POSTGRESDB_HOST', 'DB_POSTGRESDB_PORT', 'DB_POSTGRESDB_DATABASE', 'DB_POSTGRESDB_USER', 'DB_POSTGRESDB_PASSWORD', 'OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS', 'N8N_ENCRYPTION_KEY'];

const STARTED = /Worker started execution (\d+) \(job (\d+)\)/;
const FINISHED = /Worker finished execution (\d+) \(job (\d+)\)/;

/** What a worker's log says it ran: execution ids it started and finished (n8n logs both at info level). */
function workerLogClaims(logFile) {
	const started = new Set();
	const finished = new Set();
	const text = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
	for (const line of text.split('\n')) {
		const start = STARTED.exec(line);
		if (start) started.add(start[1]);
		const end = FINISHED.exec(line);
		if (end) finished.add(end[1]);
	}
	return { started, finished };
}

class Cluster {
	/**
	 * `runtime` from n8n.ensureRuntime(); `services` { redis, postgres }; `folders` { main, workers: [..] } user
	 * folders that already hold the installed package.
	 */
	constructor(runtime, services, folders) {
		this.runtime = runtime;
		this.services = services;
		this.folders = folders;
		this.main = undefined;
		this.workers = [];
		this.server = undefined;
	}

	async init() {
		const extra = queueEnv(this.services);
		this.main = await n8n.N8nInstance.create(this.runtime, this.folders.main, { extra });
		this.workers = [];
		for (const [index, folder] of this.folders.workers.entries()) {
			const instance = await n8n.N8nInstance.create(this.runtime, folder, { extra });
			this.workers.push({ name: `worker-${index + 1}`, instance, process: undefined });
		}
		return this;
	}

	/** The environment every process gets, user-facing variables only (for the report and the README). */
	userFacingEnv() {
		return Object.fromEntries(USER_FACING.map((name) => [name, this.main.env[name]]));
	}

	async startMain() {
		this.server = await this.main.start({ timeoutMs: 180_000 });
		return this.server;
	}

	async startWorker(worker, { concurrency = 10 } = {}) {
		worker.process = await worker.instance.startWorker({ concurrency, timeoutMs: 180_000 });
		worker.logFile = worker.process.logFile;
		return worker.process;
	}

	async startWorkers(options) {
		await Promise.all(this.workers.map((worker) => this.startWorker(worker, options)));
	}

	/** SIGKILL to the worker's whole process group (the worker and its task runner), as a killed container. */
	async killWorker(worker) {
		const { child } = worker.process;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {
			// already gone
		}
		await exited;
		await processes.stop(child);
		worker.killedAt = Date.now();
		worker.process = undefined;
	}

	/** Graceful stop (SIGTERM: n8n drains running jobs first) of every n8n process still running. */
	async stopAll() {
		await Promise.all(this.workers.filter((worker) => worker.process).map(async (worker) => {
			await worker.process.stop();
			worker.process = undefined;
		}));
		if (this.server) await this.server.stop();
		this.server = undefined;
	}

	/** Process groups to sample memory and sockets of: { label, pgid }. */
	groups() {
		const list = [];
		if (this.server) list.push({ label: 'main', pgid: this.server.child.pid });
		for (const worker of this.workers) if (worker.process) list.push({ label: worker.name, pgid: worker.process.child.pid });
		return list;
	}

	/** Every worker's claims from its log (all runs of it: the log is appended to across restarts). */
	claims() {
		return Object.fromEntries(
			this.workers.map((worker) => [worker.name, workerLogClaims(worker.logFile ?? path.join(worker.instance.workDir, 'n8n-worker.log'))]),
		);
	}

	logFiles() {
		return [
			path.join(this.main.workDir, 'n8n-start.log'),
			...this.workers.map((worker) => path.join(worker.instance.workDir, 'n8n-worker.log')),
		].filter((file) => fs.existsSync(file));
	}
}

module.exports = { Cluster, queueEnv, workerLogClaims, USER_FACING };
