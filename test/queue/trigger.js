'use strict';
/**
 * The JumpCloud Trigger in queue mode: its cursor lives in the workflow's static data, saved to PostgreSQL, so it
 * must survive a restart of every n8n process and never emit an event twice.
 *
 * In n8n 2.41.1 queue mode the main instance (the leader) runs every poll and keeps the static data; the
 * executions a poll starts go through Redis to the workers. So the run is:
 * 1. the trigger workflow (User Created, polled every minute, then JumpCloud › Get user on each event) is
 *    activated through the main's REST API, as the editor's toggle does; its first poll starts the cursor at now;
 * 2. batch 1 of users is created in the directory; the next poll emits them;
 * 3. every n8n process (main and both workers) is stopped; batch 2 is created while nothing runs; all are started
 *    again: the stored cursor must make the main emit batch 2, and nothing of batch 1 again;
 * 4. batch 3 is created; the next regular poll emits it.
 * Verdicts from the trigger's executions in PostgreSQL: every event emitted exactly once, exactly the users the
 * suite created after activation, every execution successful and run by a worker.
 *
 * Until the node exists (issue #11: nodes/JumpCloud/JumpCloudTrigger.node.ts, listed in package.json's
 * n8n.nodes) this part reports itself as SKIPPED, never as passed.
 */
const fs = require('node:fs');
const path = require('node:path');

const n8n = require('../../scripts/lib/n8n');
const { log, seconds } = require('../../scripts/lib/log');
const { workerLogClaims } = require('./cluster');

const SOURCE = path.join(n8n.REPO_ROOT, 'nodes', 'JumpCloud', 'JumpCloudTrigger.node.ts');
const LISTED = 'dist/nodes/JumpCloud/JumpCloudTrigger.node.js';
const WORKFLOW_FILE = path.join(__dirname, 'trigger', 'queue-trigger.json');
const WORKFLOW_ID = 'queueTrigger01';
const TRIGGER_NODE = 'JumpCloud Trigger';
const BATCH = 4;
/** Polls run every minute (n8n refuses shorter intervals); an emission is awaited up to this long. */
const EMIT_TIMEOUT_MS = 100_000;

/** Why the trigger part cannot run, or undefined when it can. */
function missing() {
	if (!fs.existsSync(SOURCE)) return `TODO(#11): ${path.relative(n8n.REPO_ROOT, SOURCE)} does not exist yet`;
	const listed = require(path.join(n8n.REPO_ROOT, 'package.json')).n8n?.nodes ?? [];
	if (!listed.includes(LISTED)) return `TODO(#11): package.json's n8n.nodes does not list ${LISTED} yet`;
	return undefined;
}

/** The trigger workflow to import with the others, when the node exists. */
function workflow() {
	return missing() ? undefined : JSON.parse(fs.readFileSync(WORKFLOW_FILE, 'utf8'));
}

/** The events one trigger execution emitted: [{ id, type, username }]. */
function eventsOf(record) {
	const items = record.run?.data?.resultData?.runData?.[TRIGGER_NODE]?.[0]?.data?.main?.[0] ?? [];
	return items.map(({ json }) => ({ id: json.id, type: json.event_type, username: json.resource?.username }));
}

async function staticDataOf(instance, workflowId) {
	const { Client } = n8n.n8nRequire(instance.runtime, 'pg');
	const env = instance.env;
	const client = new Client({ host: env.DB_POSTGRESDB_HOST, port: Number(env.DB_POSTGRESDB_PORT), database: env.DB_POSTGRESDB_DATABASE, user: env.DB_POSTGRESDB_USER, password: env.DB_POSTGRESDB_PASSWORD });
	await client.connect();
	try {
		const { rows } = await client.query('SELECT "staticData" FROM workflow_entity WHERE id = $1', [workflowId]);
		const value = rows[0]?.staticData;
		return typeof value === 'string' ? JSON.parse(value) : (value ?? null);
	} finally {
		await client.end();
	}
}

/**
 * Runs the trigger part on a running cluster whose database already holds the trigger workflow (imported, not
 * active). `createUser(username)` makes a user in the directory; `requests()` reads the simulator's request log.
 */
async function run({ cluster, createUser, requests }) {
	const reason = missing();
	if (reason) return { skipped: reason, report: { status: 'skipped', reason } };
	const main = cluster.main;
	const result = { batches: [], restartSeconds: undefined, staticData: {} };
	const emitted = async () => (await main.recordedExecutionsInPostgres({ workflowId: WORKFLOW_ID })).filter((r) => !['new', 'running'].includes(r.status));
	const waitFor = async (label, usernames) => {
		const started = Date.now();
		for (;;) {
			const records = await emitted();
			const names = new Set(records.flatMap(eventsOf).map((event) => event.username));
			if (usernames.every((name) => names.has(name))) {
				const ms = Date.now() - started;
				log(`trigger: ${label} emitted after ${seconds(ms)}`);
				return ms;
			}
			if (Date.now() - started > EMIT_TIMEOUT_MS) throw new Error(`trigger: ${label} (${usernames.join(', ')}) not emitted within ${seconds(EMIT_TIMEOUT_MS)}`);
			await new Promise((resolve) => setTimeout(resolve, 1000));
		}
	};
	const batch = async (n, when) => {
		const usernames = Array.from({ length: BATCH }, (_, i) => `qtrigger${n}-${i + 1}`);
		for (const username of usernames) await createUser(username);
		result.batches.push({ batch: n, when, usernames });
		return usernames;
	};

	// 1. Activation, as the editor's toggle: the owner account, then POST /rest/workflows/:id/activate. n8n answers
	// before the trigger's first poll (which starts the cursor at "now"): batch 1 waits until that poll has asked
	// JumpCloud for events, or its users could fall before the cursor.
	const activatedAt = Date.now();
	const owner = { email: 'queue@example.com', firstName: 'Queue', lastName: 'Owner', password: 'Queue-owner-passw0rd' };
	const client = await n8n.editorClient(cluster.server.url, owner);
	const stored = await client.call('GET', `/rest/workflows/${WORKFLOW_ID}`);
	const activation = await client.call('POST', `/rest/workflows/${WORKFLOW_ID}/activate`, { versionId: stored.json?.data?.versionId });
	result.activation = { setup: client.setup.status, status: activation.status, active: activation.json?.data?.active, error: activation.status === 200 ? undefined : activation.text.slice(0, 300) };
	if (activation.status !== 200) return { ...result, failed: `activation answered ${activation.status}: ${activation.text.slice(0, 300)}`, report: { status: 'failed', ...result } };

	try {
		// 2. Batch 1 while everything runs.
		const pollDeadline = Date.now() + 30_000;
		for (;;) {
			const log = await requests();
			if (log.some((entry) => entry.path === '/insights/directory/v1/events' && !entry.headers?.['x-test-harness'] && entry.at >= activatedAt)) break;
			if (Date.now() > pollDeadline) throw new Error('trigger: its first poll did not reach the simulator within 30 s of the activation');
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		const first = await batch(1, 'after activation, all running');
		result.emitSeconds = [(await waitFor('batch 1', first)) / 1000];
		result.staticData.beforeRestart = await staticDataOf(main, WORKFLOW_ID);

		// 3. Every n8n process stopped; batch 2 while nothing runs; all started again (the killed worker too).
		const restartStarted = Date.now();
		await cluster.stopAll();
		const second = await batch(2, 'while every n8n process was stopped');
		await Promise.all([cluster.startMain(), cluster.startWorkers()]);
		result.restartSeconds = (Date.now() - restartStarted) / 1000;
		log(`trigger: main and ${cluster.workers.length} workers restarted in ${seconds(Date.now() - restartStarted)}`);
		result.emitSeconds.push((await waitFor('batch 2 (made while n8n was down)', second)) / 1000);

		// 4. Batch 3 for the next regular poll.
		const third = await batch(3, 'after the restart');
		result.emitSeconds.push((await waitFor('batch 3', third)) / 1000);
		result.staticData.atEnd = await staticDataOf(main, WORKFLOW_ID);
	} catch (error) {
		result.failed = error.message;
	}
	result.records = await main.recordedExecutionsInPostgres({ workflowId: WORKFLOW_ID });
	return { ...result, report: { status: result.failed ? 'failed' : 'ran', activation: result.activation, batches: result.batches, restartSeconds: result.restartSeconds, emitSeconds: result.emitSeconds, executions: result.records.length, events: result.records.flatMap(eventsOf).length, staticData: result.staticData } };
}

/** The trigger part's verdicts. `claims`: the workers' log claims at the end; `mainLog`: the main's log file. */
function check(t, result, { claims, mainLog }) {
	const name = 'trigger: static data survives a restart of every n8n process, no event emitted twice';
	if (result.skipped) {
		t.skip(name, result.skipped);
		return;
	}
	t.ok('trigger: the workflow was activated through the main instance\'s REST API (the editor\'s toggle)', result.activation?.status === 200, JSON.stringify(result.activation));
	t.ok('trigger: batch 1, batch 2 (made while every n8n process was down) and batch 3 were each emitted', !result.failed, result.failed);
	const records = result.records ?? [];
	t.equal('trigger: every trigger execution succeeded', records.filter((r) => r.status !== 'success').map((r) => `${r.id}:${r.status}`), []);
	const events = records.flatMap(eventsOf);
	const ids = events.map((event) => event.id);
	t.equal(`trigger: no event emitted twice (${events.length} events in ${records.length} executions)`, ids.filter((id, i) => ids.indexOf(id) !== i), []);
	const expected = result.batches.flatMap((b) => b.usernames).sort();
	t.equal('trigger: exactly the users created after activation were emitted, each once, none from before', events.map((event) => event.username).sort(), expected);
	t.ok('trigger: every event is a user_create', events.every((event) => event.type === 'user_create'), [...new Set(events.map((event) => event.type))].join(', '));
	const gotUsers = records.flatMap((r) => (r.run?.data?.resultData?.runData?.['Get user']?.[0]?.data?.main?.[0] ?? []).map(({ json }) => json.username)).sort();
	t.equal('trigger: JumpCloud › Get user ran on each emitted event (on a worker, the credential decrypted there)', gotUsers, expected);
	const byWorker = Object.fromEntries(Object.entries(claims).map(([worker, c]) => [worker, records.filter((r) => c.started.has(r.id)).length]));
	t.equal(`trigger: each trigger execution ran on a worker (${JSON.stringify(byWorker)}), none on the main`, [records.filter((r) => Object.values(claims).filter((c) => c.started.has(r.id)).length !== 1).map((r) => r.id), workerLogClaims(mainLog).started.size], [[], 0]);
	const cursors = (data) => (data && typeof data === 'object' ? JSON.stringify(data).length : 0);
	t.ok('trigger: its cursor was in the workflow\'s static data in PostgreSQL before the restart and after', cursors(result.staticData.beforeRestart) > 2 && cursors(result.staticData.atEnd) > 2, JSON.stringify(result.staticData).slice(0, 300));
}

module.exports = { run, check, missing, workflow, eventsOf, WORKFLOW_ID };
