import { runNode } from '../../../../helpers/engine';
import { byUsername } from '../../../../helpers/locators';
import { useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();

describe('user › suspend (WorkflowExecute → simulator)', () => {
	it('suspends a user with an empty body, for many items at once', async () => {
		const names = ['user001', 'user002', 'user003'];
		const result = await runNode({ parameters: { resource: 'user', operation: 'suspend', user: byUsername('={{ $json.username }}') }, items: names.map((username) => ({ username })), credentials: fixture.singleOrg() });
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual(names.map((username) => ({ id: fixture.acmeUser(username)._id, suspended: true })));
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		for (const username of names) expect(fixture.acmeUser(username).state).toBe('SUSPENDED');
		const posts = fixture.requests().filter((r) => r.method === 'POST');
		expect(posts.map((r) => [r.body, r.headers['content-type']])).toEqual(names.map(() => [undefined, undefined]));
	});

	it("suspends in the organization an MSP key names (x-org-id sent, as the spec's preamble requires)", async () => {
		const globex = fixture.sim.orgs.globex;
		const user = fixture.sim.directory.userByUsername(globex, 'hsimpson')!;
		const result = await runNode({ parameters: { resource: 'user', operation: 'suspend', user: byUsername('hsimpson') }, credentials: fixture.msp(globex) });
		expect(result.json).toEqual([{ id: user._id, suspended: true }]);
		expect(fixture.requests().map((r) => r.orgId)).toEqual([globex, globex]);
		expect(fixture.sim.directory.user(globex, String(user._id))?.state).toBe('SUSPENDED');
	});
});
