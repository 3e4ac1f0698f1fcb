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
			parameters: { resource: 'apiRequest', method: 'GET', path: '/api/systemusers', options: { organization: { __rl: true, mode: 'id', value: orgs.initech } } },
			credentials: fixture.msp(orgs.globex),
		});
		expect((scoped.json[0].results as Array<{ email: string }>).every((u) => u.email.endsWith('@initech.example'))).toBe(true);
		const orgList = await runNode({ parameters: { resource: 'apiRequest', method: 'GET', path: '/api/organizations' }, credentials: fixture.msp(orgs.globex) });
		expect((orgList.json[0].results as Array<{ _id: string }>).map((o) => o._id).sort()).toEqual([orgs.globex, orgs.initech, orgs.umbrella].sort());
		expect(fixture.requests().map((r) => r.orgId)).toEqual([orgs.initech, undefined]);
	});

	const request = (extra: Record<string, unknown>) => ({ resource: 'apiRequest', method: 'GET', path: '/api/v2/usergroups', ...extra });
	const rows = (...pairs: Array<[string, string]>) => ({ parameter: pairs.map(([name, value]) => ({ name, value })) });

	it('sends repeated v2 filter rows as one comma-joined filter (form, explode false), which JumpCloud applies', async () => {
		const result = await runNode({
			parameters: request({ queryParameters: rows(['filter', 'name:search:a'], ['filter', 'name:search:f'], ['limit', '100']) }),
			credentials: fixture.singleOrg(),
		});
		expect(result.json.map((g) => g.name).sort()).toEqual(['All Staff', 'Finance']);
		expect(fixture.requests()[0].rawQuery).toBe('filter=name%3Asearch%3Aa,name%3Asearch%3Af&limit=100');
	});

	it('does the same for a query string typed into Path', async () => {
		const result = await runNode({ parameters: request({ path: '/api/v2/usergroups?filter=name:search:a&filter=name:search:f&limit=100' }), credentials: fixture.singleOrg() });
		expect(result.json).toHaveLength(2);
		expect(fixture.requests()[0].query.filter).toBe('name:search:a,name:search:f');
	});

	it("sends repeated v1 filter rows in v1's own AND form, filter[0]=…&filter[1]=…", async () => {
		const result = await runNode({
			parameters: request({ path: '/api/systemusers', queryParameters: rows(['filter', 'department:$eq:Sales'], ['filter', 'state:$eq:SUSPENDED']) }),
			credentials: fixture.singleOrg(),
		});
		const users = result.json[0].results as Array<{ department: string; state: string }>;
		expect(users.length).toBeGreaterThan(0);
		expect(users.every((u) => u.department === 'Sales' && u.state === 'SUSPENDED')).toBe(true);
		expect(fixture.requests()[0].rawQuery).toBe('filter[0]=department%3A%24eq%3ASales&filter[1]=state%3A%24eq%3ASUSPENDED');
	});

	it.each([
		['"text"', '"text"'],
		['42', '42'],
		['null', 'null'],
		['true', 'true'],
	])('refuses a JSON Body of %s before sending anything', async (jsonBody, shown) => {
		const result = await runNode({ parameters: request({ method: 'POST', jsonBody }), credentials: fixture.singleOrg() });
		expect(result.error?.message).toBe(`'JSON Body' must be a JSON object or array, not ${shown}`);
		expect(fixture.requests()).toHaveLength(0);
	});

	it('sends no body when JSON Body is left empty', async () => {
		const user = fixture.acmeUser('user007');
		const result = await runNode({ parameters: request({ method: 'POST', path: `/api/systemusers/${user._id}/expire`, jsonBody: '' }), credentials: fixture.singleOrg() });
		expect(fixture.requests()[0].body).toBeUndefined();
		expect(fixture.requests()[0].headers['content-type']).toBeUndefined();
		expect(result.error).toBeUndefined();
		expect(fixture.sim.directory.user(fixture.sim.orgs.acme, String(user._id))?.password_expired).toBe(true);
	});

	it('never repeats a POST after an unclear failure, and says it may have been applied', async () => {
		fixture.sim.failNext({ fault: '5xx-after', method: 'POST', status: 502 });
		const result = await runNode({ parameters: request({ method: 'POST', jsonBody: '{"name": "Once"}' }), credentials: fixture.singleOrg() });
		expect(result.error?.message).toBe('JumpCloud may have applied POST /api/v2/usergroups: JumpCloud: Bad Gateway');
		expect(result.error?.description).toContain('Check in JumpCloud whether it took effect');
		expect(fixture.requests().filter((r) => r.method === 'POST')).toHaveLength(1);
		expect(fixture.sim.directory.groupByName(fixture.sim.orgs.acme, 'Once')).toBeDefined();
	});

	it('does repeat a POST that JumpCloud rate-limited (429: nothing was done)', async () => {
		fixture.sim.failNext({ status: 429, method: 'POST', retryAfter: '0' });
		const result = await runNode({ parameters: request({ method: 'POST', jsonBody: '{"name": "Throttled"}' }), credentials: fixture.singleOrg() });
		expect(result.json[0]).toMatchObject({ name: 'Throttled' });
		expect(fixture.requests().map((r) => r.status)).toEqual([429, 201]);
	});

	it('repeats a GET whose answer was cut off, hung or replaced by an HTML page', async () => {
		fixture.sim.failNext({ fault: 'truncated', method: 'GET' });
		fixture.sim.failNext({ fault: 'hang', method: 'GET' });
		fixture.sim.failNext({ fault: 'html-200', method: 'GET' });
		fixture.sim.failNext({ fault: 'reset-before', method: 'GET' });
		const result = await runNode({ parameters: request({ options: { timeout: 300, maxRetryWait: 2 } }), credentials: fixture.singleOrg() });
		expect(result.error).toBeUndefined();
		expect(result.json).toHaveLength(10);
		expect(fixture.requests()).toHaveLength(5);
	});

	it('returns a plain-text answer as text', async () => {
		fixture.sim.failNext({ status: 200, body: 'OK, unlocked', method: 'GET' });
		const result = await runNode({ parameters: request({}), credentials: fixture.singleOrg() });
		expect(result.json).toEqual([{ body: 'OK, unlocked' }]);
	});

	describe('pagination', () => {
		it('reads a whole v1 list and outputs one item per record, in ceil(N/100) calls', async () => {
			const result = await runNode({
				parameters: request({ path: '/api/systemusers', queryParameters: rows(['fields', 'username email'], ['sort', 'username']), pagination: 'limitSkip', returnAll: true }),
				credentials: fixture.singleOrg(),
			});
			const usernames = fixture.sim.directory.users(fixture.sim.orgs.acme).map((user) => user.username).sort();
			expect(result.json.map((user) => user.username)).toEqual(usernames);
			expect(fixture.requests().map((r) => [r.query.skip, r.query.limit, r.query.sort])).toEqual([
				['0', '100', 'username'],
				['100', '32', 'username'],
			]);
		});

		it('reads a v2 list that takes no sort (group members) up to a Limit', async () => {
			const allStaff = fixture.acmeGroup('All Staff');
			const result = await runNode({
				parameters: request({ path: `/api/v2/usergroups/${allStaff.id}/members`, pagination: 'limitSkip', limit: 120 }),
				credentials: fixture.singleOrg(),
			});
			expect(result.json).toHaveLength(120);
			expect(result.json.map((edge) => (edge.to as { id: string }).id)).toEqual(fixture.sim.directory.groupMembers(fixture.sim.orgs.acme, allStaff.id).slice(0, 120));
			expect(fixture.requests().every((r) => r.query.sort === undefined)).toBe(true);
		});

		it('refuses limit or skip in the query, which the pagination sets', async () => {
			const result = await runNode({ parameters: request({ path: '/api/systemusers?limit=5', pagination: 'limitSkip', returnAll: true }), credentials: fixture.singleOrg() });
			expect(result.error?.message).toBe("Query parameter 'limit' is set by the pagination");
			expect(fixture.requests()).toHaveLength(0);
		});
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
		['/api/%2e%2e/organizations', 'has characters or segments'],
		['/api/%2E%2E/%2E%2E/etc', 'has characters or segments'],
		['/api/v2/usergroups/..%2f..%2forganizations', 'has characters or segments'],
		['/api/%252e%252e/x', 'has characters or segments'],
		['/api/systemusers%2fx', 'has characters or segments'],
		['/api/systemusers%5cx', 'has characters or segments'],
		['/api/\\evil', 'has characters or segments'],
		['/api//systemusers', 'has characters or segments'],
		['/api/systemusers#x', 'has characters or segments'],
		['/api/system\tusers', 'has characters or segments'],
		['/api/systemusers/\u2025', 'has characters or segments'],
		['/api/%ZZ', 'malformed %-escape'],
		['/api/%00', 'has characters or segments'],
		['/api/.', 'has characters or segments'],
		['%2fapi/systemusers', 'has characters or segments'],
		['/v1/systemusers', 'must start with /api/'],
		['/apix', 'must start with /api/'],
	])('refuses %s', (path, reason) => {
		expect(() => parseApiPath(TEST_NODE, 3, path)).toThrow(reason);
	});
});
