#!/usr/bin/env node
'use strict';
/**
 * The node in n8n queue mode, end to end (`npm run test:queue`): the way an organisation that outgrew one n8n
 * process runs it, entirely on 127.0.0.1.
 *
 * 1. Redis and PostgreSQL from the Debian packages (`apt-get install -y redis-server postgresql` when missing;
 *    root), each started in a throw-away data folder on a free port (PostgreSQL as its `postgres` user).
 * 2. The package packed once and installed with the README's manual install command into the .n8n/nodes folder
 *    of three user folders: the main instance's and two workers' (each process its own user folder, as separate
 *    machines or containers have; all with the same N8N_ENCRYPTION_KEY).
 * 3. Credential and workflows imported into PostgreSQL, the webhook workflows published (`n8n publish:workflow`),
 *    then `n8n start` (main: EXECUTIONS_MODE=queue) and two `n8n worker` processes.
 * 4. Calls to the main instance's production webhooks (the onboarding example with a Webhook in front, a
 *    membership change over 20 items, an API request): the main enqueues each execution in Redis, a worker runs
 *    it against the JumpCloud simulator. Phases: 2 workers (>= 200 executions); worker-2 stopped (SIGTERM), 1
 *    worker; worker-2 started again, 2 workers; a burst with worker-2 SIGKILLed in the middle of it; the surviving
 *    worker alone; the calls the kill failed sent again (as a client retries); then the JumpCloud Trigger across a
 *    restart of every n8n process (test/queue/trigger.js).
 * 5. Verdicts from the execution records in PostgreSQL, the workers' logs (which worker ran which execution:
 *    n8n 2.41.1 records no worker in an execution) and the simulator's directory and request log.
 * Figures (wall time, executions per second with 2 workers and with 1, memory per process) go to
 * reports/queue-figures.json and the output.
 *
 * Options: --no-build (pack the existing dist/), --keep (keep the user folders), --verbose,
 *          --executions=N (first 2-worker phase, default 200), --compare=N (each later 1- and 2-worker phase, 60),
 *          --burst=N (calls in the kill burst, default 60).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const n8n = require('../../scripts/lib/n8n');
const processes = require('../../scripts/lib/processes');
const services = require('../../scripts/lib/services');
const sockets = require('../../scripts/lib/sockets');
const procstats = require('../../scripts/lib/procstats');
const { log, seconds, Phases } = require('../../scripts/lib/log');
const { startSimulator } = require('../../scripts/lib/simulator');
const { Checks } = require('../e2e/checks');
const { HARNESS_HEADER } = require('../contract/contract');
const { Cluster, workerLogClaims } = require('./cluster');
const { CallFactory, drive, answerProblem, HIRE_GROUPS, JOINERS, LEAVERS, STAYERS } = require('./load');
const trigger = require('./trigger');

const WORKFLOW_DIR = path.join(__dirname, 'workflows');
const REPORT_FILE = path.join(n8n.REPO_ROOT, 'reports', 'queue-figures.json');
const CREDENTIAL = { id: 'demoJumpCloudCred1', name: 'JumpCloud (simulator)', type: 'jumpCloudApi' };
/** Calls in flight at once from the client (each worker runs 10 executions at a time, n8n's default). */
const CLIENT_CONCURRENCY = 20;
const WORKER_CONCURRENCY = 10;

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const number = (name, fallback) => {
	const found = argv.find((arg) => arg.startsWith(`--${name}=`));
	return found ? Number(found.split('=')[1]) : fallback;
};
const options = {
	build: !flag('no-build'),
	keep: flag('keep'),
	verbose: flag('verbose'),
	executions: number('executions', 200),
	compare: number('compare', 60),
	burst: number('burst', 60),
};

class QueueChecks extends Checks {
	constructor() {
		super();
		this.skipped = [];
	}

	/** A check that could not run: counted apart, never as passed. */
	skip(name, reason) {
		this.skipped.push(`${name}: ${reason}`);
		process.stdout.write(`  SKIP  ${name}\n          ${reason}\n`);
	}
}

// ---------------------------------------------------------------- the simulator, read directly

function simulatorApi(sim) {
	return async function api(pathAndQuery, { method = 'GET', body } = {}) {
		const headers = { 'x-api-key': sim.keys.single, accept: 'application/json', [HARNESS_HEADER]: 'queue' };
		if (body !== undefined) headers['content-type'] = 'application/json';
		const response = await fetch(`${sim.baseUrl}${pathAndQuery}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
		const text = await response.text();
		const json = text ? JSON.parse(text) : undefined;
		if (!response.ok) throw new Error(`simulator ${method} ${pathAndQuery}: ${response.status} ${text}`);
		return { json, total: Number(response.headers.get('x-total-count') ?? json?.totalCount) };
	};
}

/** Reads of the directory the checks compare against: before the calls and after. */
function directoryReader(sim) {
	const api = simulatorApi(sim);
	const v2All = async (route) => {
		const found = [];
		for (let skip = 0; ; skip += 100) {
			const { json } = await api(`${route}${route.includes('?') ? '&' : '?'}limit=100&skip=${skip}`);
			found.push(...json);
			if (json.length < 100) return found;
		}
	};
	const userByUsername = async (username) => (await api(`/api/systemusers?filter=username:$eq:${encodeURIComponent(username)}&fields=_id username manager`)).json.results;
	return {
		api,
		userCount: async () => (await api('/api/systemusers?limit=1')).total,
		groups: async () => v2All('/api/v2/usergroups?sort=name'),
		members: async (groupId) => (await v2All(`/api/v2/usergroups/${groupId}/members`)).map((m) => m.to.id).sort(),
		memberOf: async (userId) => (await v2All(`/api/v2/users/${userId}/memberof`)).map((m) => m.id).sort(),
		userByUsername,
		userId: async (username) => {
			const found = await userByUsername(username);
			if (found.length !== 1) throw new Error(`the simulator has ${found.length} users named ${username}`);
			return found[0]._id;
		},
		requests: async () => (await fetch(`${sim.baseUrl}/__simulator/requests`)).json(),
	};
}

// ---------------------------------------------------------------- workflows

/**
 * The onboarding example (examples/onboard-new-hire.json) started by a production webhook instead of the manual
 * trigger: the Webhook takes the Manual Trigger's place and 'New hire' reads the hire from the request body.
 * Every other node is the example's own.
 */
function onboardingViaWebhook() {
	const example = JSON.parse(fs.readFileSync(path.join(n8n.REPO_ROOT, 'examples', 'onboard-new-hire.json'), 'utf8'));
	const manual = example.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger');
	const hire = example.nodes.find((node) => node.name === 'New hire');
	if (!manual || !hire) throw new Error('examples/onboard-new-hire.json changed: no manual trigger or no "New hire" node');
	const webhook = {
		id: manual.id,
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: '9c000000-0000-4000-8000-0000000000c1',
		position: manual.position,
		parameters: { httpMethod: 'POST', path: 'queue-onboard', responseMode: 'lastNode', options: {} },
	};
	const connections = { ...example.connections, Webhook: example.connections[manual.name] };
	delete connections[manual.name];
	return {
		...example,
		id: 'queueOnboard01',
		name: 'Queue: onboard a new hire (the example, webhook-started)',
		active: false,
		nodes: example.nodes.map((node) => {
			if (node === manual) return webhook;
			if (node === hire) return { ...node, parameters: { ...node.parameters, jsonOutput: '={{ JSON.stringify($json.body) }}' } };
			return node;
		}),
		connections,
	};
}

function loadWorkflows() {
	const files = fs.readdirSync(WORKFLOW_DIR).filter((file) => file.endsWith('.json')).sort();
	return [...files.map((file) => JSON.parse(fs.readFileSync(path.join(WORKFLOW_DIR, file), 'utf8'))), onboardingViaWebhook()];
}

// ---------------------------------------------------------------- execution records

/** The callId a recorded execution was started with (the Webhook node's output, or its start data). */
function callIdOf(record) {
	const data = record.run?.data;
	const ran = data?.resultData?.runData?.Webhook?.[0]?.data?.main?.[0]?.[0]?.json;
	if (ran?.body?.callId) return ran.body.callId;
	const stack = data?.executionData?.nodeExecutionStack ?? [];
	for (const entry of stack) {
		const item = entry?.data?.main?.[0]?.[0]?.json;
		if (item?.body?.callId) return item.body.callId;
	}
	return undefined;
}

/** Which worker ran each execution, from the workers' logs: { executionId: [worker names that started it] }. */
function startedBy(claims) {
	const by = {};
	for (const [worker, { started }] of Object.entries(claims)) {
		for (const id of started) (by[id] ??= []).push(worker);
	}
	return by;
}

// ---------------------------------------------------------------- the kill

/**
 * Sends a burst of members calls while watching the victim's log; once it has finished `warm` executions of the
 * burst (so its slots hold executions at every stage, not only ones that just began) and has `inFlight` started
 * and not finished, its process group is SIGKILLed. Resolves the burst's results and what the victim had in flight.
 */
async function burstWithKill(cluster, victim, calls, { inFlight = 5, warm = 6 } = {}) {
	const logFile = path.join(victim.instance.workDir, 'n8n-worker.log');
	const before = workerLogClaims(logFile);
	let kill;
	let watching = true;
	const watcher = (async () => {
		while (watching && !kill) {
			const now = workerLogClaims(logFile);
			const running = [...now.started].filter((id) => !before.started.has(id) && !now.finished.has(id));
			const done = [...now.finished].filter((id) => !before.finished.has(id)).length;
			if (running.length >= inFlight && done >= warm) {
				const killAt = Date.now();
				await cluster.killWorker(victim);
				kill = { at: killAt, running, startedInBurst: [...now.started].filter((id) => !before.started.has(id)), finishedInBurst: [...now.finished].filter((id) => !before.finished.has(id)) };
				log(`SIGKILL ${victim.name} (pid group ${victim.killedPid}) with ${running.length} execution(s) of the burst in flight: ${running.join(', ')}`);
				return;
			}
			await new Promise((resolve) => setTimeout(resolve, 15));
		}
	})();
	const driven = await drive(cluster.server.url, calls, { concurrency: 30 });
	watching = false;
	await watcher;
	return { ...driven, kill };
}

// ---------------------------------------------------------------- main

async function main() {
	const started = Date.now();
	const phases = new Phases();
	const t = new QueueChecks();
	const folders = { main: undefined, workers: [] };
	const stopServices = [];
	let succeeded = false;
	const figures = { n8n: n8n.N8N_VERSION, node: n8n.NODE_VERSION, machine: { cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30) } };
	processes.installHandlers();
	const removeFolders = () => {
		for (const folder of [folders.main, ...folders.workers]) if (folder) n8n.removeFolder(folder);
	};
	processes.onShutdown(async () => {
		for (const stop of stopServices.reverse()) await stop();
		if (!options.keep) removeFolders();
	});

	try {
		const runtime = await phases.time('n8n runtime (cache)', () => n8n.ensureRuntime());
		const packagesInstalled = await phases.time('redis-server + postgresql (Debian packages)', () => services.ensureDebianPackages());
		const [redis, postgres, sim] = await phases.time('start Redis, PostgreSQL and the simulator', () =>
			Promise.all([services.startRedis(), services.startPostgres(), startSimulator({ nodeBin: runtime.node.nodeBin, seed: 'default' })]),
		);
		stopServices.push(() => redis.stop(), () => postgres.stop(), () => sim.stop());
		log(`Redis 127.0.0.1:${redis.port} (${redis.dir}), PostgreSQL 127.0.0.1:${postgres.port} (${postgres.dir}), simulator ${sim.baseUrl}`);

		folders.main = n8n.createUserFolder('n8n-jumpcloud-queue-main-');
		folders.workers = [n8n.createUserFolder('n8n-jumpcloud-queue-worker1-'), n8n.createUserFolder('n8n-jumpcloud-queue-worker2-')];
		const installs = await phases.time('pack once, install into the main and each worker (README command)', async () => {
			const tarball = await n8n.packPackage(runtime, folders.main, { build: options.build });
			return await Promise.all([folders.main, ...folders.workers].map((folder) => n8n.installPackage(runtime, folder, tarball)));
		});
		const cluster = await new Cluster(runtime, { redis, postgres }, folders).init();

		// ------------------------------------------------------------ the directory before
		const directory = directoryReader(sim);
		// Members calls: 4 in 10 of the mixed phases, the whole burst, one warm-up call.
		const groupsNeeded = Math.ceil((options.executions + 3 * options.compare) * 0.4) + options.burst + 5;
		const groupNames = Array.from({ length: groupsNeeded }, (_, i) => `Queue Group ${String(i + 1).padStart(4, '0')}`);
		const before = await phases.time(`directory facts + ${groupNames.length} empty groups for the membership calls`, async () => {
			for (const name of groupNames) await directory.api('/api/v2/usergroups', { method: 'POST', body: { name } });
			const groups = await directory.groups();
			const byName = Object.fromEntries(groups.map((g) => [g.name, g.id]));
			const hireGroupMembers = {};
			for (const name of HIRE_GROUPS) hireGroupMembers[name] = (await directory.members(byName[name])).length;
			const userIds = {};
			for (const username of [...JOINERS, 'msmith']) userIds[username] = await directory.userId(username);
			return { userCount: await directory.userCount(), groupCount: groups.length, byName, hireGroupMembers, userIds };
		});

		// ------------------------------------------------------------ n8n: data, then the processes
		const workflows = loadWorkflows();
		// The trigger's workflow is imported now and activated later, through the REST API (test/queue/trigger.js).
		const triggerWorkflow = trigger.workflow();
		await phases.time(`import credential + ${workflows.length + (triggerWorkflow ? 1 : 0)} workflows into PostgreSQL, publish the ${workflows.length} webhook ones`, async () => {
			await cluster.main.importCredentials([{ ...CREDENTIAL, data: { apiKey: sim.keys.single, region: 'custom', baseUrl: sim.baseUrl, multipleOrganizations: false, organizationId: '' } }]);
			await cluster.main.importWorkflows(triggerWorkflow ? [...workflows, triggerWorkflow] : workflows);
			await Promise.all(workflows.map((workflow) => cluster.main.publishWorkflow(workflow.id)));
		});
		const listeners = sockets.supported ? sockets.sampleListeners(() => [...processes.running].map((c) => c.pid)) : undefined;
		const serviceGroups = [
			{ label: 'redis', pgid: redis.child.pid },
			{ label: 'postgres', pgid: postgres.child.pid },
			{ label: 'simulator', pgid: sim.child.pid },
		];
		const memory = procstats.sampleMemory(() => [...cluster.groups(), ...serviceGroups], {
			classify: (label, pid, pgid, commandLine) => {
				if (pid === pgid) return label === 'postgres' ? 'postgres (server)' : label;
				if (label === 'postgres') return 'postgres (backends, together)';
				return /task-runner|runner/.test(commandLine) ? `${label} (task runner)` : `${label} (child)`;
			},
		});
		await phases.time(`n8n start (main, queue mode) + ${cluster.workers.length} x n8n worker`, () =>
			Promise.all([cluster.startMain(), cluster.startWorkers({ concurrency: WORKER_CONCURRENCY })]),
		);
		log(`main ${cluster.server.url}; workers: ${cluster.workers.map((w) => `${w.name} health ${w.process.healthUrl}`).join(', ')}`);

		// The webhooks are registered a moment after the editor answers.
		const factory = new CallFactory(groupNames);
		const warmup = await phases.time('wait for the production webhooks', async () => {
			const results = [];
			const deadline = Date.now() + 60_000;
			for (const kind of ['api', 'members', 'onboard']) {
				for (;;) {
					const call = factory.next(kind, 'warm-up');
					const { results: [result] } = await drive(cluster.server.url, [call], { concurrency: 1 });
					if (result.status !== 404) {
						results.push(result);
						break;
					}
					factory.callSeq--;
					if (kind === 'members') factory.groups.unshift(call.body.group);
					if (kind === 'onboard') factory.hireSeq--;
					if (Date.now() > deadline) throw new Error(`the webhook ${call.path} is still not registered after 60 s: ${result.text}`);
					await new Promise((resolve) => setTimeout(resolve, 250));
				}
			}
			return results;
		});

		// ------------------------------------------------------------ throughput: 2 workers, 1, 2 again, (kill), 1
		const measured = [];
		/** Drives `calls` and records wall time, CPU per process role and the machine's load during the phase. */
		const measure = async (label, workers, calls) => {
			memory.sample();
			const cpuBefore = memory.cpuByRole();
			const loadBefore = os.loadavg()[0];
			const driven = await phases.time(`${calls.length} calls, ${label} (client: ${CLIENT_CONCURRENCY} at a time)`, () => drive(cluster.server.url, calls, { concurrency: CLIENT_CONCURRENCY }));
			memory.sample();
			const cpuAfter = memory.cpuByRole();
			const cpuMs = Object.fromEntries(Object.keys(cpuAfter).map((role) => [role, Math.round(cpuAfter[role] - (cpuBefore[role] ?? 0))]).filter(([, ms]) => ms > 0));
			const entry = { label, workers, ...driven, cpuMs, loadAverage: [loadBefore, os.loadavg()[0]] };
			measured.push(entry);
			return entry;
		};
		const victim = cluster.workers[1];
		const survivor = cluster.workers[0];
		const first = await measure('2 workers', 2, factory.mix(options.executions, '2 workers'));
		const claimsAfterFirst = cluster.claims();
		await phases.time(`stop ${victim.name} (SIGTERM: it finishes its jobs first)`, async () => {
			await victim.process.stop();
			victim.process = undefined;
		});
		const alone = await measure(`1 worker (${survivor.name}; ${victim.name} stopped)`, 1, factory.mix(options.compare, '1 worker'));
		await phases.time(`start ${victim.name} again`, () => cluster.startWorker(victim, { concurrency: WORKER_CONCURRENCY }));
		const again = await measure(`2 workers (${victim.name} restarted)`, 2, factory.mix(options.compare, '2 workers again'));

		// ------------------------------------------------------------ a worker killed mid-run
		victim.killedPid = victim.process.child.pid;
		// A second's pause between the adds and the removes: the victim's running executions are mostly half-way.
		const burstCalls = Array.from({ length: options.burst }, () => {
			const call = factory.next('members', 'kill burst');
			return { ...call, body: { ...call.body, pauseMs: 1000 } };
		});
		memory.sample();
		const burst = await phases.time(`${burstCalls.length} membership calls, ${victim.name} SIGKILLed mid-run`, () => burstWithKill(cluster, victim, burstCalls));
		const afterKill = await measure(`1 worker (${survivor.name}; ${victim.name} killed)`, 1, factory.mix(options.compare, '1 worker after the kill'));
		const two = measured.filter((m) => m.workers === 2);
		const one = measured.filter((m) => m.workers === 1);
		const resultsOf = (list) => list.flatMap((m) => m.results);

		// ------------------------------------------------------------ phase 4: the client retries what failed
		const failedInBurst = burst.results.filter((result) => result.status !== 200);
		// The same request again, under its own callId so its execution can be told from the first attempt's.
		const retryCalls = failedInBurst.map(({ callId, kind, path: route, body }) => ({ callId: `${callId}-retry`, retryOf: callId, phase: 'retry', kind, path: route, body: { ...body, callId: `${callId}-retry` } }));
		const retry = await phases.time(`retry the ${retryCalls.length} call(s) the kill failed`, () => drive(cluster.server.url, retryCalls, { concurrency: CLIENT_CONCURRENCY }));

		// ------------------------------------------------------------ the trigger (#11)
		const createUser = (username) => directory.api('/api/systemusers', { method: 'POST', body: { username, email: `${username}@acme.example`, firstname: 'Trigger', lastname: username } });
		const triggerResult = await phases.time('JumpCloud Trigger: activate, 3 batches of users, a restart of every n8n process', () => trigger.run({ cluster, createUser, requests: directory.requests }));

		memory.stop();
		await phases.time('stop n8n (workers drain, then main)', () => cluster.stopAll());
		// The webhook calls' executions (the trigger's are judged by trigger.check).
		const recorded = (await phases.time('read the execution records from PostgreSQL', () => cluster.main.recordedExecutions())).filter((r) => r.workflowId !== trigger.WORKFLOW_ID);
		const claims = cluster.claims();
		const seenListeners = listeners ? listeners.stop() : [];

		// ============================================================ checks
		process.stdout.write(`\nn8n ${n8n.N8N_VERSION} in queue mode (main + ${cluster.workers.length} workers, PostgreSQL, Redis): checks\n`);

		// --- install
		for (const [index, install] of installs.entries()) {
			const who = index === 0 ? 'main' : cluster.workers[index - 1].name;
			t.equal(`install: the README's manual install command put exactly one package into ${who}'s .n8n/nodes`, install.packages, [n8n.PACKAGE_NAME]);
		}
		const sameKey = new Set([cluster.main, ...cluster.workers.map((w) => w.instance)].map((i) => i.env.N8N_ENCRYPTION_KEY)).size === 1;
		t.ok('setup: main and workers share one N8N_ENCRYPTION_KEY, each its own user folder', sameKey && new Set([folders.main, ...folders.workers]).size === 3);

		// --- answers
		const allCalls = [...warmup, ...resultsOf(measured), ...burst.results, ...retry.results];
		const problems = (results) => results.map((r) => [r.callId, answerProblem(r)]).filter(([, problem]) => problem);
		t.equal('warm-up: one call per workflow answered as the workflow must', problems(warmup), []);
		for (const m of measured) t.equal(`${m.label}: all ${m.results.length} calls answered 200 with what the workflow must answer`, problems(m.results).slice(0, 5), []);
		t.equal(`retry: every call the kill failed succeeded when sent again (${retry.results.length})`, problems(retry.results), []);

		// --- records: one execution per call, every one accounted for
		const byCall = new Map();
		const unknown = [];
		for (const record of recorded) {
			const callId = callIdOf(record);
			if (!callId) unknown.push(record.id);
			else byCall.set(callId, [...(byCall.get(callId) ?? []), record]);
		}
		// n8n replaces the data of an execution it gives up on with the error alone: the request body (and with it
		// the callId) is gone. Those must be exactly the burst's executions that failed.
		const unknownRecords = recorded.filter((r) => unknown.includes(r.id));
		const failedInBurstCount = burst.results.filter((r) => r.status !== 200).length;
		t.ok(`records: every execution belongs to a call of this suite; the ${unknown.length} without their request data are marked failed, one per burst call that got an error (${failedInBurstCount})`, unknown.length === failedInBurstCount && unknownRecords.every((r) => r.status !== 'success' && r.workflowId === 'queueMembers01'), unknownRecords.map((r) => `${r.id}:${r.workflowId}:${r.status}`).join(', '));
		t.equal('records: no execution left new, running or waiting', recorded.filter((r) => ['new', 'running', 'waiting', 'unknown'].includes(r.status)).map((r) => `${r.id}:${r.status}`), []);
		const answeredOk = allCalls.filter((r) => r.status === 200);
		t.equal(`records: an execution recorded for each of the ${answeredOk.length} calls answered 200 (none lost)`, answeredOk.filter((r) => !byCall.has(r.callId)).map((r) => r.callId), []);
		const doubled = [...byCall.entries()].filter(([, records]) => records.length !== 1).map(([callId, records]) => `${callId}: ${records.length}`);
		t.equal(`records: exactly one execution per call, ${recorded.length} in all for ${allCalls.length} calls: none doubled`, [doubled, recorded.length], [[], allCalls.length]);
		const successOf = (results) => results.map((r) => byCall.get(r.callId)?.[0]).filter(Boolean);
		const measuredRecords = successOf(resultsOf(measured));
		t.equal(`records: the ${measuredRecords.length} executions of the 1- and 2-worker phases all have status success`, measuredRecords.filter((r) => r.status !== 'success').map((r) => `${r.id}:${r.status}`), []);
		t.ok('records: every execution ran in webhook mode (a production entry point)', recorded.every((r) => r.mode === 'webhook' || r.mode === 'trigger'), [...new Set(recorded.map((r) => r.mode))].join(', '));

		// --- workers: who ran what
		const by = startedBy(claims);
		const successIds = recorded.filter((r) => r.status === 'success').map((r) => r.id);
		t.equal('workers: every successful execution was started by exactly one worker (worker logs)', successIds.filter((id) => (by[id] ?? []).length !== 1).map((id) => `${id}: ${(by[id] ?? []).join('+') || 'none'}`), []);
		// The one exception: an execution the killed worker completed (its result saved) in the moment before SIGKILL
		// stopped it from logging so; n8n reads the database before giving up on the job and reports the success.
		const unlogged = successIds.filter((id) => !(by[id] ?? []).some((w) => claims[w].finished.has(id)));
		const inFlightAtKill = new Set(burst.kill?.running ?? []);
		t.equal(`workers: every successful execution was finished by the worker that started it (per its log; ${unlogged.length} completed by the killed worker just before the kill)`, unlogged.filter((id) => !inFlightAtKill.has(id) || !(by[id] ?? []).includes(victim.name)), []);
		t.equal('workers: the main ran no execution itself (its log has no "Worker started")', workerLogClaims(path.join(cluster.main.workDir, 'n8n-start.log')).started.size, 0);
		const perWorker = (records, claimSet) => Object.fromEntries(cluster.workers.map((w) => [w.name, records.filter((r) => (startedBy(claimSet)[r.id] ?? []).includes(w.name)).length]));
		const firstRecords = successOf([...warmup, ...first.results]);
		const firstSpread = perWorker(firstRecords, claimsAfterFirst);
		t.ok(`workers: the first ${firstRecords.length} executions (>= 200, all successful) spread over both workers (${JSON.stringify(firstSpread)}), each >= 20 %`, firstRecords.length >= 200 && Object.values(firstSpread).every((count) => count >= firstRecords.length * 0.2), JSON.stringify(firstSpread));
		for (const m of one) t.equal(`workers: "${m.label}" ran on ${survivor.name} alone`, perWorker(successOf(m.results), claims), { [survivor.name]: m.results.length, [victim.name]: 0 });
		const againSpread = perWorker(successOf(again.results), claims);
		t.ok(`workers: ${victim.name}, started again, takes jobs again (${JSON.stringify(againSpread)})`, againSpread[victim.name] > 0 && againSpread[survivor.name] > 0, JSON.stringify(againSpread));

		// --- the kill
		const kill = burst.kill;
		let killReport = { happened: false };
		t.equal('workers: no execution was started by two workers (nothing run twice)', Object.entries(by).filter(([, workers]) => workers.length > 1).map(([id, workers]) => `${id}: ${workers.join('+')}`), []);
		if (t.ok(`kill: ${victim.name} was SIGKILLed with executions of the burst in flight`, kill && kill.running.length > 0, 'the burst ended before the victim had executions in flight')) {
			const requests = await directory.requests();
			const memberChanges = (call) => {
				const route = `/api/v2/usergroups/${before.byName[call.body.group]}/members`;
				const retried = retry.results.find((r) => r.retryOf === call.callId);
				// The first attempt's changes: those that reached the directory before the client sent the call again.
				return requests.filter((e) => e.method === 'POST' && e.path === route && e.status === 204 && e.at < (retried ? retried.sentAt : Infinity)).length;
			};
			const complete = JOINERS.length + LEAVERS.length;
			const rows = burst.results.map((call) => ({ call, record: byCall.get(call.callId)?.[0], changes: memberChanges(call) }));
			const failedCalls = rows.filter(({ call }) => call.status !== 200);
			const unfinishedOnVictim = [...claims[victim.name].started].filter((id) => !claims[victim.name].finished.has(id));
			t.equal('kill: each burst call answered 200 has its execution recorded as a success; each answered with an error has none', rows.filter(({ call, record }) => (call.status === 200) !== (record?.status === 'success')).map(({ call, record }) => `${call.callId}: HTTP ${call.status}, ${record?.status}`), []);
			t.equal('kill: every burst call answered 200 made all its 30 membership changes', rows.filter(({ call, changes }) => call.status === 200 && changes !== complete).map(({ call, changes }) => `${call.callId}: ${changes}`), []);
			t.equal('kill: nothing half-applied without an error: a call with only part of its changes made got an error answer and its execution is marked failed', rows.filter(({ call, record, changes }) => changes > 0 && changes < complete && (call.status === 200 || record?.status === 'success')).map(({ call }) => call.callId), []);
			const halfWay = failedCalls.filter(({ changes }) => changes > 0 && changes < complete);
			t.ok(`kill: the kill cut executions off half-way (${halfWay.length} with only part of their 30 changes made), so the rule above was put to the test`, halfWay.length > 0, failedCalls.map(({ call, changes }) => `${call.callId}: ${changes}`).join(', '));
			// In flight at the kill: marked failed, or, if it had completed and saved its result just before, a success
			// n8n confirmed from the database (then its call got 200 and all 30 changes were made). None lost or run twice.
			const completedBeforeKill = rows.filter(({ record }) => record?.status === 'success' && unfinishedOnVictim.includes(record.id));
			t.ok(`kill: each of the ${unfinishedOnVictim.length} executions the killed worker left unlogged is marked failed (${unfinishedOnVictim.length - completedBeforeKill.length}) or had completed just before (${completedBeforeKill.length}: answered 200, all 30 changes made); none lost, none run again`, unfinishedOnVictim.length > 0 && unfinishedOnVictim.every((id) => {
				const record = recorded.find((r) => r.id === id);
				if (!record || (by[id] ?? []).length !== 1) return false;
				if (record.status !== 'success') return unknownRecords.includes(record);
				const row = rows.find((r) => r.record?.id === id);
				return row?.call.status === 200 && row.changes === complete;
			}), unfinishedOnVictim.map((id) => `${id}: ${recorded.find((r) => r.id === id)?.status}`).join(', '));
			const errorOf = (record) => record.run.data?.resultData?.error?.message ?? '';
			t.ok(`kill: each of the ${unknownRecords.length} marked executions carries n8n's stalled-job error`, unknownRecords.length > 0 && unknownRecords.every((record) => /processed too many times|stalled/i.test(errorOf(record))), unknownRecords.map((record) => `${record.id}: ${record.status} ${errorOf(record)}`).join(' | '));
			const handedOn = rows.filter(({ record }) => record?.status === 'success' && Date.parse(record.createdAt) < kill.at && Date.parse(record.startedAt) >= kill.at);
			const answeredAfterKill = failedCalls.map(({ call }) => (call.answeredAt - kill.at) / 1000);
			killReport = {
				happened: true,
				victim: victim.name,
				inFlightAtKill: kill.running.length,
				unfinishedOnVictim: unfinishedOnVictim.length,
				completedJustBeforeKill: completedBeforeKill.length,
				markedFailed: unknownRecords.map((record) => ({ execution: record.id, status: record.status, startedOnVictim: (by[record.id] ?? []).includes(victim.name) })),
				failedCalls: failedCalls.map(({ call, changes }) => ({ call: call.callId, httpStatus: call.status, answer: call.text.slice(0, 120), changesMadeOf30: changes })),
				halfApplied: failedCalls.filter(({ changes }) => changes > 0 && changes < complete).length,
				handedOnToSurvivor: handedOn.length,
				burstCalls: rows.length,
				burstSucceeded: rows.length - failedCalls.length,
				errorAnswersSecondsAfterKill: answeredAfterKill.length ? [Math.min(...answeredAfterKill), Math.max(...answeredAfterKill)] : [],
				error: unknownRecords[0] && errorOf(unknownRecords[0]),
			};
			log(`kill: ${unknownRecords.length} execution(s) marked failed (${killReport.halfApplied} half-applied), ${handedOn.length} job(s) still waiting at the kill run by ${survivor.name}; error answers ${answeredAfterKill.length ? `${Math.min(...answeredAfterKill).toFixed(1)}–${Math.max(...answeredAfterKill).toFixed(1)} s` : '-'} after the kill`);
		}

		// --- the directory: exactly as the executions imply
		const membersCalls = allCalls.filter((r) => r.kind === 'members' && r.phase !== 'retry');
		const expectedMembers = STAYERS.map((username) => before.userIds[username]).sort();
		const wrongGroups = [];
		for (const call of membersCalls) {
			const members = await directory.members(before.byName[call.body.group]);
			if (JSON.stringify(members) !== JSON.stringify(expectedMembers)) wrongGroups.push(`${call.body.group}: ${members.length} members`);
		}
		t.equal(`directory: each of the ${membersCalls.length} membership groups holds exactly the 10 users who joined and stayed`, wrongGroups, []);
		const requestsAtEnd = await directory.requests();
		const retriedGroups = new Set(retry.results.map((r) => before.byName[r.body.group]));
		const membersGroupIds = new Set(membersCalls.map((r) => before.byName[r.body.group]));
		const opCounts = new Map();
		for (const entry of requestsAtEnd) {
			const match = /^\/api\/v2\/usergroups\/([0-9a-f]{24})\/members$/.exec(entry.path);
			if (!match || entry.method !== 'POST' || entry.status !== 204 || !membersGroupIds.has(match[1]) || retriedGroups.has(match[1])) continue;
			const key = `${match[1]} ${entry.body?.op} ${entry.body?.id}`;
			opCounts.set(key, (opCounts.get(key) ?? 0) + 1);
		}
		const notOnce = [...opCounts.entries()].filter(([, count]) => count !== 1);
		const unretried = membersCalls.length - retriedGroups.size;
		t.ok(`directory: in the ${unretried} groups no call was retried for, every membership change was made exactly once (${opCounts.size} changes: ${unretried} x (20 adds + 10 removes))`, notOnce.length === 0 && opCounts.size === unretried * (JOINERS.length + LEAVERS.length), `${opCounts.size} changes, ${notOnce.length} not once: ${notOnce.slice(0, 3).map(([key, count]) => `${key} x${count}`).join(', ')}`);
		const hires = allCalls.filter((r) => r.kind === 'onboard').map((r) => r.body);
		const wrongHires = [];
		for (const hire of hires) {
			const found = await directory.userByUsername(hire.username);
			if (found.length !== 1) {
				wrongHires.push(`${hire.username}: ${found.length} users`);
				continue;
			}
			const groups = await directory.memberOf(found[0]._id);
			const expectedGroups = HIRE_GROUPS.map((name) => before.byName[name]).sort();
			if (found[0].manager !== before.userIds.msmith || JSON.stringify(groups) !== JSON.stringify(expectedGroups)) wrongHires.push(`${hire.username}: manager ${found[0].manager}, groups ${groups.length}`);
		}
		t.equal(`directory: each of the ${hires.length} new hires exists once, managed by msmith, in exactly ${HIRE_GROUPS.join(', ')}`, wrongHires.slice(0, 5), []);
		const triggerUsers = (triggerResult.batches ?? []).flatMap((b) => b.usernames).length;
		t.equal(`directory: users = before + new hires${triggerUsers ? ' + the trigger part\'s users' : ''} (no user lost or doubled)`, await directory.userCount(), before.userCount + hires.length + triggerUsers);
		const creates = requestsAtEnd.filter((entry) => entry.method === 'POST' && entry.path === '/api/systemusers' && entry.status === 200 && !entry.headers?.[HARNESS_HEADER]).length;
		t.equal('directory: one user create per new hire reached the directory', creates, hires.length);
		const groupsAfter = await directory.groups();
		t.equal('directory: no group created or lost by the executions', groupsAfter.length, before.groupCount);
		const afterByName = Object.fromEntries(groupsAfter.map((g) => [g.name, g.id]));
		const hireGroupCounts = {};
		for (const name of HIRE_GROUPS) hireGroupCounts[name] = (await directory.members(afterByName[name])).length - before.hireGroupMembers[name];
		t.equal('directory: Engineering, All Staff and VPN Users each gained exactly the new hires', hireGroupCounts, Object.fromEntries(HIRE_GROUPS.map((name) => [name, hires.length])));

		// --- the trigger
		trigger.check(t, triggerResult, { claims, mainLog: path.join(cluster.main.workDir, 'n8n-start.log') });

		// --- secrets, network, processes
		const logs = cluster.logFiles().map((file) => fs.readFileSync(file, 'utf8')).join('\n');
		t.ok('secrets: the API key appears in no n8n log (main, workers)', !logs.includes(sim.keys.single));
		t.ok('secrets: the API key appears in no execution record', !JSON.stringify(recorded).includes(sim.keys.single));
		if (sockets.supported) {
			const table = seenListeners.map((l) => `${l.address}:${l.port} (${l.command})`).join(', ');
			t.ok('network: n8n, its workers, Redis, PostgreSQL and the simulator listened on 127.0.0.1 only', seenListeners.length >= 5 && seenListeners.every((l) => sockets.isLoopback(l.address)), table);
			if (options.verbose) log(`listeners: ${table}`);
		}

		// ============================================================ figures
		const rate = (count, ms) => Math.round((count / (ms / 1000)) * 100) / 100;
		/** Per phase, from the records: time in the queue (created → a worker started it) and on the worker. */
		const timing = (results) => {
			const records = results.map((r) => byCall.get(r.callId)?.[0]).filter((r) => r?.startedAt && r?.stoppedAt);
			const stats = (values) => {
				const sorted = [...values].sort((a, b) => a - b);
				const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
				return sorted.length ? { median: at(0.5), p90: at(0.9), max: sorted[sorted.length - 1] } : {};
			};
			return {
				queuedMs: stats(records.map((r) => Date.parse(r.startedAt) - Date.parse(r.createdAt))),
				runMs: stats(records.map((r) => Date.parse(r.stoppedAt) - Date.parse(r.startedAt))),
				answerMs: stats(results.map((r) => r.ms)),
			};
		};
		const summary = (list) => {
			const calls = list.reduce((sum, m) => sum + m.results.length, 0);
			const ms = list.reduce((sum, m) => sum + m.ms, 0);
			const cpu = {};
			for (const m of list) for (const [role, used] of Object.entries(m.cpuMs)) cpu[role] = (cpu[role] ?? 0) + used;
			const cpuPerExecutionMs = Object.fromEntries(Object.entries(cpu).map(([role, used]) => [role, Math.round(used / calls)]));
			return { calls, seconds: ms / 1000, executionsPerSecond: rate(calls, ms), cpuPerExecutionMs, cpuPerExecutionTotalMs: Object.values(cpuPerExecutionMs).reduce((a, b) => a + b, 0) };
		};
		const memoryReport = memory.report().map((entry) => ({ process: entry.role, peakMb: Math.round(entry.peakKb / 102.4) / 10, peakSumMb: Math.round(entry.peakSumKb / 102.4) / 10, processes: entry.processes }));
		Object.assign(figures, {
			environment: cluster.userFacingEnv(),
			suiteOnly: { QUEUE_WORKER_LOCK_DURATION: cluster.main.env.QUEUE_WORKER_LOCK_DURATION, QUEUE_WORKER_LOCK_RENEW_TIME: cluster.main.env.QUEUE_WORKER_LOCK_RENEW_TIME, QUEUE_WORKER_STALLED_INTERVAL: cluster.main.env.QUEUE_WORKER_STALLED_INTERVAL },
			debianPackagesInstalledNow: packagesInstalled.installed,
			executionsRecorded: recorded.length,
			executionsSucceeded: successIds.length,
			clientConcurrency: CLIENT_CONCURRENCY,
			workerConcurrency: WORKER_CONCURRENCY,
			twoWorkers: summary(two),
			oneWorker: summary(one),
			throughputPhases: measured.map((m) => ({ phase: m.label, workers: m.workers, calls: m.results.length, seconds: m.ms / 1000, executionsPerSecond: rate(m.results.length, m.ms), loadAverage1m: m.loadAverage.map((l) => Math.round(l * 100) / 100), cpuMs: m.cpuMs, ...timing(m.results) })),
			firstPhasePerWorker: firstSpread,
			perWorkerAllPhases: Object.fromEntries(Object.entries(claims).map(([name, c]) => [name, { started: c.started.size, finished: c.finished.size }])),
			kill: killReport,
			trigger: triggerResult.report,
			memory: memoryReport,
			phases: phases.list.map((p) => ({ name: p.name, seconds: p.ms / 1000 })),
		});
		process.stdout.write(`\nthroughput (client: ${CLIENT_CONCURRENCY} calls at a time, worker concurrency ${WORKER_CONCURRENCY}, ${figures.machine.cpus} CPUs; load average at start and end of each phase):\n`);
		for (const phase of figures.throughputPhases) {
			process.stdout.write(`  ${phase.phase.padEnd(36)} ${String(phase.calls).padStart(4)} in ${seconds(phase.seconds * 1000).padStart(7)} = ${String(phase.executionsPerSecond).padStart(5)}/s  median queued ${phase.queuedMs.median} ms, on the worker ${phase.runMs.median} ms  (load ${phase.loadAverage1m.join(' -> ')})\n`);
		}
		for (const [label, entry] of [['2 workers', figures.twoWorkers], ['1 worker', figures.oneWorker]]) {
			process.stdout.write(`  ${label.padEnd(9)} all together: ${entry.calls} in ${seconds(entry.seconds * 1000)} = ${entry.executionsPerSecond}/s; CPU per execution ${entry.cpuPerExecutionTotalMs} ms (${Object.entries(entry.cpuPerExecutionMs).map(([role, ms]) => `${role} ${ms}`).join(', ')})\n`);
		}
		process.stdout.write('memory (peak resident set per process, MB):\n');
		for (const entry of memoryReport) {
			const note = entry.processes < 2 ? '' : entry.peakSumMb > entry.peakMb * 1.05 ? `  (${entry.processes} processes, at most ${entry.peakSumMb} MB at once)` : `  (${entry.processes} processes one after another: restarts)`;
			process.stdout.write(`  ${entry.process.padEnd(34)} ${String(entry.peakMb).padStart(7)}${note}\n`);
		}

		await phases.time('stop Redis, PostgreSQL, the simulator', async () => {
			for (const stop of stopServices.splice(0).reverse()) await stop();
		});
		t.equal('processes: nothing left running (n8n, workers, task runners, Redis, PostgreSQL, simulator)', processes.leftovers(), []);
		t.ok('services: the throw-away Redis and PostgreSQL data folders are gone', !fs.existsSync(redis.dir) && !fs.existsSync(postgres.dir));

		figures.wallSeconds = (Date.now() - started) / 1000;
		figures.checks = { passed: t.passed, failed: t.failed, skipped: t.skipped };
		fs.mkdirSync(path.dirname(REPORT_FILE), { recursive: true });
		fs.writeFileSync(REPORT_FILE, `${JSON.stringify(figures, null, 2)}\n`);
		process.stdout.write(`\nphases:\n${phases.table()}\n`);
		process.stdout.write(`queue run time: ${seconds(Date.now() - started)}; figures in ${path.relative(n8n.REPO_ROOT, REPORT_FILE)}\n`);
		succeeded = t.failed === 0;
	} catch (error) {
		t.record('queue run', false, error.stack ?? String(error));
	} finally {
		await processes.stopAll();
		for (const stop of stopServices.splice(0).reverse()) {
			try {
				await stop();
			} catch {
				// best effort
			}
		}
		if (options.keep || !succeeded) {
			if (folders.main) log(`kept the n8n user folders for inspection: ${[folders.main, ...folders.workers].join(' ')}`);
		} else {
			removeFolders();
		}
	}
	if (t.skipped.length) process.stdout.write(`\n${t.skipped.length} skipped (not passed): ${t.skipped.join('; ')}\n`);
	process.stdout.write(`\n${t.passed} passed, ${t.failed} failed\n`);
	process.exitCode = t.failed === 0 ? 0 : 1;
}

main();
