import { runNode } from '../../../../helpers/engine';
import { byId, byUsername } from '../../../../helpers/locators';
import { useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();
const acme = () => fixture.sim.orgs.acme;

describe('user group › remove user (WorkflowExecute → simulator)', () => {
	it('removes a member, and treats removing a non-member as a no-op', async () => {
		const engineering = fixture.acmeGroup('Engineering');
		const jdoe = fixture.acmeUser('jdoe');
		const parameters = { resource: 'userGroup', operation: 'removeUser', userGroup: byId(engineering.id), user: byId(jdoe._id) };
		const removed = await runNode({ parameters, credentials: fixture.singleOrg() });
		expect(removed.json).toEqual([{ removed: true, groupId: engineering.id, groupName: 'Engineering', userId: jdoe._id }]);
		expect(fixture.requests().filter((r) => r.method === 'POST')).toEqual([expect.objectContaining({ body: { op: 'remove', type: 'user', id: jdoe._id }, status: 204 })]);
		expect(fixture.sim.directory.groupMembers(acme(), engineering.id)).not.toContain(jdoe._id);

		fixture.sim.clearRequests();
		const again = await runNode({ parameters, credentials: fixture.singleOrg() });
		expect(again.json).toEqual([{ removed: false, unchanged: true, reason: 'notMember', groupId: engineering.id, groupName: 'Engineering', userId: jdoe._id }]);
		// The group is read for its name first; after the 404 the group and the user are checked afresh.
		expect(fixture.requests().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			`GET /api/v2/usergroups/${engineering.id} 200`,
			`POST /api/v2/usergroups/${engineering.id}/members 404`,
			`GET /api/v2/usergroups/${engineering.id} 200`,
			`GET /api/systemusers/${jdoe._id} 200`,
		]);
	});

	it('does not mistake a missing group for a non-member', async () => {
		const missing = '0123456789abcdef01234567';
		const result = await runNode({
			parameters: { resource: 'userGroup', operation: 'removeUser', userGroup: byId(missing), user: byUsername('jdoe') },
			credentials: fixture.singleOrg(),
		});
		expect(result.error?.description).toContain("Check the 'User Group' parameter");
		expect(fixture.requests().filter((r) => r.method === 'POST')).toEqual([]);
	});

	it.each(['5xx-after', 'reset-after'] as const)(
		'reports a remove whose answer was lost (%s) as removed, after checking group and user exist',
		async (fault) => {
			const engineering = fixture.acmeGroup('Engineering');
			const jdoe = fixture.acmeUser('jdoe');
			fixture.sim.failNext({ fault, method: 'POST' });
			const result = await runNode({
				parameters: { resource: 'userGroup', operation: 'removeUser', userGroup: byId(engineering.id), user: byId(jdoe._id), options: { maxRetryWait: 1 } },
				credentials: fixture.singleOrg(),
			});
			expect(result.json).toEqual([{ removed: true, groupId: engineering.id, groupName: 'Engineering', userId: jdoe._id }]);
			expect(fixture.sim.directory.groupMembers(acme(), engineering.id)).not.toContain(jdoe._id);
			expect(fixture.requests().filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([fault === '5xx-after' ? 502 : 0, 404]);
		},
	);
});
