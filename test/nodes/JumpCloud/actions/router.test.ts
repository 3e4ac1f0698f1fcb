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
		expect(result.error?.description).toContain("Set 'Options > Organization' on the node");
		expect(fixture.requests()[0].orgId).toBeUndefined();
	});

	const threeUsers = [{ username: 'jdoe' }, { username: 'nobody-here' }, { username: 'msmith' }, { username: 'ghost' }];
	const getByUsername = { resource: 'user', operation: 'get', user: byUsername('={{ $json.username }}') };
	const notFoundItem = (username: string) => ({
		error: `No JumpCloud user has the username "${username}"`,
		details: { description: expect.stringContaining("Check the 'User' parameter") },
	});

	it('with "Continue (regular output)", puts an error item in place of each failing item', async () => {
		const result = await runNode({ parameters: getByUsername, credentials: fixture.singleOrg(), items: threeUsers, onError: 'continueRegularOutput' });
		expect(result.error).toBeUndefined();
		expect(result.outputs).toHaveLength(1);
		expect(result.json).toEqual([expect.objectContaining({ username: 'jdoe' }), notFoundItem('nobody-here'), expect.objectContaining({ username: 'msmith' }), notFoundItem('ghost')]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
	});

	it('with "Continue (using error output)", routes each failing item to the error output, in order and paired', async () => {
		const result = await runNode({ parameters: getByUsername, credentials: fixture.singleOrg(), items: threeUsers, onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		const [success, failed] = result.outputs;
		expect(success.map((item) => [item.json.username, item.pairedItem])).toEqual([
			['jdoe', { item: 0 }],
			['msmith', { item: 2 }],
		]);
		expect(failed.map((item) => [item.json, item.pairedItem])).toEqual([
			[notFoundItem('nobody-here'), { item: 1 }],
			[notFoundItem('ghost'), { item: 3 }],
		]);
	});

	it('routes API errors (with their HTTP code) to the error output too', async () => {
		const result = await runNode({
			parameters: { resource: 'user', operation: 'get', user: byId('={{ $json.id }}') },
			credentials: fixture.singleOrg(),
			items: [{ id: '0123456789abcdef01234567' }, { id: fixture.acmeUser('jdoe')._id }],
			onError: 'continueErrorOutput',
		});
		const [success, failed] = result.outputs;
		expect(success.map((item) => item.json.username)).toEqual(['jdoe']);
		expect(failed.map((item) => item.json.details)).toEqual([{ httpCode: '404', description: expect.stringContaining("Check the 'User' parameter") }]);
	});

	it('stops at the first failing item without Continue On Fail, naming that item', async () => {
		const result = await runNode({ parameters: getByUsername, credentials: fixture.singleOrg(), items: threeUsers });
		expect(result.error?.message).toBe('No JumpCloud user has the username "nobody-here"');
		expect((result.error as unknown as { context: { itemIndex: number } }).context.itemIndex).toBe(1);
	});

	it('sends each item to the organization its expression names', async () => {
		const { orgs } = fixture.sim;
		const result = await runNode({
			parameters: {
				resource: 'user',
				operation: 'get',
				user: byUsername('={{ $json.username }}'),
				options: { organization: { __rl: true, mode: 'id', value: '={{ $json.org }}' } },
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
		expect(fixture.requests().map((r) => r.orgId)).toEqual([orgs.globex, orgs.initech, orgs.globex]);
		expectNoSecret(result, fixture);
	});

	it('keeps an MSP out of organizations it does not manage', async () => {
		const result = await runNode({
			parameters: { resource: 'user', operation: 'get', user: byUsername('jdoe'), options: { organization: { __rl: true, mode: 'id', value: fixture.sim.orgs.acme } } },
			credentials: fixture.msp(),
		});
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('403');
	});

	it('rejects a malformed organization ID naming the parameter', async () => {
		const result = await runNode({
			parameters: { resource: 'user', operation: 'get', user: byUsername('jdoe'), options: { organization: { __rl: true, mode: 'id', value: '={{ "globex" }}' } } },
			credentials: fixture.msp(),
		});
		expect(result.error?.message).toBe(`'Options > Organization' is not a JumpCloud organization ID: "globex"`);
		expect(fixture.requests()).toHaveLength(0);
	});
});
