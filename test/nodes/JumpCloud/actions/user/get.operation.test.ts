import { runNode } from '../../../../helpers/engine';
import { useSimulator } from '../../../../helpers/simulator';
import { byEmail, byId, byUsername, fromList } from '../../../../helpers/locators';

const fixture = useSimulator();

describe('user › get (WorkflowExecute → simulator)', () => {
	it('finds a user by email, then reads it, simplified', async () => {
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

		const [lookup, read] = fixture.requests();
		expect(fixture.requests()).toHaveLength(2);
		expect(lookup).toMatchObject({ method: 'GET', path: '/api/systemusers', apiKey: 'single', orgId: undefined });
		expect(lookup.query).toEqual({ filter: 'email:$eq:jane.doe@acme.example', limit: '2', fields: '_id username email' });
		expect(read).toMatchObject({ method: 'GET', path: `/api/systemusers/${jdoe._id}`, apiKey: 'single', orgId: undefined });
		expect(read.headers.accept).toBe('application/json');
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
});
