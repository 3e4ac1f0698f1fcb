import { userGroupFilters } from '../../../../../nodes/JumpCloud/actions/userGroup/getAll.operation';
import { runNode } from '../../../../helpers/engine';
import { useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();
const acme = () => fixture.sim.orgs.acme;

describe('user group › get many (WorkflowExecute → simulator)', () => {
	it('returns up to Limit groups in one request, in the order JumpCloud created them', async () => {
		const result = await runNode({ parameters: { resource: 'userGroup', operation: 'getAll', limit: 5 }, credentials: fixture.singleOrg() });
		expect(result.json.map((g) => g.name)).toEqual(['Engineering', 'Sales', 'Support', 'Marketing', 'Finance']);
		expect(result.items.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
		expect(fixture.requests().map((r) => r.query)).toEqual([{ sort: 'id', limit: '5', skip: '0' }]);
	});

	it('pages with skip until everything is in when Return All is on', async () => {
		const result = await runNode({ parameters: { resource: 'userGroup', operation: 'getAll', returnAll: true }, credentials: fixture.singleOrg() });
		expect(result.json).toHaveLength(fixture.sim.directory.groups(acme()).length);
		expect(new Set(result.json.map((g) => g.id)).size).toBe(result.json.length);
		expect(fixture.requests().map((r) => r.query)).toEqual([{ sort: 'id', limit: '100', skip: '0' }]);
	});

	it('pages a Limit above 100 in pages of at most 100', async () => {
		for (let i = 0; i < 140; i++) fixture.sim.directory.createGroup(acme(), { name: `Project ${String(i).padStart(3, '0')}` });
		const result = await runNode({ parameters: { resource: 'userGroup', operation: 'getAll', limit: 130 }, credentials: fixture.singleOrg() });
		expect(result.json).toHaveLength(130);
		expect(new Set(result.json.map((g) => g.id)).size).toBe(130);
		expect(fixture.requests().map((r) => [r.query.limit, r.query.skip])).toEqual([
			['100', '0'],
			['30', '100'],
		]);
		expect(result.json.map((g) => g.id)).toEqual(fixture.sim.directory.groups(acme()).slice(0, 130).map((g) => g.id));
		const all = await runNode({ parameters: { resource: 'userGroup', operation: 'getAll', returnAll: true }, credentials: fixture.singleOrg() });
		expect(all.json).toHaveLength(152);
	});

	it('filters by exact name and by part of the name', async () => {
		const exact = await runNode({ parameters: { resource: 'userGroup', operation: 'getAll', returnAll: true, filters: { name: 'Engineering' } }, credentials: fixture.singleOrg() });
		expect(exact.json.map((g) => g.name)).toEqual(['Engineering']);
		expect(fixture.requests()[0].query.filter).toBe('name:eq:Engineering');
		const partial = await runNode({ parameters: { resource: 'userGroup', operation: 'getAll', returnAll: true, filters: { nameContains: 'staff' } }, credentials: fixture.singleOrg() });
		expect(partial.json.map((g) => g.name)).toEqual(['All Staff']);
	});

	it('lists the groups of the organization the node names (MSP)', async () => {
		const result = await runNode({
			parameters: { resource: 'userGroup', operation: 'getAll', returnAll: true, options: { organization: { __rl: true, mode: 'id', value: fixture.sim.orgs.initech } } },
			credentials: fixture.msp(),
		});
		expect(result.json.map((g) => g.name).sort()).toEqual(['All Staff', 'TPS Reports']);
		expect(fixture.requests()[0].orgId).toBe(fixture.sim.orgs.initech);
	});

	it('builds v2 filter terms', () => {
		expect(userGroupFilters({})).toEqual({ filter: [], matches: undefined });
		expect(userGroupFilters({ name: 'Engineering', nameContains: 'eng' })).toEqual({ filter: ['name:eq:Engineering', 'name:search:eng'], matches: undefined });
		const comma = userGroupFilters({ name: 'R&D, Europe' });
		expect(comma.filter).toEqual(['name:search:R&D', 'name:search:Europe']);
		expect(comma.matches?.({ name: 'R&D, Europe' })).toBe(true);
		expect(comma.matches?.({ name: 'R&D, Europe (old)' })).toBe(false);
	});

	it('filters by a name holding a comma, exactly, without a 400 and without listing every group', async () => {
		for (let i = 0; i < 150; i++) fixture.sim.directory.createGroup(acme(), { name: `Team ${String(i).padStart(3, '0')}` });
		for (const name of ['R&D, Europe', 'R&D, Europe (old)', 'R&D Europe', 'Europe, R&D']) fixture.sim.directory.createGroup(acme(), { name });
		const exact = await runNode({ parameters: { resource: 'userGroup', operation: 'getAll', returnAll: true, filters: { name: 'R&D, Europe' } }, credentials: fixture.singleOrg() });
		expect(exact.error).toBeUndefined();
		expect(exact.json.map((g) => g.name)).toEqual(['R&D, Europe']);
		expect(fixture.requests()).toHaveLength(1);
		expect(fixture.requests()[0].query.filter).toBe('name:search:R&D,name:search:Europe');

		fixture.sim.clearRequests();
		const contains = await runNode({ parameters: { resource: 'userGroup', operation: 'getAll', limit: 2, filters: { nameContains: 'd, eu' } }, credentials: fixture.singleOrg() });
		expect(contains.json.map((g) => g.name)).toEqual(['R&D, Europe', 'R&D, Europe (old)']);
		expect(fixture.requests()).toHaveLength(1);
	});

	it.each([0, -5, 2.5, 'abc'])('refuses Limit %p, naming it, without calling JumpCloud', async (limit) => {
		const result = await runNode({ parameters: { resource: 'userGroup', operation: 'getAll', limit: `={{ ${JSON.stringify(limit)} }}` }, credentials: fixture.singleOrg() });
		expect(result.error?.message).toBe(`'Limit' must be a whole number of at least 1, not ${JSON.stringify(limit)}`);
		expect(fixture.requests()).toHaveLength(0);
	});

	it('retries a page that comes back cut off, empty or not a list, and never returns it as groups', async () => {
		fixture.sim.failNext({ fault: 'truncated', pathPrefix: '/api/v2/usergroups' });
		fixture.sim.failNext({ fault: 'non-json', pathPrefix: '/api/v2/usergroups' });
		fixture.sim.failNext({ status: 200, body: { message: 'not a list' }, pathPrefix: '/api/v2/usergroups' });
		const result = await runNode({ parameters: { resource: 'userGroup', operation: 'getAll', returnAll: true, options: { maxRetryWait: 1 } }, credentials: fixture.singleOrg() });
		expect(result.json).toHaveLength(fixture.sim.directory.groups(acme()).length);
		expect(fixture.requests().map((r) => r.status)).toEqual([200, 200, 200, 200]);
	});
});
