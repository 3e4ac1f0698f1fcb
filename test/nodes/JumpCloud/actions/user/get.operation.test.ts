import { runNode } from '../../../../helpers/engine';
import { useSimulator } from '../../../../helpers/simulator';
import { byEmail, byId, byUsername, fromList } from '../../../../helpers/locators';

const fixture = useSimulator();

describe('user › get (WorkflowExecute → simulator)', () => {
	it('finds a user by email in one call (the lookup returns the whole record), simplified', async () => {
		const jdoe = fixture.acmeUser('jdoe');
		const msmith = fixture.acmeUser('msmith');
		const result = await runNode({
			parameters: { resource: 'user', operation: 'get', user: byEmail('jane.doe@acme.example') },
			credentials: fixture.singleOrg(),
		});
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([
			expect.objectContaining({ _id: jdoe._id, username: 'jdoe', email: 'jane.doe@acme.example', firstname: 'Jane', lastname: 'Doe', manager: msmith._id }),
		]);
		expect(result.json[0].phoneNumbers).toBeUndefined();
		expect(result.items[0].pairedItem).toEqual({ item: 0 });

		const [lookup] = fixture.requests();
		expect(fixture.requests()).toHaveLength(1);
		expect(lookup).toMatchObject({ method: 'GET', path: '/api/systemusers', apiKey: 'single', orgId: undefined });
		expect(lookup.query).toEqual({ filter: 'email:$eq:jane.doe@acme.example', limit: '2' });
		expect(lookup.headers.accept).toBe('application/json');
	});

	it('finds a user by username; Simplify off returns the whole record without secrets', async () => {
		const result = await runNode({
			parameters: { resource: 'user', operation: 'get', user: byUsername('jdoe'), simplify: false },
			credentials: fixture.singleOrg(),
		});
		expect(result.json[0]).toMatchObject({ username: 'jdoe', phoneNumbers: expect.any(Array), addresses: expect.any(Array) });
		expect(result.json[0]).not.toHaveProperty('password');
		expect(fixture.requests()[0].query.filter).toBe('username:$eq:jdoe');
	});

	it('reads by ID and by list value with one request and no lookup', async () => {
		const jdoe = fixture.acmeUser('jdoe');
		for (const user of [byId(jdoe._id), fromList(jdoe._id)]) {
			fixture.sim.clearRequests();
			const result = await runNode({ parameters: { resource: 'user', operation: 'get', user }, credentials: fixture.singleOrg() });
			expect(result.json[0].username).toBe('jdoe');
			expect(fixture.requests().map((r) => `${r.method} ${r.path}`)).toEqual([`GET /api/systemusers/${jdoe._id}`]);
		}
	});

	it('encodes a plus in an email so JumpCloud does not read it as a space', async () => {
		const result = await runNode({
			parameters: { resource: 'user', operation: 'get', user: byEmail('jane+it@acme.example') },
			credentials: fixture.singleOrg(),
		});
		expect(result.error?.message).toBe('No JumpCloud user has the email "jane+it@acme.example"');
		expect(fixture.requests()[0].query.filter).toBe('email:$eq:jane+it@acme.example');
		expect(fixture.requests()[0].rawQuery).toContain('jane%2Bit%40acme.example');
	});

	it('looks up the emails of many items in batches of 50 ($in), once per distinct value', async () => {
		const users = fixture.sim.directory.users(fixture.sim.orgs.acme).slice(0, 120);
		const emails = [...users.map((user) => user.email), users[0].email, 'nobody@acme.example'];
		const result = await runNode({
			parameters: { resource: 'user', operation: 'get', user: byEmail('={{ $json.email }}') },
			credentials: fixture.singleOrg(),
			items: emails.map((email) => ({ email })),
			continueOnFail: true,
		});
		expect(result.json.map((user) => user.email ?? user.error)).toEqual([...emails.slice(0, 121), 'No JumpCloud user has the email "nobody@acme.example"']);
		expect(result.items.map((item) => (item.pairedItem as { item: number }).item)).toEqual(emails.map((_, index) => index));
		// 121 distinct addresses: three $in lookups, and not one call per item.
		expect(fixture.calls()).toEqual(['GET /api/systemusers 200', 'GET /api/systemusers 200', 'GET /api/systemusers 200']);
		expect(fixture.requests().map((request) => String(request.query.filter).split('|').length)).toEqual([50, 50, 21]);
		expect(fixture.requests()[0].query.filter).toMatch(/^email:\$in:/);
	});

	it("'If Not Found' > Output an Item: {found: false} for a missing user (by email, username or ID), found: true otherwise", async () => {
		const items = [{ ref: byEmail('ghost@acme.example') }, { ref: byUsername('jdoe') }, { ref: byId('0123456789abcdef01234567') }];
		const result = await runNode({
			parameters: { resource: 'user', operation: 'get', user: '={{ $json.ref }}', options: { ifNotFound: 'returnNotFound' } },
			items,
			credentials: fixture.singleOrg(),
		});
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([
			{ found: false, user: 'ghost@acme.example', by: 'email' },
			expect.objectContaining({ found: true, username: 'jdoe' }),
			{ found: false, user: '0123456789abcdef01234567', by: 'id' },
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it("'If Not Found' still fails for errors other than a missing user", async () => {
		const result = await runNode({
			parameters: { resource: 'user', operation: 'get', user: byUsername('jdoe'), options: { ifNotFound: 'returnNotFound' } },
			// The single-org key reversed: a key JumpCloud does not know.
			credentials: { ...fixture.singleOrg(), apiKey: [...fixture.sim.keys.single].reverse().join('') },
		});
		expect(result.error?.message).toBe('JumpCloud: Unauthorized: api key user not found');
	});
});
