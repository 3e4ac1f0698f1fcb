import { searchOrganizations, searchUserGroups, searchUsers } from '../../../../nodes/JumpCloud/methods/listSearch';
import { loadOptionsContext } from '../../../helpers/engine';
import { useSimulator } from '../../../helpers/simulator';

const fixture = useSimulator();

describe('list search (LoadOptionsContext → simulator)', () => {
	it('searches users on the server and labels them by name and email', async () => {
		const context = loadOptionsContext({ resource: 'user', operation: 'get' }, fixture.singleOrg());
		const result = await searchUsers.call(context, 'jane');
		const jdoe = fixture.sim.directory.userByUsername(fixture.sim.orgs.acme, 'jdoe')!;
		expect(result.results).toEqual([{ name: 'Jane Doe (jane.doe@acme.example)', value: jdoe._id }]);
		expect(result.paginationToken).toBeUndefined();
		const [request] = fixture.requests();
		expect(request).toMatchObject({ method: 'POST', path: '/api/search/systemusers', query: { limit: '100', skip: '0' } });
		expect(request.body).toMatchObject({ searchFilter: { searchTerm: 'jane', fields: ['username', 'email', 'firstname', 'lastname'] } });
	});

	it('pages through all users with a pagination token', async () => {
		const context = loadOptionsContext({ resource: 'user', operation: 'get' }, fixture.singleOrg());
		const first = await searchUsers.call(context);
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('100');
		const second = await searchUsers.call(context, undefined, first.paginationToken);
		const total = fixture.sim.directory.users(fixture.sim.orgs.acme).length;
		expect(second.results).toHaveLength(total - 100);
		expect(second.paginationToken).toBeUndefined();
		const ids = new Set([...first.results, ...second.results].map((item) => item.value));
		expect(ids.size).toBe(total);
	});

	it('searches the groups of the organization chosen on the node', async () => {
		const { orgs } = fixture.sim;
		const context = loadOptionsContext(
			{ resource: 'userGroup', operation: 'addUser', options: { organization: { __rl: true, mode: 'id', value: orgs.globex } } },
			fixture.msp(),
			'parameters.userGroup',
		);
		const result = await searchUserGroups.call(context, 'doom');
		expect(result.results.map((item) => item.name)).toEqual(['Doomsday Devices']);
		expect(fixture.requests()[0]).toMatchObject({ path: '/api/v2/usergroups', orgId: orgs.globex, query: expect.objectContaining({ filter: 'name:search:doom' }) });
	});

	it('lists and searches the organizations an MSP key manages, without x-org-id', async () => {
		const { orgs } = fixture.sim;
		const context = loadOptionsContext({ resource: 'user', operation: 'update' }, fixture.msp(orgs.globex), 'parameters.organization');
		const all = await searchOrganizations.call(context);
		expect(all.results.map((item) => item.value).sort()).toEqual([orgs.globex, orgs.initech, orgs.umbrella].sort());
		const found = await searchOrganizations.call(context, 'initech');
		expect(found.results.map((item) => item.value)).toEqual([orgs.initech]);
		expect(fixture.requests().map((r) => [r.method, r.path, r.orgId])).toEqual([
			['GET', '/api/organizations', undefined],
			['POST', '/api/search/organizations', undefined],
		]);
	});

	it('offers All Organizations first to reading operations only, and keeps lists of other locators on the default organization then', async () => {
		const { orgs } = fixture.sim;
		const reading = await searchOrganizations.call(loadOptionsContext({ resource: 'user', operation: 'getAll' }, fixture.msp(), 'parameters.organization'));
		expect(reading.results[0]).toEqual({ name: 'All Organizations (every organization this key manages)', value: 'all' });
		expect(reading.results.slice(1).map((item) => item.value).sort()).toEqual([orgs.globex, orgs.initech, orgs.umbrella].sort());
		const searched = await searchOrganizations.call(loadOptionsContext({ resource: 'user', operation: 'getAll' }, fixture.msp(), 'parameters.organization'), 'glob');
		expect(searched.results.map((item) => item.value)).toEqual([orgs.globex]);
		const writing = await searchOrganizations.call(loadOptionsContext({ resource: 'user', operation: 'delete' }, fixture.msp(), 'parameters.organization'));
		expect(writing.results.map((item) => item.value)).not.toContain('all');

		fixture.sim.clearRequests();
		const users = await searchUsers.call(
			loadOptionsContext({ resource: 'user', operation: 'get', options: { organization: { __rl: true, mode: 'list', value: 'all' } } }, fixture.msp(orgs.initech), 'parameters.user'),
			'admin',
		);
		expect(users.results.map((item) => item.name)).toEqual([expect.stringContaining('admin@initech.example')]);
		expect(fixture.requests()[0].orgId).toBe(orgs.initech);
	});
});
