import { runNode } from '../../../helpers/engine';
import { byId, byUsername } from '../../../helpers/locators';
import { expectNoSecret, useSimulator } from '../../../helpers/simulator';

const fixture = useSimulator();

describe('router: errors, Continue On Fail and organizations per item (WorkflowExecute → simulator)', () => {
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
