/**
 * Nothing lost, nothing doubled: 2,000 mixed items (create, update, add to group, remove, get, delete) through
 * n8n-core's engine while 10 % of the simulator's answers are faults of every kind (429 with and without
 * Retry-After, 500/502/503/504, resets before and after processing, 5xx after the change was applied, hangs past
 * the timeout, cut-off and non-JSON bodies, HTML 200 pages), once per error setting.
 *
 * Items run 32 at a time (the default Concurrency). For every item: exactly one output, on the right output, in
 * input order, paired to its input; no success
 * that the directory contradicts; no change reported as failed; no duplicate user; and at the end the
 * directory is what the outputs say. The figures are written to reports/fault-soak-<setting>.json.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runNode } from '../../helpers/engine';
import { byEmail, byId, byName, byUsername } from '../../helpers/locators';
import { useSimulator } from '../../helpers/simulator';
import type { LoggedRequest, SimulatorRecord } from '../../helpers/simulator';
import { writeReport } from '../../reports';

const fixture = useSimulator();
const SETTINGS = ['continueRegularOutput', 'continueErrorOutput'] as const;
type Setting = (typeof SETTINGS)[number];
/**
 * A short retry budget keeps the run fast; the rules are the same as with the defaults. The timeout is far above
 * any answer time of the local simulator, even on a loaded machine (a 250 ms timeout made unfaulted answers time
 * out under load, five times in a row for one item now and then): only the injected hangs may time out.
 */
const OPTIONS = { timeout: 3000, maxRetryWait: 1 };
const UNKNOWN_ID = '0123456789abcdef0123abcd';
/** Fault kinds after which JumpCloud has applied the request (faults.js: "after"). */
const APPLIED_FAULTS = new Set<string>(['5xx-after', 'reset-after', 'hang', 'truncated', 'non-json']);

interface Phase {
	name: string;
	parameters: INodeParameters;
	items: IDataObject[];
	/** Which items are wrong on purpose (they must fail however often their calls are retried). */
	bad: (item: IDataObject) => boolean;
}

interface Outcome {
	index: number;
	ok: boolean;
	json: IDataObject;
}

/** Splits a node's outputs into one outcome per input item, checking count, output, order and pairing. */
function outcomesOf(outputs: INodeExecutionData[][], setting: Setting, count: number, problems: string[], phase: string): Outcome[] {
	const paired = (item: INodeExecutionData) => (item.pairedItem as { item: number }).item;
	const isError = (item: INodeExecutionData) => typeof item.json.error === 'string' && Object.keys(item.json).every((key) => ['error', 'details'].includes(key));
	let outcomes: Outcome[];
	if (setting === 'continueRegularOutput') {
		if (outputs.length !== 1) problems.push(`${phase}: ${outputs.length} outputs, expected 1`);
		outcomes = outputs[0].map((item) => ({ index: paired(item), ok: !isError(item), json: item.json }));
		if (outcomes.some((outcome, position) => outcome.index !== position)) problems.push(`${phase}: items out of order or unpaired`);
	} else {
		const [success = [], errors = []] = outputs;
		if (success.some(isError)) problems.push(`${phase}: an error item on the success output`);
		if (errors.some((item) => !isError(item))) problems.push(`${phase}: a result on the error output`);
		for (const list of [success, errors]) {
			if (list.some((item, position) => position > 0 && paired(item) <= paired(list[position - 1]))) problems.push(`${phase}: an output out of input order`);
		}
		outcomes = [...success.map((item) => ({ index: paired(item), ok: true, json: item.json })), ...errors.map((item) => ({ index: paired(item), ok: false, json: item.json }))];
		outcomes.sort((a, b) => a.index - b.index);
	}
	const indexes = outcomes.map((outcome) => outcome.index);
	if (indexes.length !== count || indexes.some((index, position) => index !== position)) {
		problems.push(`${phase}: ${indexes.length} outputs for ${count} items (each item must yield exactly one)`);
	}
	return outcomes;
}

function countResends(requests: LoggedRequest[]): number {
	const signature = (request: LoggedRequest) => `${request.method} ${request.path}?${request.rawQuery} ${JSON.stringify(request.body)}`;
	const pending = new Map<string, number>();
	let resends = 0;
	for (const request of requests) {
		const key = signature(request);
		if ((pending.get(key) ?? 0) > 0) {
			resends++;
			pending.set(key, pending.get(key)! - 1);
		}
		if (request.fault !== undefined) pending.set(key, (pending.get(key) ?? 0) + 1);
	}
	return resends;
}

async function soak(setting: Setting) {
	const { sim } = fixture;
	const acme = sim.orgs.acme;
	const prefix = setting === 'continueRegularOutput' ? 'r' : 'e';
	const contractors = fixture.acmeGroup('Contractors');
	const users = () => sim.directory.users(acme);
	const byName_ = (username: string) => users().filter((user) => user.username === username);
	const problems: string[] = [];
	const figures = { items: 0, badOnPurpose: 0, succeeded: 0, failedOnPurpose: 0, failedByFaults: 0, wrongOutputs: 0, changesReportedAsFailed: 0, claimedAfterLostAnswer: 0 };
	const created = new Map<number, SimulatorRecord>();

	sim.setFaults({ rate: 0.1, seed: setting === 'continueRegularOutput' ? 7 : 11, retryAfter: ['0', undefined] });
	const startRequests = sim.requests.length;

	const run = async (phase: Phase, check: (item: IDataObject, outcome: Outcome) => void) => {
		const result = await runNode({ parameters: { ...phase.parameters, options: OPTIONS }, credentials: fixture.singleOrg(), items: phase.items, onError: setting });
		if (result.error) {
			problems.push(`${phase.name}: the run stopped: ${result.error.message}`);
			return;
		}
		const outcomes = outcomesOf(result.outputs, setting, phase.items.length, problems, phase.name);
		for (const outcome of outcomes) {
			const item = phase.items[outcome.index];
			figures.items++;
			if (phase.bad(item)) {
				figures.badOnPurpose++;
				if (outcome.ok) {
					figures.wrongOutputs++;
					problems.push(`${phase.name} #${outcome.index}: an item that must fail succeeded: ${JSON.stringify(outcome.json).slice(0, 200)}`);
				} else figures.failedOnPurpose++;
				continue;
			}
			if (outcome.ok) figures.succeeded++;
			else figures.failedByFaults++;
			check(item, outcome);
		}
	};

	// 1. Create 400 users; every 20th reuses a seeded username, every 20th (offset) has no valid email.
	const createItems = Array.from({ length: 400 }, (_, i) =>
		i % 20 === 7
			? { i, username: `user${String((i % 130) + 1).padStart(3, '0')}`, email: `${prefix}-dup-${i}@acme.example` }
			: i % 20 === 13
				? { i, username: `${prefix}-bad-${i}`, email: `${prefix}-bad-${i}` }
				: { i, username: `${prefix}-soak-${i}`, email: `${prefix}-soak-${i}@acme.example`, first: `Soak ${i}` },
	);
	await run(
		{
			name: 'create',
			parameters: { resource: 'user', operation: 'create', username: '={{ $json.username }}', email: '={{ $json.email }}', firstname: '={{ $json.first ?? "" }}', additionalFields: {} },
			items: createItems,
			bad: (item) => !String(item.username).includes('-soak-'),
		},
		(item, outcome) => {
			const found = byName_(String(item.username));
			if (outcome.ok) {
				if (found.length !== 1 || found[0]._id !== outcome.json._id) {
					figures.wrongOutputs++;
					problems.push(`create ${item.username}: output ${outcome.json._id}, directory ${found.map((u) => u._id)}`);
				} else created.set(Number(item.i), found[0]);
			} else if (found.length) {
				figures.changesReportedAsFailed++;
				problems.push(`create ${item.username}: reported as failed (${outcome.json.error}) but the user exists`);
			}
		},
	);
	const made = [...created.entries()];

	// 2. Update 400: the created users by username, and unknown usernames.
	const updateItems = Array.from({ length: 400 }, (_, i) => {
		const target = made[i % made.length][1];
		return i % 20 === 3 ? { i, username: `${prefix}-ghost-${i}`, title: `T-${i}` } : { i, username: target.username, title: `T-${i}`, id: target._id };
	});
	// Items for the same user race (32 run at once, and a resend after a hang may land after a later item): what the
	// directory must hold is the title of the last PUT JumpCloud applied to that user, in arrival order.
	const updateStart = sim.requests.length;
	const reportedUpdates: Array<{ id: string; title: string }> = [];
	await run(
		{
			name: 'update',
			parameters: { resource: 'user', operation: 'update', user: byUsername('={{ $json.username }}'), updateFields: { jobTitle: '={{ $json.title }}' } },
			items: updateItems,
			bad: (item) => String(item.username).includes('-ghost-'),
		},
		(item, outcome) => {
			if (outcome.ok) {
				if (outcome.json.jobTitle !== item.title || outcome.json._id !== item.id) {
					figures.wrongOutputs++;
					problems.push(`update ${item.username}: output ${JSON.stringify(outcome.json).slice(0, 120)}`);
				}
				reportedUpdates.push({ id: String(item.id), title: String(item.title) });
			}
		},
	);
	const lastApplied = new Map<string, string>();
	const applied = new Set<string>();
	for (const request of sim.requests.slice(updateStart)) {
		const id = /^\/api\/systemusers\/([0-9a-f]{24})$/.exec(request.path)?.[1];
		if (request.method !== 'PUT' || !id || (request.fault !== undefined && !APPLIED_FAULTS.has(request.fault))) continue;
		if (request.fault === undefined && request.status >= 300) continue;
		lastApplied.set(id, String(request.body?.jobTitle));
		applied.add(`${id} ${String(request.body?.jobTitle)}`);
	}
	// Every update reported as done reached JumpCloud (no success without the change).
	for (const { id, title } of reportedUpdates) {
		if (!applied.has(`${id} ${title}`)) problems.push(`update: ${id} reported jobTitle ${title}, which JumpCloud never applied`);
	}
	for (const [id, title] of lastApplied) {
		if (sim.directory.user(acme, id)?.jobTitle !== title) problems.push(`update: ${id} has jobTitle ${sim.directory.user(acme, id)?.jobTitle}, the last PUT applied said ${title}`);
	}

	// 3. Add 400 to Contractors by group name (distinct users first, then repeats: no-ops), and to a group that does not exist.
	const addItems = Array.from({ length: 400 }, (_, i) => ({ i, userId: made[i % made.length][1]._id, group: i % 25 === 5 ? 'No Such Group, Europe' : 'Contractors' }));
	const memberBefore = new Set<string>();
	await run(
		{
			name: 'add user',
			parameters: { resource: 'userGroup', operation: 'addUser', userGroup: byName('={{ $json.group }}'), user: byId('={{ $json.userId }}') },
			items: addItems,
			bad: (item) => item.group !== 'Contractors',
		},
		(item, outcome) => {
			const member = sim.directory.groupMembers(acme, contractors.id).includes(String(item.userId));
			if (outcome.ok) {
				const wasMember = memberBefore.has(String(item.userId));
				if (!member || (outcome.json.unchanged === true && !wasMember)) {
					figures.wrongOutputs++;
					problems.push(`add ${item.userId}: output ${JSON.stringify(outcome.json)}, member ${member}`);
				}
				if (outcome.json.added === true && wasMember) figures.claimedAfterLostAnswer++;
				memberBefore.add(String(item.userId));
			} else if (member && !memberBefore.has(String(item.userId))) {
				figures.changesReportedAsFailed++;
				problems.push(`add ${item.userId}: reported as failed but the user is a member`);
			}
		},
	);

	// 4. Remove 300: members, non-members (no-ops), and malformed user IDs.
	const members = new Set(sim.directory.groupMembers(acme, contractors.id));
	const removeItems = Array.from({ length: 300 }, (_, i) => {
		if (i % 15 === 4) return { i, userId: `not-an-id-${i}` };
		const candidate = made[(i * 7) % made.length][1]._id;
		return { i, userId: candidate };
	});
	const removedBefore = new Set<string>();
	await run(
		{
			name: 'remove user',
			parameters: { resource: 'userGroup', operation: 'removeUser', userGroup: byId(contractors.id), user: byId('={{ $json.userId }}') },
			items: removeItems,
			bad: (item) => String(item.userId).startsWith('not-an-id'),
		},
		(item, outcome) => {
			const userId = String(item.userId);
			const member = sim.directory.groupMembers(acme, contractors.id).includes(userId);
			const wasMember = members.has(userId) && !removedBefore.has(userId);
			if (outcome.ok) {
				if (member || (outcome.json.unchanged === true && wasMember)) {
					figures.wrongOutputs++;
					problems.push(`remove ${userId}: output ${JSON.stringify(outcome.json)}, member ${member}`);
				}
				if (outcome.json.removed === true && !wasMember) figures.claimedAfterLostAnswer++;
				removedBefore.add(userId);
			} else if (!member && wasMember) {
				figures.changesReportedAsFailed++;
				problems.push(`remove ${userId}: reported as failed but the user was removed`);
			}
		},
	);

	// 5. Get 250 by email: the created users, and unknown addresses.
	const getItems = Array.from({ length: 250 }, (_, i) => (i % 10 === 9 ? { i, email: `${prefix}-nobody-${i}@acme.example` } : { i, email: made[i % made.length][1].email }));
	await run(
		{
			name: 'get',
			parameters: { resource: 'user', operation: 'get', user: byEmail('={{ $json.email }}'), simplify: false },
			items: getItems,
			bad: (item) => String(item.email).includes('-nobody-'),
		},
		(item, outcome) => {
			if (!outcome.ok) return;
			const stored = users().find((user) => user.email === item.email);
			if (!stored || JSON.stringify(stored) !== JSON.stringify(outcome.json)) {
				figures.wrongOutputs++;
				problems.push(`get ${item.email}: output differs from the directory`);
			}
		},
	);

	// 6. Delete 250 by ID: created users, and an unknown ID.
	const deleteItems = Array.from({ length: 250 }, (_, i) => (i % 25 === 12 ? { i, id: UNKNOWN_ID } : { i, id: made[i][1]._id, username: made[i][1].username }));
	await run(
		{
			name: 'delete',
			parameters: { resource: 'user', operation: 'delete', user: byId('={{ $json.id }}') },
			items: deleteItems,
			bad: (item) => item.id === UNKNOWN_ID,
		},
		(item, outcome) => {
			const exists = sim.directory.user(acme, String(item.id)) !== undefined;
			if (outcome.ok && (exists || outcome.json.deleted !== true || outcome.json.id !== item.id || outcome.json.username !== item.username)) {
				figures.wrongOutputs++;
				problems.push(`delete ${item.id}: output ${JSON.stringify(outcome.json)}, still exists ${exists}`);
			}
			if (!outcome.ok && !exists) {
				figures.changesReportedAsFailed++;
				problems.push(`delete ${item.id}: reported as failed but the user is gone`);
			}
		},
	);

	const faults = [...sim.faults.log];
	sim.clearFailures();
	// The directory is what the outputs say: soak users = created − deleted, no duplicates, members = added − removed.
	const soakUsers = users().filter((user) => user.username.startsWith(`${prefix}-soak-`));
	const deletedIds = new Set(deleteItems.filter((item) => item.id !== UNKNOWN_ID).map((item) => item.id));
	const expectedIds = made.map(([, user]) => user._id).filter((id) => !deletedIds.has(id));
	if (JSON.stringify(soakUsers.map((user) => user._id).sort()) !== JSON.stringify([...expectedIds].sort())) problems.push('final: the soak users differ from created − deleted');
	if (new Set(users().map((user) => user.username)).size !== users().length) problems.push('final: duplicate usernames');
	const expectedMembers = [...memberBefore].filter((id) => !removedBefore.has(id) && !deletedIds.has(id)).sort();
	if (JSON.stringify([...sim.directory.groupMembers(acme, contractors.id)].sort()) !== JSON.stringify(expectedMembers)) problems.push('final: Contractors members differ from added − removed');

	const requests = sim.requests.slice(startRequests);
	const summary = {
		setting,
		...figures,
		requests: requests.length,
		faultsInjected: faults.length,
		// A resend repeats a faulted request exactly (method, path, query, body), later in the log.
		retries: countResends(requests),
		faultKinds: faults.reduce<Record<string, number>>((counts, fault) => {
			const key = fault.kind === 'status' ? String(fault.status) : fault.kind;
			counts[key] = (counts[key] ?? 0) + 1;
			return counts;
		}, {}),
		problems,
	};
	writeReport(`fault-soak-${setting}`, summary);
	return summary;
}

describe('2,000 mixed items at a 10 % fault rate: nothing lost, nothing doubled, every error routed', () => {
	it.each(SETTINGS)('with "%s"', async (setting) => {
		const summary = await soak(setting);
		expect(summary.problems).toEqual([]);
		expect(summary.items).toBe(2000);
		expect(summary.wrongOutputs).toBe(0);
		expect(summary.changesReportedAsFailed).toBe(0);
		expect(summary.faultsInjected / summary.requests).toBeGreaterThan(0.08);
		expect(summary.failedOnPurpose).toBe(summary.badOnPurpose);
	}, 300_000);
});
