import type { INodeParameters } from 'n8n-workflow';

import { runNode } from '../../../../helpers/engine';
import { useSimulator } from '../../../../helpers/simulator';
import type { LoggedRequest } from '../../../../helpers/simulator';

const fixture = useSimulator();
const acme = () => fixture.sim.orgs.acme;
const getMany = (parameters: INodeParameters = {}): INodeParameters => ({ resource: 'user', operation: 'getAll', ...parameters });
const isUserList = (entry: LoggedRequest) => entry.method === 'GET' && entry.path === '/api/systemusers';
/** The v1 filter terms of a logged request (`filter[0]=…&filter[1]=…`), in order. */
const filtersOf = (entry: LoggedRequest) => Object.entries(entry.query).flatMap(([key, value]) => (/^filter\[\d+\]$/.test(key) ? [value] : []));

describe('user › get many (WorkflowExecute → simulator)', () => {
	it('returns up to Limit users in one request, simplified, in creation order', async () => {
		const result = await runNode({ parameters: getMany({ limit: 3 }), credentials: fixture.singleOrg() });
		expect(result.error).toBeUndefined();
		expect(result.json.map((user) => user.username)).toEqual(['msmith', 'jdoe', 'user001']);
		expect(Object.keys(result.json[1]).sort()).toEqual(expect.arrayContaining(['_id', 'username', 'email', 'firstname', 'lastname']));
		expect(result.json[1]).not.toHaveProperty('phoneNumbers');
		expect(result.items.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
		const [list] = fixture.requests();
		expect(fixture.requests()).toHaveLength(1);
		expect(list.query).toMatchObject({ sort: '_id', limit: '3', skip: '0' });
		expect(String(list.query.fields).split(' ')).toEqual(expect.arrayContaining(['_id', 'username', 'email']));
	});

	it('returns whole records (without secrets) with Simplify off', async () => {
		const result = await runNode({ parameters: getMany({ limit: 2, simplify: false }), credentials: fixture.singleOrg() });
		expect(result.json[1]).toMatchObject({ username: 'jdoe', phoneNumbers: expect.any(Array) });
		expect(result.json[1]).not.toHaveProperty('password');
		expect(fixture.requests()[0].query.fields).toBeUndefined();
	});

	it('filters exactly by every filter field at once, as v1 filter[n] terms', async () => {
		const result = await runNode({
			parameters: getMany({ returnAll: true, filters: { department: 'Engineering', state: 'ACTIVATED', manager: 'mary.smith@acme.example', accountLocked: false } }),
			credentials: fixture.singleOrg(),
		});
		const msmith = fixture.acmeUser('msmith');
		const expected = fixture.sim.directory
			.users(acme())
			.filter((user) => user.department === 'Engineering' && user.state === 'ACTIVATED' && user.manager === msmith._id && user.account_locked !== true);
		expect(expected.length).toBeGreaterThan(5);
		expect(result.json.map((user) => user._id)).toEqual(expected.map((user) => user._id));
		const list = fixture.requests().filter(isUserList).at(-1)!;
		expect(filtersOf(list).sort()).toEqual(['account_locked:$eq:false', 'department:$eq:Engineering', `manager:$eq:${String(msmith._id)}`, 'state:$eq:ACTIVATED']);
	});

	it('finds users by free text (POST /api/search/systemusers), combined with exact filters', async () => {
		const result = await runNode({ parameters: getMany({ returnAll: true, search: 'USER01', filters: { department: 'Sales' } }), credentials: fixture.singleOrg() });
		const expected = fixture.sim.directory.users(acme()).filter((user) => /user01/i.test(String(user.username)) && user.department === 'Sales');
		expect(expected.length).toBeGreaterThan(0);
		expect(result.json.map((user) => user.username).sort()).toEqual(expected.map((user) => user.username).sort());
		const [search] = fixture.requests();
		expect(search).toMatchObject({ method: 'POST', path: '/api/search/systemusers' });
		expect(search.body).toMatchObject({ searchFilter: { searchTerm: 'USER01' }, filter: { and: [{ department: 'Sales' }] } });
		expect(search.query.sort).toBeUndefined();
	});

	it('matches a custom attribute by name and value exactly', async () => {
		const jdoe = fixture.acmeUser('jdoe');
		const attribute = (jdoe.attributes as Array<{ name: string; value: string }>)[0];
		fixture.sim.directory.updateUser(acme(), String(fixture.acmeUser('user005')._id), { attributes: [{ name: 'other', value: attribute.value }] });
		const result = await runNode({ parameters: getMany({ returnAll: true, filters: { attribute: { attribute: { name: attribute.name, value: attribute.value } } } }), credentials: fixture.singleOrg() });
		expect(result.json.map((user) => user.username)).toEqual(['jdoe']);
		expect(filtersOf(fixture.requests()[0])).toEqual([`attributes.value:$eq:${attribute.value}`]);
	});

	it('lists no one when nobody matches, and names an unknown manager', async () => {
		const none = await runNode({ parameters: getMany({ returnAll: true, filters: { company: 'Nobody Inc.' } }), credentials: fixture.singleOrg() });
		expect(none.error).toBeUndefined();
		expect(none.json).toEqual([]);
		const unknownManager = await runNode({ parameters: getMany({ filters: { manager: 'ghost@acme.example' } }), credentials: fixture.singleOrg() });
		expect(unknownManager.error?.message).toBe('No JumpCloud user has the email "ghost@acme.example"');
		expect(unknownManager.error?.description).toContain("'Filters > Manager'");
	});

	it('returns all of 300+ users exactly once while users are created during the scan, in ceil(N/100) requests when quiet', async () => {
		fixture.sim.directory.generateUsers(acme(), 200, 'scan', 'acme.example');
		const before = fixture.sim.directory.users(acme()).map((user) => String(user._id));
		expect(before.length).toBeGreaterThanOrEqual(250);
		const quiet = await runNode({ parameters: getMany({ returnAll: true }), credentials: fixture.singleOrg() });
		expect(quiet.json.map((user) => user._id)).toEqual(before);
		expect(fixture.requests().filter(isUserList)).toHaveLength(Math.ceil(before.length / 100));

		fixture.sim.clearRequests();
		let reads = 0;
		fixture.sim.onRequest = (entry) => {
			if (isUserList(entry) && ++reads <= 3) fixture.sim.directory.createUser(acme(), { username: `meanwhile${reads}`, email: `meanwhile${reads}@acme.example` });
		};
		const busy = await runNode({ parameters: getMany({ returnAll: true }), credentials: fixture.singleOrg() });
		const ids = busy.json.map((user) => String(user._id));
		expect(new Set(ids).size).toBe(ids.length);
		expect(before.filter((id) => !ids.includes(id))).toEqual([]);
	});
});
