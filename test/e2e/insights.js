'use strict';
/**
 * Directory Insights in real n8n: the checks of workflow 20 (Event operations, run by `n8n execute-batch` with the
 * others), and the JumpCloud Trigger proven the way users run it:
 *
 * - published (active) workflows, `n8n start`, and n8n's own poller: each activation polls once (the trigger starts
 *   from now and checks it can read the events), then every minute (`everyMinute`, n8n's shortest interval);
 * - a user created through the simulator's API after the activation starts `e2e trigger: a user is created`
 *   exactly once, and a request with a wrong API key (a failed admin login) starts the example
 *   examples/alert-failed-admin-logins.json;
 * - the editor's manual test run (`POST /rest/workflows/:id/run` from the trigger): n8n runs the trigger's poll in
 *   manual mode, which shows the newest matching events, the user created a moment before first.
 *
 * Every wait is bounded and polls what n8n recorded (its database) or what the simulator saw (its request log).
 */
const fs = require('node:fs');
const path = require('node:path');

const n8n = require('../../scripts/lib/n8n');
const { log } = require('../../scripts/lib/log');
const { reader } = require('./checks');
const { HARNESS_HEADER } = require('../contract/contract');

const TRIGGER_DIR = path.join(__dirname, 'triggers');
/** Examples started by a trigger: run by n8n's poller here, not by execute-batch (which needs a Manual Trigger). */
const TRIGGER_EXAMPLE_FILES = ['alert-failed-admin-logins.json'];
const POLLED_WORKFLOW = 'jcE2eTrigUserCreated';
const ALERT_EXAMPLE = 'alertAdminLogins01';
/** A minute between polls, plus n8n's random second and the time an execution takes to be recorded. */
const POLL_WAIT_MS = 150_000;
const INSIGHTS_EVENTS = '/insights/directory/v1/events';
const BAD_KEY = 'e2e-trigger-wrong-key-000000000000000000';

/** The workflows this phase imports: the polled e2e workflow and the trigger examples. */
function triggerWorkflows() {
	const own = fs.readdirSync(TRIGGER_DIR).filter((file) => file.endsWith('.json')).sort().map((file) => JSON.parse(fs.readFileSync(path.join(TRIGGER_DIR, file), 'utf8')));
	const examples = TRIGGER_EXAMPLE_FILES.map((file) => JSON.parse(fs.readFileSync(path.join(n8n.REPO_ROOT, 'examples', file), 'utf8')));
	return [...own, ...examples];
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns a value (not undefined) or the time is up; returns the value or undefined. */
async function waitFor(probe, timeoutMs, intervalMs = 1000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		let value;
		try {
			value = await probe();
		} catch {
			value = undefined; // e.g. the database is busy while n8n writes: ask again
		}
		if (value !== undefined) return value;
		if (Date.now() >= deadline) return undefined;
		await sleep(intervalMs);
	}
}

/** The simulator's API as an admin would use it (marked as the harness's own requests for the contract layer). */
function simulatorApi(sim) {
	return async (method, pathAndQuery, body, key = sim.keys.single) => {
		const response = await fetch(`${sim.baseUrl}${pathAndQuery}`, {
			method,
			headers: { 'x-api-key': key, accept: 'application/json', 'content-type': 'application/json', [HARNESS_HEADER]: 'e2e' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		return { status: response.status, json, text };
	};
}

async function simulatorRequests(sim) {
	return await (await fetch(`${sim.baseUrl}/__simulator/requests`)).json();
}

/**
 * Publishes the trigger workflows, starts n8n, and makes things happen in JumpCloud while n8n polls. Resolves
 * what the checks need; n8n is stopped and the users it created are deleted before it returns.
 */
async function runTriggerPhase(instance, sim, { owner }) {
	const api = simulatorApi(sim);
	const workflows = triggerWorkflows();
	for (const workflow of workflows) await instance.publishWorkflow(workflow.id);
	const startedAt = Date.now();
	const server = await instance.start();
	const result = { workflows: workflows.map((w) => w.id), responses: [], logFile: server.logFile, usernames: {}, timings: {} };
	const created = [];
	try {
		// The activation polls: one small Insights query per active trigger (the start from now), before any change.
		const activations = await waitFor(async () => {
			const probes = (await simulatorRequests(sim)).filter((r) => r.path === INSIGHTS_EVENTS && r.at >= startedAt && r.body?.limit === 1 && r.body?.sort === 'DESC');
			return probes.length >= workflows.length ? probes : undefined;
		}, 60_000, 500);
		result.activations = activations ?? [];
		result.timings.activatedMs = Date.now() - startedAt;

		const client = await n8n.editorClient(server.url, owner);
		if (client.setup.status !== 200) {
			const login = await client.call('POST', '/rest/login', { emailOrLdapLoginId: owner.email, password: owner.password });
			result.login = login.status;
		}

		// The editor's manual test run of the trigger: a user created a moment before shows first.
		const sampleUser = 'e2e.trigger.sample';
		const sample = await api('POST', '/api/systemusers', { username: sampleUser, email: `${sampleUser}@acme.example` });
		created.push(sample.json?._id);
		result.usernames.sample = sampleUser;
		const run = await client.call('POST', `/rest/workflows/${POLLED_WORKFLOW}/run`, { triggerToStartFrom: { name: 'JumpCloud Trigger' } });
		result.responses.push(run.text);
		result.manualRunAnswer = { status: run.status, executionId: run.json?.data?.executionId };
		result.manual = await waitFor(async () => {
			const executions = await instance.recordedExecutions();
			const found = executions.find((e) => e.workflowId === POLLED_WORKFLOW && e.mode === 'manual' && e.stoppedAt);
			return found ?? undefined;
		}, 60_000);

		// Changes n8n's poller must pick up: a second user, and a failed admin login (a request with a wrong key).
		const polledUser = 'e2e.trigger.polled';
		const polled = await api('POST', '/api/systemusers', { username: polledUser, email: `${polledUser}@acme.example` });
		created.push(polled.json?._id);
		result.usernames.polled = polledUser;
		const failedLogin = await api('GET', '/api/organizations?limit=1', undefined, BAD_KEY);
		result.failedLoginStatus = failedLogin.status;
		const changedAt = Date.now();

		// n8n's poller (every minute) starts both workflows: wait for what it records, bounded.
		const polledRuns = await waitFor(async () => {
			const executions = (await instance.recordedExecutions()).filter((e) => e.mode === 'trigger' && e.stoppedAt);
			const usernames = executions
				.filter((e) => e.workflowId === POLLED_WORKFLOW)
				.flatMap((e) => (reader(e.run).out('JumpCloud Trigger') ?? []).map((event) => event.resource?.username));
			const alert = executions.some((e) => e.workflowId === ALERT_EXAMPLE);
			return usernames.includes(sampleUser) && usernames.includes(polledUser) && alert ? executions : undefined;
		}, POLL_WAIT_MS, 2000);
		result.timings.pickedUpMs = Date.now() - changedAt;
		// One more minute's poll must add nothing: each event once.
		if (polledRuns) await sleep(5000);
		result.executions = (await instance.recordedExecutions()).filter((e) => workflows.some((w) => w.id === e.workflowId));
		result.requests = (await simulatorRequests(sim)).filter((r) => r.at >= startedAt && r.path === INSIGHTS_EVENTS);
	} finally {
		await server.stop();
		for (const id of created.filter(Boolean)) await api('DELETE', `/api/systemusers/${id}`);
		log(`trigger phase: activation polls seen after ${result.timings.activatedMs ?? '?'} ms, events picked up by n8n's poller after ${result.timings.pickedUpMs ?? '?'} ms`);
	}
	return result;
}

function checkTriggerPhase(t, phase, facts) {
	const acme = facts.orgs.acme;
	const activations = phase.activations ?? [];
	t.ok(
		'trigger: each published workflow with a JumpCloud Trigger was activated by n8n start, which polled once (start from now, one Insights query in Acme each)',
		activations.length >= phase.workflows.length && activations.every((r) => r.orgId === acme),
		JSON.stringify(activations.map((r) => r.orgId)),
	);
	// The manual test run (the editor's "Fetch Test Event").
	t.equal('trigger, manual test run: n8n accepted the run', [phase.manualRunAnswer?.status, typeof phase.manualRunAnswer?.executionId], [200, 'string']);
	const manual = phase.manual && reader(phase.manual.run);
	const sample = manual ? manual.out('JumpCloud Trigger') : [];
	t.equal('trigger, manual test run: n8n ran the poll and recorded a successful execution', phase.manual?.status, 'success');
	t.equal(
		'trigger, manual test run: the newest event is the user_create of the user created a moment before, tagged with Acme',
		sample[0] && [sample[0].event_type, sample[0].resource?.username, sample[0].organizationId, sample[0].organizationName],
		['user_create', phase.usernames.sample, acme, 'Acme Corp'],
	);
	t.check('trigger, manual test run: a few events, newest first', () => (sample.length >= 1 && sample.length <= 5 && sample.every((e, i) => i === 0 || e.timestamp <= sample[i - 1].timestamp)) || JSON.stringify(sample.map((e) => e.timestamp)));
	t.equal('trigger, manual test run: the workflow went on (Set node) with the event', manual?.out('New user')[0]?.username, phase.usernames.sample);

	// n8n's own poller.
	const executions = phase.executions ?? [];
	const polled = executions.filter((e) => e.workflowId === POLLED_WORKFLOW && e.mode === 'trigger');
	const events = polled.flatMap((e) => reader(e.run).out('JumpCloud Trigger'));
	t.ok('trigger, n8n poller: the active workflow was started by n8n\'s own poller (mode trigger), successfully', polled.length >= 1 && polled.every((e) => e.status === 'success'), JSON.stringify(polled.map((e) => [e.mode, e.status])));
	t.equal(
		'trigger, n8n poller: the user_create events of the users created after activation, each exactly once, oldest first',
		events.map((e) => [e.event_type, e.resource?.username]),
		[['user_create', phase.usernames.sample], ['user_create', phase.usernames.polled]],
	);
	t.equal('trigger, n8n poller: each event is one item, and the workflow went on with it', polled.flatMap((e) => reader(e.run).out('New user')).map((u) => [u.username, u.organization]), [[phase.usernames.sample, 'Acme Corp'], [phase.usernames.polled, 'Acme Corp']]);
	t.equal('trigger, n8n poller: events before the activation (earlier workflows, the editor\'s credential tests) never came', events.filter((e) => !String(e.resource?.username).startsWith('e2e.trigger.')).length, 0);
	const pollRequests = (phase.requests ?? []).filter((r) => r.body?.sort === 'ASC');
	t.check('trigger, n8n poller: its polls read Acme from the cursor in ascending order, with x-org-id', () => (pollRequests.length >= 1 && pollRequests.every((r) => r.orgId === acme && typeof r.body.start_time === 'string')) || `${pollRequests.length} poll requests`);

	// The example: alert on failed admin logins.
	t.equal('example alert on failed admin logins: the wrong key was refused (401)', phase.failedLoginStatus, 401);
	const alerts = executions.filter((e) => e.workflowId === ALERT_EXAMPLE);
	t.equal('example alert on failed admin logins: started by n8n\'s poller, successfully', alerts.map((e) => [e.mode, e.status]), alerts.length ? alerts.map(() => ['trigger', 'success']) : [['trigger', 'success']]);
	const failed = alerts.flatMap((e) => reader(e.run).out('JumpCloud Trigger'));
	t.equal('example alert on failed admin logins: exactly the one failed admin login made after activation', failed.map((e) => [e.event_type, e.success, e.organizationName]), [['admin_login_attempt', false, 'Acme Corp']]);
	const [alert] = alerts.flatMap((e) => reader(e.run).out('Compose alert'));
	t.equal('example alert on failed admin logins: the alert names the organization, the reason and the event', alert && [alert.alert, alert.severity, alert.reason, alert.eventId], ['Failed JumpCloud admin login in Acme Corp', 'high', 'api key user not found', failed[0]?.id]);
}

// ------------------------------------------------------------------ workflow 20 (execute-batch)

const successChecks = {
	jcE2e20Insights(t, run, facts) {
		const r = reader(run);
		const events = r.out('User events');
		const ids = events.map((e) => e.id);
		t.ok('20 events, Return All: the user_create and user_delete events the earlier workflows caused', events.length > 0 && events.every((e) => ['user_create', 'user_delete'].includes(e.event_type)), JSON.stringify(events.map((e) => e.event_type)));
		t.equal('20 events: each event once', new Set(ids).size, ids.length);
		t.check('20 events: oldest first (Sort: Oldest First)', () => events.every((e, i) => i === 0 || e.timestamp >= events[i - 1].timestamp) || 'not in ascending order');
		t.check('20 events: every e2e user created was deleted later (its user_delete follows its user_create)', () => {
			const e2e = events.filter((e) => e.event_type === 'user_create' && String(e.resource?.username).startsWith('e2e.'));
			const missing = e2e.filter((c) => !events.some((d) => d.event_type === 'user_delete' && d.resource?.id === c.resource?.id && d.timestamp >= c.timestamp));
			return (e2e.length > 0 && missing.length === 0) || `${e2e.length} created, not deleted: ${missing.map((m) => m.resource?.username).join(', ')}`;
		});
		t.equal('20 events: from the single-org key\'s own organization (Acme)', [...new Set(events.map((e) => e.organization))], [facts.orgs.acme]);
		t.equal('20 count: Get Count agrees with Get Many', r.out('Count user events'), [{ count: events.length }]);
		t.equal('20 API Request to the Insights host (Service: Directory Insights, POST /events/count) agrees', r.out('Count by API Request'), [{ count: events.length }]);
		const distinct = r.out('Event types');
		const byType = Object.fromEntries(distinct.map((b) => [b.value, b.count]));
		t.equal('20 distinct values: user_create and user_delete counted as Get Many found them', [byType.user_create, byType.user_delete], [events.filter((e) => e.event_type === 'user_create').length, events.filter((e) => e.event_type === 'user_delete').length]);
		t.check('20 distinct values: most frequent first', () => distinct.every((b, i) => i === 0 || b.count <= distinct[i - 1].count) || JSON.stringify(distinct));
		const first = r.out('First 3 events');
		t.equal('20 Limit 3 with Fields: three events, only the fields asked for (id and timestamp always)', first.map((e) => Object.keys(e).sort()), first.map(() => ['event_type', 'id', 'resource', 'timestamp']).slice(0, 3));
		t.equal('20 Limit 3: three events', first.length, 3);
		const everywhere = r.out('Events everywhere (MSP)');
		const umbrella = everywhere.filter((e) => e.error);
		t.equal('20 All Organizations: Umbrella Corp is an error item in place (403), with the Insights explanation', umbrella.map((e) => [e.details?.organizationName, e.details?.httpCode, /Directory Insights/.test(e.details?.description ?? '')]), [['Umbrella Corp', '403', true]]);
		t.check('20 All Organizations: the other events are tagged with Globex or Initech', () => everywhere.filter((e) => !e.error).every((e) => ['Globex Corporation', 'Initech'].includes(e.organizationName) && e.organization === e.organizationId) || 'untagged events');
	},
};

module.exports = { successChecks, triggerWorkflows, runTriggerPhase, checkTriggerPhase, TRIGGER_EXAMPLE_FILES };
