import { runNode } from '../../../helpers/engine';
import { useSimulator } from '../../../helpers/simulator';

const fixture = useSimulator();
const byName = (value: string) => ({ __rl: true, mode: 'name', value });
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const byUsername = (value: string) => ({ __rl: true, mode: 'username', value });

const acme = () => fixture.sim.orgs.acme;
const group = (name: string) => fixture.sim.directory.groupByName(acme(), name)!;
const user = (username: string) => fixture.sim.directory.userByUsername(acme(), username)!;

describe('user group operations (WorkflowExecute → simulator)', () => {
	describe('get many', () => {
		it('returns up to Limit groups in one request, sorted by name', async () => {
			const result = await runNode({ parameters: { resource: 'userGroup', operation: 'getAll', limit: 5 }, credentials: fixture.singleOrg() });
			expect(result.json.map((g) => g.name)).toEqual(['Admins', 'All Staff', 'Contractors', 'Engineering', 'Finance']);
			expect(result.items.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
			expect(fixture.requests().map((r) => r.query)).toEqual([{ sort: 'name', limit: '5', skip: '0' }]);
		});

		it('pages with skip until everything is in when Return All is on', async () => {
			const result = await runNode({ parameters: { resource: 'userGroup', operation: 'getAll', returnAll: true }, credentials: fixture.singleOrg() });
			expect(result.json).toHaveLength(fixture.sim.directory.groups(acme()).length);
			expect(new Set(result.json.map((g) => g.id)).size).toBe(result.json.length);
			expect(fixture.requests().map((r) => r.query)).toEqual([{ sort: 'name', limit: '100', skip: '0' }]);
		});

		it('pages a Limit above 100 in pages of at most 100', async () => {
			for (let i = 0; i < 140; i++) fixture.sim.directory.createGroup(acme(), { name: `Project ${String(i).padStart(3, '0')}` });
			const result = await runNode({ parameters: { resource: 'userGroup', operation: 'getAll', limit: 130 }, credentials: fixture.singleOrg() });
			expect(result.json).toHaveLength(130);
			expect(new Set(result.json.map((g) => g.id)).size).toBe(130);
			expect(fixture.requests().map((r) => [r.query.limit, r.query.skip])).toEqual([
				['100', '0'],
				['30', '100'],
			]);
			const all = await runNode({ parameters: { resource: 'userGroup', operation: 'getAll', returnAll: true }, credentials: fixture.singleOrg() });
			expect(all.json).toHaveLength(152);
		});

		it('filters by exact name and by part of the name', async () => {
			const exact = await runNode({ parameters: { resource: 'userGroup', operation: 'getAll', returnAll: true, filters: { name: 'Engineering' } }, credentials: fixture.singleOrg() });
			expect(exact.json.map((g) => g.name)).toEqual(['Engineering']);
			expect(fixture.requests()[0].query.filter).toBe('name:eq:Engineering');
			const partial = await runNode({ parameters: { resource: 'userGroup', operation: 'getAll', returnAll: true, filters: { nameContains: 'staff' } }, credentials: fixture.singleOrg() });
			expect(partial.json.map((g) => g.name)).toEqual(['All Staff']);
		});

		it('lists the groups of the organization the node names (MSP)', async () => {
			const result = await runNode({
				parameters: { resource: 'userGroup', operation: 'getAll', returnAll: true, organization: { __rl: true, mode: 'id', value: fixture.sim.orgs.initech } },
				credentials: fixture.msp(),
			});
			expect(result.json.map((g) => g.name).sort()).toEqual(['All Staff', 'TPS Reports']);
			expect(fixture.requests()[0].orgId).toBe(fixture.sim.orgs.initech);
		});
	});

	describe('add user / remove user', () => {
		it('adds a user found by username to a group found by name', async () => {
			const sales = group('Sales');
			const jdoe = user('jdoe');
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
			const engineering = group('Engineering');
			const jdoe = user('jdoe');
			const parameters = { resource: 'userGroup', operation: 'addUser', userGroup: byId(engineering.id), user: byUsername('jdoe') };
			const noop = await runNode({ parameters, credentials: fixture.singleOrg() });
			expect(noop.json).toEqual([{ added: false, unchanged: true, reason: 'alreadyMember', groupId: engineering.id, userId: jdoe._id }]);
			expect(fixture.requests().find((r) => r.method === 'POST')!.status).toBe(409);

			const strict = await runNode({ parameters: { ...parameters, membershipOptions: { failIfUnchanged: true } }, credentials: fixture.singleOrg() });
			expect(strict.error?.message).toBe('The user is already a member of the group');
			expect(strict.error?.description).toContain("'Fail If Unchanged'");
		});

		it('removes a member, and treats removing a non-member as a no-op', async () => {
			const engineering = group('Engineering');
			const jdoe = user('jdoe');
			const parameters = { resource: 'userGroup', operation: 'removeUser', userGroup: byId(engineering.id), user: byId(jdoe._id) };
			const removed = await runNode({ parameters, credentials: fixture.singleOrg() });
			expect(removed.json).toEqual([{ removed: true, groupId: engineering.id, userId: jdoe._id }]);
			expect(fixture.requests()).toEqual([expect.objectContaining({ method: 'POST', body: { op: 'remove', type: 'user', id: jdoe._id }, status: 204 })]);
			expect(fixture.sim.directory.groupMembers(acme(), engineering.id)).not.toContain(jdoe._id);

			fixture.sim.clearRequests();
			const again = await runNode({ parameters, credentials: fixture.singleOrg() });
			expect(again.json).toEqual([{ removed: false, unchanged: true, reason: 'notMember', groupId: engineering.id, userId: jdoe._id }]);
			expect(fixture.requests().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
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
			expect((result.error as unknown as { httpCode: string }).httpCode).toBe('404');
			expect(result.error?.description).toContain("Check the 'User Group' parameter");
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
			const vpn = group('VPN Users');
			const result = await runNode({
				parameters: { resource: 'userGroup', operation: 'addUser', userGroup: byName('VPN Users'), user: byUsername('={{ $json.username }}') },
				credentials: fixture.singleOrg(),
				items: [{ username: 'user001' }, { username: 'ghost' }, { username: 'user002' }],
				continueOnFail: true,
			});
			expect(result.json).toEqual([
				expect.objectContaining({ groupId: vpn.id, userId: user('user001')._id }),
				expect.objectContaining({ error: 'No JumpCloud user has the username "ghost"' }),
				expect.objectContaining({ groupId: vpn.id, userId: user('user002')._id }),
			]);
			expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			for (const username of ['user001', 'user002']) {
				expect(fixture.sim.directory.groupMembers(acme(), vpn.id)).toContain(user(username)._id);
			}
		});
	});
});
