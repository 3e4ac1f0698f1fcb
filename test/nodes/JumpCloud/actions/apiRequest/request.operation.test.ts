import { parseApiPath } from '../../../../../nodes/JumpCloud/actions/apiRequest/request.operation';
import { runNode, TEST_NODE } from '../../../../helpers/engine';
import { expectNoSecret, useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();

describe('API request (WorkflowExecute → simulator)', () => {
	it('GETs a v1 list with a typed query string and extra parameters', async () => {
		const result = await runNode({
			parameters: {
				resource: 'apiRequest',
				method: 'GET',
				path: '/api/systemusers?limit=5',
				queryParameters: { parameter: [{ name: 'filter', value: 'department:$eq:Sales' }, { name: 'sort', value: '_id' }] },
			},
			credentials: fixture.singleOrg(),
		});
		expect(result.json).toHaveLength(1);
		expect(result.json[0].totalCount).toBeGreaterThan(5);
		expect((result.json[0].results as Array<{ department: string }>).map((u) => u.department)).toEqual(Array(5).fill('Sales'));
		expect(fixture.requests()[0]).toMatchObject({ method: 'GET', path: '/api/systemusers', query: { limit: '5', filter: 'department:$eq:Sales', sort: '_id' } });
	});

	it('splits a v2 array into items, and can return status and headers instead', async () => {
		const items = await runNode({ parameters: { resource: 'apiRequest', method: 'GET', path: '/api/v2/usergroups' }, credentials: fixture.singleOrg() });
		expect(items.json).toHaveLength(10);
		expect(items.items.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);

		const full = await runNode({
			parameters: { resource: 'apiRequest', method: 'GET', path: '/api/v2/usergroups', options: { fullResponse: true } },
			credentials: fixture.singleOrg(),
		});
		expect(full.json).toHaveLength(1);
		expect(full.json[0]).toMatchObject({ statusCode: 200, headers: expect.objectContaining({ 'x-total-count': '12' }) });
		expect(full.json[0].body).toHaveLength(10);
		expectNoSecret(full, fixture);
	});

	it('POSTs a JSON body (v2 create answers 201)', async () => {
		const result = await runNode({
			parameters: { resource: 'apiRequest', method: 'POST', path: '/api/v2/usergroups', jsonBody: '{"name": "Interns", "description": "Summer"}', options: { fullResponse: true } },
			credentials: fixture.singleOrg(),
		});
		expect(result.json[0]).toMatchObject({ statusCode: 201, body: { name: 'Interns', description: 'Summer', type: 'user_group' } });
		expect(fixture.requests()[0]).toMatchObject({ method: 'POST', body: { name: 'Interns', description: 'Summer' } });
	});

	it('returns the status of an empty 204 answer', async () => {
		const engineering = fixture.sim.directory.groupByName(fixture.sim.orgs.acme, 'Engineering')!;
		const user = fixture.sim.directory.userByUsername(fixture.sim.orgs.acme, 'jdoe')!;
		const result = await runNode({
			parameters: {
				resource: 'apiRequest',
				method: 'POST',
				path: `/api/v2/usergroups/${engineering.id}/members`,
				jsonBody: JSON.stringify({ op: 'remove', type: 'user', id: user._id }),
			},
			credentials: fixture.singleOrg(),
		});
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([{ statusCode: 204 }]);
	});

	it('passes JumpCloud errors through with their message', async () => {
		const result = await runNode({ parameters: { resource: 'apiRequest', method: 'GET', path: '/api/systemusers?limit=101' }, credentials: fixture.singleOrg() });
		expect(result.error?.message).toBe('JumpCloud: Bad Request: request parameter "limit" exceeds maximum value of 100');
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('400');
	});

	it('refuses other hosts and full URLs without sending anything', async () => {
		for (const path of ['https://attacker.example/api/systemusers', '//attacker.example/api', '/api/../../etc']) {
			const result = await runNode({ parameters: { resource: 'apiRequest', method: 'GET', path }, credentials: fixture.singleOrg() });
			expect(result.error?.message).toContain("'Path'");
		}
		expect(fixture.requests()).toHaveLength(0);
	});

	it('refuses a body that is not JSON, naming the parameter', async () => {
		const result = await runNode({ parameters: { resource: 'apiRequest', method: 'POST', path: '/api/v2/usergroups', jsonBody: '{name: Interns}' }, credentials: fixture.singleOrg() });
		expect(result.error?.message).toBe("'JSON Body' is not valid JSON");
		expect(fixture.requests()).toHaveLength(0);
	});

	it('sends the organization for org routes and none to /api/organizations', async () => {
		const { orgs } = fixture.sim;
		const scoped = await runNode({
			parameters: { resource: 'apiRequest', method: 'GET', path: '/api/systemusers', organization: { __rl: true, mode: 'id', value: orgs.initech } },
			credentials: fixture.msp(orgs.globex),
		});
		expect((scoped.json[0].results as Array<{ email: string }>).every((u) => u.email.endsWith('@initech.example'))).toBe(true);
		const orgList = await runNode({ parameters: { resource: 'apiRequest', method: 'GET', path: '/api/organizations' }, credentials: fixture.msp(orgs.globex) });
		expect((orgList.json[0].results as Array<{ _id: string }>).map((o) => o._id).sort()).toEqual([orgs.globex, orgs.initech].sort());
		expect(fixture.requests().map((r) => r.orgId)).toEqual([orgs.initech, undefined]);
	});
});

describe('API request path', () => {
	it('accepts v1 and v2 paths and splits a typed query string', () => {
		expect(parseApiPath(TEST_NODE, 0, '/api/systemusers')).toEqual({ path: '/api/systemusers', qs: {} });
		expect(parseApiPath(TEST_NODE, 0, 'api/v2/usergroups?limit=5&filter=a&filter=b')).toEqual({
			path: '/api/v2/usergroups',
			qs: { limit: '5', filter: ['a', 'b'] },
		});
	});

	it.each([
		['https://evil.example/api/systemusers', 'must be a path, not a URL'],
		['//evil.example/api', 'must be a path, not a URL'],
		['javascript:alert(1)', 'must be a path, not a URL'],
		['/api/../admin', 'has characters or segments'],
		['/api/a b', 'has characters or segments'],
		['/v1/systemusers', 'must start with /api/'],
		['/apix', 'must start with /api/'],
	])('refuses %s', (path, reason) => {
		expect(() => parseApiPath(TEST_NODE, 3, path)).toThrow(reason);
	});
});
