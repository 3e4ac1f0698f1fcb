import { runNode } from '../../../../helpers/engine';
import { byUsername } from '../../../../helpers/locators';
import { useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();
const acme = () => fixture.sim.orgs.acme;

describe('user › remove from all groups (WorkflowExecute → simulator)', () => {
	it('takes the user out of every group they are in, side by side, and says which', async () => {
		const jdoe = fixture.acmeUser('jdoe');
		const before = fixture.sim.directory.userGroups(acme(), String(jdoe._id));
		expect(before.length).toBeGreaterThan(1);
		const result = await runNode({ parameters: { resource: 'user', operation: 'removeFromAllGroups', user: byUsername('jdoe') }, credentials: fixture.singleOrg() });
		expect(result.error).toBeUndefined();
		expect(result.json).toHaveLength(1);
		const output = result.json[0] as { id: string; count: number; removedFrom: Array<{ id: string; name: string }>; alreadyRemoved: unknown[] };
		expect(output).toMatchObject({ id: jdoe._id, count: before.length, alreadyRemoved: [] });
		expect(output.removedFrom.map((group) => group.id).sort()).toEqual([...before].sort());
		expect(output.removedFrom.every((group) => group.name === fixture.sim.directory.group(acme(), group.id)?.name)).toBe(true);
		expect(fixture.sim.directory.userGroups(acme(), String(jdoe._id))).toEqual([]);
		expect(fixture.requests().filter((r) => r.method === 'POST').map((r) => r.body)).toEqual(before.map(() => ({ op: 'remove', type: 'user', id: jdoe._id })));

		fixture.sim.clearRequests();
		const again = await runNode({ parameters: { resource: 'user', operation: 'removeFromAllGroups', user: byUsername('jdoe') }, credentials: fixture.singleOrg() });
		expect(again.json).toEqual([{ id: jdoe._id, removedFrom: [], alreadyRemoved: [], count: 0 }]);
		expect(fixture.requests().filter((r) => r.method === 'POST')).toEqual([]);
	});

	it('reports the groups it left when one removal fails, and fails the item', async () => {
		const jdoe = fixture.acmeUser('jdoe');
		const groups = fixture.sim.directory.userGroups(acme(), String(jdoe._id));
		fixture.sim.failNext({ method: 'POST', pathPrefix: '/api/v2/usergroups/', status: 403, body: { message: 'Forbidden' } });
		const result = await runNode({ parameters: { resource: 'user', operation: 'removeFromAllGroups', user: byUsername('jdoe') }, credentials: fixture.singleOrg(), continueOnFail: true });
		expect(result.json).toHaveLength(1);
		expect(result.json[0].error).toBe('JumpCloud: Forbidden');
		const description = String((result.json[0].details as { description: string }).description);
		expect(description).toMatch(/^Done: left group .+\. Failed: group .+ \(JumpCloud: Forbidden\)\./);
		expect(fixture.sim.directory.userGroups(acme(), String(jdoe._id))).toHaveLength(1);
		expect(groups.length - 1).toBe((description.match(/left group/g) ?? []).length);
	});
});
