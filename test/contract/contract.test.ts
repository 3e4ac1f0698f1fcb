/**
 * Control tests of the contract layer (contract.js): a wrong request and a wrong simulator answer each
 * produce a violation naming the rule, and the fixture every engine suite uses fails a test that causes one.
 * Exchanges go over real HTTP to the simulator; the answers made wrong are made wrong in the simulator's
 * directory or in the logged answer, as a simulator bug would.
 */
import { runNode } from '../helpers/engine';
import { useSimulator } from '../helpers/simulator';
import type { LoggedRequest } from '../helpers/simulator';
import type { createContract } from './contract';
import { createCachedContract } from './run';

const fixture = useSimulator();
let contract: ReturnType<typeof createContract>;

beforeAll(async () => {
	contract = await createCachedContract();
});

interface Send {
	method?: string;
	body?: unknown;
	headers?: Record<string, string>;
	key?: string | null;
}

/** One raw exchange with the simulator; returns its log entry (taken out of the fixture's contract check). */
async function exchange(pathAndQuery: string, { method = 'GET', body, headers = {}, key = fixture.sim.keys.single }: Send = {}): Promise<LoggedRequest> {
	const sent: Record<string, string> = { accept: 'application/json', ...headers };
	if (key !== null) sent['x-api-key'] = key;
	if (body !== undefined) sent['content-type'] = 'application/json';
	const response = await fetch(`${fixture.sim.baseUrl}${pathAndQuery}`, { method, headers: sent, body: body === undefined ? undefined : JSON.stringify(body) });
	await response.arrayBuffer();
	const entry = fixture.sim.requests.at(-1)!;
	// These exchanges are wrong on purpose: they are checked here, not by the fixture after the test.
	fixture.sim.journal!.length = 0;
	return entry;
}

const rulesOf = (entry: LoggedRequest, options?: { requests?: boolean }) => contract.check(entry, options).map((violation) => violation.rule);

describe('the contract layer bites on a wrong request', () => {
	it('passes a right one (the baseline the other cases change one thing of)', async () => {
		const group = fixture.acmeGroup('Engineering');
		const user = fixture.acmeUser('jdoe');
		expect(rulesOf(await exchange('/api/systemusers?limit=5&skip=0&filter=department:$eq:Sales&fields=username'))).toEqual([]);
		expect(rulesOf(await exchange('/api/v2/usergroups?filter=name:eq:Engineering&sort=name&limit=100'))).toEqual([]);
		expect(rulesOf(await exchange(`/api/v2/usergroups/${group.id}/members`, { method: 'POST', body: { op: 'add', type: 'user', id: user._id } }))).toEqual([]);
	});

	it('a route the spec does not have', async () => {
		expect(rulesOf(await exchange('/api/v2/usergroup'))).toEqual(['route']);
		expect(rulesOf(await exchange('/api/systemusers', { method: 'PATCH', body: {} }))).toEqual(['route']);
	});

	it('a query parameter the operation does not declare', async () => {
		const violations = contract.check(await exchange('/api/systemusers?limit=5&pageSize=5'));
		expect(violations).toEqual([expect.objectContaining({ rule: 'query', operation: 'systemusers_list', detail: expect.stringContaining('"pageSize"') })]);
	});

	it('a v2 filter serialized the way v1 does (filter[0]=…) or repeated, against the spec\'s form, explode: false', async () => {
		expect(rulesOf(await exchange('/api/v2/usergroups?filter[0]=name:eq:Engineering'))).toEqual(['query']);
		// Repeated rather than comma-joined: JumpCloud reads one of them (the #6 defect, which Prism alone misses).
		const repeated = contract.check(await exchange('/api/v2/usergroups?filter=name:eq:Engineering&filter=description:eq:x'));
		expect(repeated).toEqual([expect.objectContaining({ rule: 'query', detail: expect.stringContaining('explode: false') })]);
		expect(rulesOf(await exchange('/api/v2/usergroups?filter=name:eq:Engineering,description:eq:x'))).toEqual([]);
	});

	it('a query value of the wrong type', async () => {
		expect(rulesOf(await exchange('/api/v2/usergroups?limit=many'))).toContain('request');
	});

	it('a JSON body missing a required field, or with a value the schema does not allow', async () => {
		const group = fixture.acmeGroup('Engineering');
		const user = fixture.acmeUser('jdoe');
		expect(rulesOf(await exchange(`/api/v2/usergroups/${group.id}/members`, { method: 'POST', body: { op: 'add', id: user._id } }))).toContain('request');
		expect(rulesOf(await exchange(`/api/v2/usergroups/${group.id}/members`, { method: 'POST', body: { op: 'join', type: 'user', id: user._id } }))).toContain('request');
	});

	it('x-org-id sent to a route that does not declare it', async () => {
		expect(rulesOf(await exchange('/api/organizations', { key: fixture.sim.keys.msp, headers: { 'x-org-id': fixture.sim.orgs.globex } }))).toEqual(['header']);
	});

	it('no x-api-key on a secured operation', async () => {
		expect(rulesOf(await exchange('/api/systemusers', { key: null }))).toEqual(['security']);
	});
});

describe('the contract layer bites on a wrong simulator answer', () => {
	it('a record whose field has the wrong type (a simulator bug in its directory)', async () => {
		const user = fixture.acmeUser('jdoe');
		const record = (fixture.sim.directory as unknown as { _getUser(org: string, id: string): Record<string, unknown> })._getUser(fixture.sim.orgs.acme, String(user._id));
		record.activated = 'yes';
		const violations = contract.check(await exchange(`/api/systemusers/${user._id}`), { requests: false });
		expect(violations).toEqual([expect.objectContaining({ rule: 'response', operation: 'systemusers_get', detail: expect.stringContaining('activated') })]);
	});

	it('a v1 list or a v2 list of the wrong shape', async () => {
		const v1 = await exchange('/api/systemusers?limit=2');
		v1.response!.text = JSON.stringify({ totalCount: 'many', results: [] });
		expect(rulesOf(v1, { requests: false })).toEqual(['response']);
		const v2 = await exchange('/api/v2/usergroups?limit=2');
		v2.response!.text = JSON.stringify({ totalCount: 12, results: JSON.parse(v2.response!.text) });
		expect(rulesOf(v2, { requests: false })).toEqual(['response']);
	});

	it('a status the spec does not declare and no known deviation allows', async () => {
		const group = fixture.acmeGroup('Engineering');
		const answer = await exchange(`/api/v2/usergroups/${group.id}`);
		answer.response!.status = 410;
		expect(rulesOf(answer, { requests: false })).toEqual(['status']);
		// 404 is allowed on this route (known-deviations.json), 409 is not.
		const missing = await exchange('/api/v2/usergroups/0123456789abcdef01234567');
		expect([missing.status, rulesOf(missing, { requests: false })]).toEqual([404, []]);
		missing.response!.status = 409;
		expect(rulesOf(missing, { requests: false })).toEqual(['status']);
	});

	it('a known deviation that does not have JumpCloud\'s error shape, or not its message', async () => {
		const group = fixture.acmeGroup('Engineering');
		const user = fixture.acmeUser('msmith');
		await exchange(`/api/v2/usergroups/${group.id}/members`, { method: 'POST', body: { op: 'add', type: 'user', id: user._id } });
		const again = await exchange(`/api/v2/usergroups/${group.id}/members`, { method: 'POST', body: { op: 'add', type: 'user', id: user._id } });
		expect([again.status, rulesOf(again)]).toEqual([409, []]);
		again.response!.text = JSON.stringify({ message: 'Conflict' });
		expect(rulesOf(again)).toEqual(['status']);
		const remove = { method: 'POST', body: { op: 'remove', type: 'user', id: user._id } };
		await exchange(`/api/v2/usergroups/${group.id}/members`, remove);
		const notMember = await exchange(`/api/v2/usergroups/${group.id}/members`, remove);
		expect([notMember.status, rulesOf(notMember)]).toEqual([404, []]);
		notMember.response!.text = 'Not Found';
		notMember.response!.headers['content-type'] = 'text/plain';
		expect(rulesOf(notMember)).toEqual(['response']);
	});
});

describe('the suites\' fixture fails a test whose node run breaks the contract', () => {
	it('reports an API Request to a query parameter JumpCloud does not declare (declared here, so it must occur)', async () => {
		fixture.expectContractViolation('query', /"pageSize" is not declared for systemusers_list/);
		const result = await runNode({
			parameters: { resource: 'apiRequest', method: 'GET', path: '/api/systemusers', queryParameters: { parameter: [{ name: 'pageSize', value: '5' }] } },
			credentials: fixture.singleOrg(),
		});
		expect(result.error).toBeUndefined();
	});
});
