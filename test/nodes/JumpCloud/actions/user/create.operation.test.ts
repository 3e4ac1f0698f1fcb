import { runNode } from '../../../../helpers/engine';
import { expectNoSecret, useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();

describe('user › create (WorkflowExecute → simulator)', () => {
	it('sends username, email, names and the additional fields, resolving the manager', async () => {
		const msmith = fixture.acmeUser('msmith');
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

	it('reports an existing username before creating, naming the user and the option that allows re-runs', async () => {
		const jdoe = fixture.acmeUser('jdoe');
		const result = await runNode({
			parameters: { resource: 'user', operation: 'create', username: 'jdoe', email: 'other@acme.example', additionalFields: {} },
			credentials: fixture.singleOrg(),
		});
		expect(result.error?.message).toBe(`A JumpCloud user with the username "jdoe" already exists (ID ${jdoe._id})`);
		expect(result.error?.description).toContain("'Options > If User Exists'");
		expect(fixture.calls()).toEqual(['GET /api/systemusers 200']);
	});

	it("passes on JumpCloud's own refusal of a duplicate it finds (usernames are unique regardless of case)", async () => {
		const result = await runNode({
			parameters: { resource: 'user', operation: 'create', username: 'JDoe', email: 'other@acme.example', additionalFields: {} },
			credentials: fixture.singleOrg(),
		});
		expect(result.error?.message).toContain('already exists');
		expect(result.error?.description).toContain('invalid');
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('400');
	});

	describe('If User Exists', () => {
		const create = (ifUserExists: string, extra: Record<string, unknown> = {}) => ({
			resource: 'user',
			operation: 'create',
			username: 'jdoe',
			email: 'jane.doe@acme.example',
			firstname: 'Janet',
			additionalFields: { jobTitle: 'Principal Engineer', password: 'Initial-Pass-1', ...extra },
			options: { ifUserExists },
		});

		it('Return Existing outputs the existing user unchanged, without creating', async () => {
			const jdoe = fixture.acmeUser('jdoe');
			const result = await runNode({ parameters: create('returnExisting'), credentials: fixture.singleOrg() });
			expect(result.json).toEqual([expect.objectContaining({ _id: jdoe._id, username: 'jdoe', firstname: 'Jane', jobTitle: 'Software Engineer' })]);
			expect(fixture.calls()).toEqual(['GET /api/systemusers 200']);
			expect(fixture.requests()[0].query).toEqual({
				'filter[or][0]': 'username:$eq:jdoe',
				'filter[or][1]': 'email:$eq:jane.doe@acme.example',
				limit: '3',
			});
		});

		it('Update Existing sets the given fields on the existing user, but not the initial password', async () => {
			const jdoe = fixture.acmeUser('jdoe');
			const result = await runNode({ parameters: create('updateExisting'), credentials: fixture.singleOrg() });
			expect(result.json).toEqual([expect.objectContaining({ _id: jdoe._id, firstname: 'Janet', jobTitle: 'Principal Engineer' })]);
			const put = fixture.requests().find((r) => r.method === 'PUT')!;
			expect(put.path).toBe(`/api/systemusers/${jdoe._id}`);
			expect(put.body).toEqual({ username: 'jdoe', email: 'jane.doe@acme.example', firstname: 'Janet', jobTitle: 'Principal Engineer' });
			expect(fixture.sim.directory.passwordChanges).toHaveLength(0);
		});

		it('creates as usual when nobody has the username or email', async () => {
			const result = await runNode({
				parameters: { ...create('returnExisting'), username: 'newbie', email: 'newbie@acme.example' },
				credentials: fixture.singleOrg(),
			});
			expect(result.json[0]).toMatchObject({ username: 'newbie', firstname: 'Janet' });
			expect(fixture.calls()).toEqual(['GET /api/systemusers 200', 'POST /api/systemusers 200']);
		});

		it('Error (the default) looks first too, so a lost answer cannot pass an existing user off as created', async () => {
			fixture.sim.failNext({ fault: 'reset-before', method: 'POST' });
			const jdoe = fixture.acmeUser('jdoe');
			const result = await runNode({
				parameters: { resource: 'user', operation: 'create', username: 'jdoe', email: 'jane.doe@acme.example', additionalFields: {} },
				credentials: fixture.singleOrg(),
			});
			expect(result.error?.message).toBe(`A JumpCloud user with the username "jdoe" already exists (ID ${jdoe._id})`);
			expect(fixture.calls()).toEqual(['GET /api/systemusers 200']);
		});

		it('fails, naming both fields, when the username and the email belong to two different users', async () => {
			const result = await runNode({
				parameters: { ...create('updateExisting'), email: 'mary.smith@acme.example' },
				credentials: fixture.singleOrg(),
			});
			expect(result.error?.message).toBe('The username "jdoe" and the email "mary.smith@acme.example" belong to two different JumpCloud users');
			expect(result.error?.description).toContain("Check 'Username' and 'Email'");
			expect(fixture.requests().every((r) => r.method === 'GET')).toBe(true);
		});

		it('makes a workflow safe to run twice: the second run returns the user the first created', async () => {
			const parameters = { ...create('returnExisting'), username: 'twice', email: 'twice@acme.example' };
			const first = await runNode({ parameters, credentials: fixture.singleOrg() });
			const second = await runNode({ parameters, credentials: fixture.singleOrg() });
			expect(second.json[0]._id).toBe(first.json[0]._id);
			expect(fixture.sim.directory.users(fixture.sim.orgs.acme).filter((u) => u.username === 'twice')).toHaveLength(1);
		});
	});

	describe('a create whose answer gets lost', () => {
		const parameters = {
			resource: 'user',
			operation: 'create',
			username: 'once',
			email: 'once@acme.example',
			additionalFields: {},
			options: { timeout: 300, maxRetryWait: 1 },
		};
		const created = () => fixture.sim.directory.users(fixture.sim.orgs.acme).filter((u) => u.username === 'once');

		it.each(['5xx-after', 'reset-after', 'hang', 'truncated', 'non-json'] as const)(
			'(%s, the user was created) is looked up and reported as created, never sent twice',
			async (fault) => {
				fixture.sim.failNext({ fault, method: 'POST' });
				const result = await runNode({ parameters, credentials: fixture.singleOrg() });
				expect(result.error).toBeUndefined();
				expect(created()).toHaveLength(1);
				expect(result.json).toEqual([expect.objectContaining({ _id: created()[0]._id, username: 'once' })]);
				expect(fixture.calls().filter((call) => call.startsWith('POST'))).toHaveLength(1);
			},
		);

		it.each(['reset-before', 'html-200', 'status'] as const)('(%s, nothing was created) is sent again, once', async (fault) => {
			fixture.sim.failNext({ fault, method: 'POST', status: fault === 'status' ? 502 : undefined });
			const result = await runNode({ parameters, credentials: fixture.singleOrg() });
			expect(result.error).toBeUndefined();
			expect(created()).toHaveLength(1);
			expect(result.json[0]).toMatchObject({ _id: created()[0]._id });
			expect(fixture.calls().filter((call) => call.startsWith('POST'))).toHaveLength(2);
		});

		it('with retries off, still looks the user up instead of reporting a create that happened as failed', async () => {
			fixture.sim.failNext({ fault: '5xx-after', method: 'POST', status: 502 });
			const result = await runNode({ parameters: { ...parameters, options: { maxRetryWait: 0 } }, credentials: fixture.singleOrg() });
			expect(result.error).toBeUndefined();
			expect(result.json[0]).toMatchObject({ _id: created()[0]._id });
		});
	});

	it('runs items one after another by default, so an item can name a user created by an earlier item as its manager', async () => {
		fixture.sim.latencyMs = 5;
		const result = await runNode({
			parameters: {
				resource: 'user',
				operation: 'create',
				username: '={{ $json.username }}',
				email: '={{ $json.username }}@acme.example',
				additionalFields: { manager: '={{ $json.manager ?? "" }}' },
			},
			credentials: fixture.singleOrg(),
			items: [{ username: 'team.lead' }, { username: 'team.one', manager: 'team.lead' }, { username: 'team.two', manager: 'team.lead' }],
		});
		expect(result.error).toBeUndefined();
		const lead = fixture.sim.directory.userByUsername(fixture.sim.orgs.acme, 'team.lead')!;
		expect(result.json.map((user) => [user.username, user.manager ?? null])).toEqual([
			['team.lead', null],
			['team.one', lead._id],
			['team.two', lead._id],
		]);
		expect(fixture.sim.maxInFlight).toBe(1);
	});
});
