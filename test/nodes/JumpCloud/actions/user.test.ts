import { runNode } from '../../../helpers/engine';
import { expectNoSecret, useSimulator } from '../../../helpers/simulator';

const fixture = useSimulator();
const byEmail = (value: string) => ({ __rl: true, mode: 'email', value });
const byUsername = (value: string) => ({ __rl: true, mode: 'username', value });
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const fromList = (value: string) => ({ __rl: true, mode: 'list', value });

function acmeUser(username: string) {
	const { sim } = fixture;
	const user = sim.directory.userByUsername(sim.orgs.acme, username);
	if (!user) throw new Error(`seed has no ${username}`);
	return user;
}

describe('user operations (WorkflowExecute → simulator)', () => {
	describe('get', () => {
		it('finds a user by email, then reads it, simplified', async () => {
			const jdoe = acmeUser('jdoe');
			const msmith = acmeUser('msmith');
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
			const jdoe = acmeUser('jdoe');
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

	describe('create', () => {
		it('sends username, email, names and the additional fields, resolving the manager', async () => {
			const msmith = acmeUser('msmith');
			const result = await runNode({
				parameters: {
					resource: 'user',
					operation: 'create',
					username: 'nhire',
					email: 'new.hire@acme.example',
					firstname: 'New',
					lastname: 'Hire',
					additionalFields: {
						jobTitle: 'Engineer',
						department: 'Engineering',
						state: 'STAGED',
						manager: 'mary.smith@acme.example',
						password: 'Correct-Horse-9',
						phoneNumbers: { phoneNumber: [{ type: 'mobile', number: '+1 555 0100' }] },
						attributes: { attribute: [{ name: 'badge', value: '42' }] },
					},
				},
				credentials: fixture.singleOrg(),
			});
			expect(result.error).toBeUndefined();
			const created = result.json[0];
			expect(created).toMatchObject({ username: 'nhire', email: 'new.hire@acme.example', state: 'STAGED', manager: msmith._id, jobTitle: 'Engineer' });
			expect(created).not.toHaveProperty('password');
			expect(fixture.sim.directory.user(fixture.sim.orgs.acme, String(created._id))).toMatchObject({ username: 'nhire' });

			const post = fixture.requests().find((r) => r.method === 'POST')!;
			expect(post.path).toBe('/api/systemusers');
			expect(post.body).toEqual({
				username: 'nhire',
				email: 'new.hire@acme.example',
				firstname: 'New',
				lastname: 'Hire',
				jobTitle: 'Engineer',
				department: 'Engineering',
				state: 'STAGED',
				manager: msmith._id,
				password: 'Correct-Horse-9',
				phoneNumbers: [{ type: 'mobile', number: '+1 555 0100' }],
				attributes: [{ name: 'badge', value: '42' }],
			});
			expect(post.headers['content-type']).toContain('application/json');
			expectNoSecret(result, fixture);
		});

		it('reports a duplicate username with JumpCloud message and a fix', async () => {
			const result = await runNode({
				parameters: { resource: 'user', operation: 'create', username: 'jdoe', email: 'other@acme.example', additionalFields: {} },
				credentials: fixture.singleOrg(),
			});
			expect(result.error?.message).toContain('already exists');
			expect(result.error?.description).toContain('invalid');
			expect((result.error as unknown as { httpCode: string }).httpCode).toBe('400');
		});
	});

	describe('update', () => {
		it('sends only the fields set (partial PUT)', async () => {
			const jdoe = acmeUser('jdoe');
			const result = await runNode({
				parameters: { resource: 'user', operation: 'update', user: byUsername('jdoe'), updateFields: { jobTitle: 'Staff Engineer', department: 'Platform' } },
				credentials: fixture.singleOrg(),
			});
			expect(result.json[0]).toMatchObject({ _id: jdoe._id, jobTitle: 'Staff Engineer', department: 'Platform', firstname: 'Jane' });
			const put = fixture.requests().find((r) => r.method === 'PUT')!;
			expect(put.path).toBe(`/api/systemusers/${jdoe._id}`);
			expect(put.body).toEqual({ jobTitle: 'Staff Engineer', department: 'Platform' });
		});

		it('refuses an update with no fields, naming the parameter, without calling JumpCloud', async () => {
			const jdoe = acmeUser('jdoe');
			const result = await runNode({
				parameters: { resource: 'user', operation: 'update', user: byId(jdoe._id), updateFields: {} },
				credentials: fixture.singleOrg(),
			});
			expect(result.error?.message).toBe('Nothing to update');
			expect(result.error?.description).toContain("'Update Fields'");
			expect(fixture.requests()).toHaveLength(0);
		});
	});

	describe('delete', () => {
		it('deletes a user and says so', async () => {
			const user = acmeUser('user003');
			const result = await runNode({ parameters: { resource: 'user', operation: 'delete', user: byId(user._id) }, credentials: fixture.singleOrg() });
			expect(result.json).toEqual([{ deleted: true, id: user._id }]);
			expect(fixture.requests()).toEqual([expect.objectContaining({ method: 'DELETE', path: `/api/systemusers/${user._id}`, query: {} })]);
			expect(fixture.sim.directory.user(fixture.sim.orgs.acme, user._id)).toBeUndefined();
		});

		it('fails to delete a manager unless told what happens to the reports', async () => {
			const msmith = acmeUser('msmith');
			const refused = await runNode({ parameters: { resource: 'user', operation: 'delete', user: byId(msmith._id) }, credentials: fixture.singleOrg() });
			expect((refused.error as unknown as { httpCode: string }).httpCode).toBe('409');

			fixture.sim.clearRequests();
			const cleared = await runNode({
				parameters: { resource: 'user', operation: 'delete', user: byId(msmith._id), deleteOptions: { directReports: 'clear' } },
				credentials: fixture.singleOrg(),
			});
			expect(cleared.json).toEqual([{ deleted: true, id: msmith._id }]);
			expect(fixture.requests()[0].query).toEqual({ cascade_manager: 'null' });
			expect(acmeUser('jdoe').manager).toBeFalsy();
		});

		it('reassigns the direct reports to a manager given by username', async () => {
			const msmith = acmeUser('msmith');
			const newBoss = acmeUser('user001');
			const result = await runNode({
				parameters: { resource: 'user', operation: 'delete', user: byId(msmith._id), deleteOptions: { directReports: 'reassign', newManager: 'user001' } },
				credentials: fixture.singleOrg(),
			});
			expect(result.json).toEqual([{ deleted: true, id: msmith._id }]);
			expect(fixture.requests().find((r) => r.method === 'DELETE')!.query).toEqual({ cascade_manager: newBoss._id });
			expect(acmeUser('jdoe').manager).toBe(newBoss._id);
		});
	});

	describe('assign manager', () => {
		it('resolves both locators and PUTs the manager ID', async () => {
			const user = acmeUser('user010');
			const manager = acmeUser('msmith');
			const result = await runNode({
				parameters: { resource: 'user', operation: 'assignManager', user: byUsername('user010'), manager: byEmail('mary.smith@acme.example') },
				credentials: fixture.singleOrg(),
			});
			expect(result.json[0]).toMatchObject({ _id: user._id, manager: manager._id });
			const put = fixture.requests().find((r) => r.method === 'PUT')!;
			expect(put).toMatchObject({ path: `/api/systemusers/${user._id}`, body: { manager: manager._id } });
		});

		it('refuses to make a user their own manager', async () => {
			const result = await runNode({
				parameters: { resource: 'user', operation: 'assignManager', user: byUsername('jdoe'), manager: byEmail('jane.doe@acme.example') },
				credentials: fixture.singleOrg(),
			});
			expect(result.error?.message).toBe('A user cannot be their own manager');
			expect(fixture.requests().some((r) => r.method === 'PUT')).toBe(false);
		});
	});

	describe('change password', () => {
		it('force-sets the password and never echoes it', async () => {
			const jdoe = acmeUser('jdoe');
			const result = await runNode({
				parameters: { resource: 'user', operation: 'changePassword', user: byId(jdoe._id), newPassword: 'N3w-Secret-Pass' },
				credentials: fixture.singleOrg(),
			});
			expect(result.json).toEqual([{ passwordChanged: true, id: jdoe._id }]);
			expect(fixture.requests()).toEqual([expect.objectContaining({ method: 'POST', path: `/api/systemusers/${jdoe._id}/password`, body: { password: 'N3w-Secret-Pass' } })]);
			expect(JSON.stringify(result.run.data.resultData)).not.toContain('N3w-Secret-Pass');
		});

		it('surfaces the password policy violation', async () => {
			const jdoe = acmeUser('jdoe');
			const result = await runNode({
				parameters: { resource: 'user', operation: 'changePassword', user: byId(jdoe._id), newPassword: 'short' },
				credentials: fixture.singleOrg(),
			});
			expect(result.error?.message).toContain('Password validation fail');
			expect(`${result.error?.message} ${result.error?.description}`).not.toContain('short"');
		});
	});

	describe('errors', () => {
		it('reports a wrong API key with JumpCloud message and how to fix it, without leaking it', async () => {
			const result = await runNode({
				parameters: { resource: 'user', operation: 'get', user: byUsername('jdoe') },
				credentials: { ...fixture.singleOrg(), apiKey: 'not-a-real-key' },
			});
			expect(result.error?.message).toBe('JumpCloud: Unauthorized: api key user not found');
			expect(result.error?.description).toContain("Check 'API Key'");
			expect(JSON.stringify(result.run)).not.toContain('not-a-real-key');
		});

		it('names the parameter for an unknown user ID', async () => {
			const result = await runNode({
				parameters: { resource: 'user', operation: 'get', user: byId('0123456789abcdef01234567') },
				credentials: fixture.singleOrg(),
			});
			expect((result.error as unknown as { httpCode: string }).httpCode).toBe('404');
			expect(result.error?.description).toContain("Check the 'User' parameter");
		});

		it('refuses a malformed ID before any request: typed (n8n flags it) or from an expression (the node does)', async () => {
			await expect(runNode({ parameters: { resource: 'user', operation: 'get', user: byId('jdoe') }, credentials: fixture.singleOrg() })).rejects.toThrow(
				'Not a JumpCloud user ID (24 hexadecimal characters)',
			);
			const result = await runNode({ parameters: { resource: 'user', operation: 'get', user: byId('={{ "jdoe" }}') }, credentials: fixture.singleOrg() });
			expect(result.error?.message).toBe(`'User' is not a JumpCloud user ID: "jdoe"`);
			expect(fixture.requests()).toHaveLength(0);
		});

		it('tells an MSP admin without an organization to choose one', async () => {
			const result = await runNode({ parameters: { resource: 'user', operation: 'get', user: byUsername('gadmin') }, credentials: fixture.msp() });
			expect(result.error?.message).toBe('JumpCloud: Unauthorized: no organization selected');
			expect(result.error?.description).toContain("Set 'Organization' on the node");
			expect(fixture.requests()[0].orgId).toBeUndefined();
		});

		it('with Continue On Fail, turns each failing item into an error item in place', async () => {
			const result = await runNode({
				parameters: { resource: 'user', operation: 'get', user: byUsername('={{ $json.username }}') },
				credentials: fixture.singleOrg(),
				items: [{ username: 'jdoe' }, { username: 'nobody-here' }, { username: 'msmith' }],
				continueOnFail: true,
			});
			expect(result.error).toBeUndefined();
			expect(result.json).toEqual([
				expect.objectContaining({ username: 'jdoe' }),
				{ error: 'No JumpCloud user has the username "nobody-here"', description: expect.stringContaining("Check the 'User' parameter") },
				expect.objectContaining({ username: 'msmith' }),
			]);
			expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		});
	});

	describe('organizations', () => {
		it('sends each item to the organization its expression names', async () => {
			const { orgs } = fixture.sim;
			const result = await runNode({
				parameters: {
					resource: 'user',
					operation: 'get',
					user: byUsername('={{ $json.username }}'),
					organization: { __rl: true, mode: 'id', value: '={{ $json.org }}' },
				},
				credentials: fixture.msp(orgs.globex),
				items: [
					{ username: 'gadmin', org: orgs.globex },
					{ username: 'iadmin', org: orgs.initech },
					{ username: 'hsimpson', org: '' },
				],
			});
			expect(result.error).toBeUndefined();
			expect(result.json.map((user) => [user.username, user.email])).toEqual([
				['gadmin', 'admin@globex.example'],
				['iadmin', 'admin@initech.example'],
				['hsimpson', expect.stringContaining('@globex.example')],
			]);
			expect(fixture.requests().map((r) => r.orgId)).toEqual([orgs.globex, orgs.globex, orgs.initech, orgs.initech, orgs.globex, orgs.globex]);
			expectNoSecret(result, fixture);
		});

		it('keeps an MSP out of organizations it does not manage', async () => {
			const result = await runNode({
				parameters: { resource: 'user', operation: 'get', user: byUsername('jdoe'), organization: { __rl: true, mode: 'id', value: fixture.sim.orgs.acme } },
				credentials: fixture.msp(),
			});
			expect((result.error as unknown as { httpCode: string }).httpCode).toBe('403');
		});

		it('rejects a malformed organization ID naming the parameter', async () => {
			const result = await runNode({
				parameters: { resource: 'user', operation: 'get', user: byUsername('jdoe'), organization: { __rl: true, mode: 'id', value: '={{ "globex" }}' } },
				credentials: fixture.msp(),
			});
			expect(result.error?.message).toBe(`The 'Organization' parameter "globex" is not a JumpCloud organization ID`);
			expect(fixture.requests()).toHaveLength(0);
		});
	});
});
