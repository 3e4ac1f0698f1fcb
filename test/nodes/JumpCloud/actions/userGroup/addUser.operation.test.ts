import { runNode } from '../../../../helpers/engine';
import { byId, byName, byUsername } from '../../../../helpers/locators';
import { useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();
const acme = () => fixture.sim.orgs.acme;

describe('user group › add user (WorkflowExecute → simulator)', () => {
	it('adds a user found by username to a group found by name', async () => {
		const sales = fixture.acmeGroup('Sales');
		const jdoe = fixture.acmeUser('jdoe');
		expect(fixture.sim.directory.groupMembers(acme(), sales.id)).not.toContain(jdoe._id);
		const result = await runNode({
			parameters: { resource: 'userGroup', operation: 'addUser', userGroup: byName('Sales'), user: byUsername('jdoe') },
			credentials: fixture.singleOrg(),
		});
		expect(result.json).toEqual([{ added: true, groupId: sales.id, userId: jdoe._id }]);
		const post = fixture.requests().find((r) => r.method === 'POST')!;
		expect(post).toMatchObject({ path: `/api/v2/usergroups/${sales.id}/members`, body: { op: 'add', type: 'user', id: jdoe._id }, status: 204 });
		expect(fixture.requests().find((r) => r.path === '/api/v2/usergroups')!.query.filter).toBe('name:eq:Sales');
		expect(fixture.sim.directory.groupMembers(acme(), sales.id)).toContain(jdoe._id);
	});
	it('reports adding an existing member as a no-op, or fails when asked to', async () => {
		const engineering = fixture.acmeGroup('Engineering');
		const jdoe = fixture.acmeUser('jdoe');
		const parameters = { resource: 'userGroup', operation: 'addUser', userGroup: byId(engineering.id), user: byUsername('jdoe') };
		const noop = await runNode({ parameters, credentials: fixture.singleOrg() });
		expect(noop.json).toEqual([{ added: false, unchanged: true, reason: 'alreadyMember', groupId: engineering.id, userId: jdoe._id }]);
		expect(fixture.requests().find((r) => r.method === 'POST')!.status).toBe(409);

		const strict = await runNode({ parameters: { ...parameters, options: { failIfUnchanged: true } }, credentials: fixture.singleOrg() });
		expect(strict.error?.message).toBe('The user is already a member of the group');
		expect(strict.error?.description).toContain("'Fail If Unchanged'");
	});
	it('names the parameter when no group has that name', async () => {
		const result = await runNode({
			parameters: { resource: 'userGroup', operation: 'addUser', userGroup: byName('engineering'), user: byUsername('jdoe') },
			credentials: fixture.singleOrg(),
		});
		expect(result.error?.message).toBe('No JumpCloud user group is named "engineering"');
		expect(result.error?.description).toContain("'User Group'");
	});
	it('adds many users from items, keeping order and pairing, with one failure in place', async () => {
		const vpn = fixture.acmeGroup('VPN Users');
		const result = await runNode({
			parameters: { resource: 'userGroup', operation: 'addUser', userGroup: byName('VPN Users'), user: byUsername('={{ $json.username }}') },
			credentials: fixture.singleOrg(),
			items: [{ username: 'user001' }, { username: 'ghost' }, { username: 'user002' }],
			continueOnFail: true,
		});
		expect(result.json).toEqual([
			expect.objectContaining({ groupId: vpn.id, userId: fixture.acmeUser('user001')._id }),
			expect.objectContaining({ error: 'No JumpCloud user has the username "ghost"' }),
			expect.objectContaining({ groupId: vpn.id, userId: fixture.acmeUser('user002')._id }),
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		for (const username of ['user001', 'user002']) {
			expect(fixture.sim.directory.groupMembers(acme(), vpn.id)).toContain(fixture.acmeUser(username)._id);
		}
	});
});
