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
		expect(result.json).toEqual([{ added: true, groupId: sales.id, groupName: 'Sales', userId: jdoe._id }]);
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
		expect(noop.json).toEqual([{ added: false, unchanged: true, reason: 'alreadyMember', groupId: engineering.id, groupName: 'Engineering', userId: jdoe._id }]);
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
			expect.objectContaining({ groupId: vpn.id, groupName: 'VPN Users', userId: fixture.acmeUser('user001')._id }),
			expect.objectContaining({ error: 'No JumpCloud user has the username "ghost"' }),
			expect.objectContaining({ groupId: vpn.id, groupName: 'VPN Users', userId: fixture.acmeUser('user002')._id }),
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		for (const username of ['user001', 'user002']) {
			expect(fixture.sim.directory.groupMembers(acme(), vpn.id)).toContain(fixture.acmeUser(username)._id);
		}
	});

	it.each(['5xx-after', 'reset-after', 'hang', 'non-json'] as const)(
		'reports an add whose answer was lost (%s) as added: the repeat gets 409 because the first send added the user',
		async (fault) => {
			const contractors = fixture.acmeGroup('Contractors');
			const jdoe = fixture.acmeUser('jdoe');
			fixture.sim.failNext({ fault, method: 'POST' });
			const result = await runNode({
				parameters: { resource: 'userGroup', operation: 'addUser', userGroup: byId(contractors.id), user: byId(jdoe._id), options: { timeout: 300, maxRetryWait: 1 } },
				credentials: fixture.singleOrg(),
			});
			expect(result.json).toEqual([{ added: true, groupId: contractors.id, groupName: 'Contractors', userId: jdoe._id }]);
			expect(fixture.requests().filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([fault === '5xx-after' ? 502 : fault === 'non-json' ? 200 : 0, 409]);
			expect(fixture.sim.directory.groupMembers(acme(), contractors.id)).toEqual([jdoe._id]);
		},
	);

	it('retries an add after a 500, 502 or 504 too: adding is safe to repeat', async () => {
		const contractors = fixture.acmeGroup('Contractors');
		const jdoe = fixture.acmeUser('jdoe');
		fixture.sim.failNext({ status: 500, method: 'POST' });
		fixture.sim.failNext({ status: 504, method: 'POST' });
		const result = await runNode({
			parameters: { resource: 'userGroup', operation: 'addUser', userGroup: byId(contractors.id), user: byId(jdoe._id), options: { maxRetryWait: 1 } },
			credentials: fixture.singleOrg(),
		});
		expect(result.json).toEqual([{ added: true, groupId: contractors.id, groupName: 'Contractors', userId: jdoe._id }]);
		expect(fixture.requests().filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([500, 504, 204]);
	});

	it('an HTML page with status 200 is not a success: the add is sent again', async () => {
		const contractors = fixture.acmeGroup('Contractors');
		const jdoe = fixture.acmeUser('jdoe');
		fixture.sim.failNext({ fault: 'html-200', method: 'POST' });
		const result = await runNode({
			parameters: { resource: 'userGroup', operation: 'addUser', userGroup: byId(contractors.id), user: byId(jdoe._id), options: { maxRetryWait: 1 } },
			credentials: fixture.singleOrg(),
		});
		expect(result.json).toEqual([{ added: true, groupId: contractors.id, groupName: 'Contractors', userId: jdoe._id }]);
		expect(fixture.requests().filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([200, 204]);
		expect(fixture.sim.directory.groupMembers(acme(), contractors.id)).toEqual([jdoe._id]);
	});

	it('says an HTML page is not a valid answer when it keeps coming, naming the call', async () => {
		const contractors = fixture.acmeGroup('Contractors');
		const jdoe = fixture.acmeUser('jdoe');
		fixture.sim.failNext({ fault: 'html-200', method: 'POST', count: 10 });
		const result = await runNode({
			parameters: { resource: 'userGroup', operation: 'addUser', userGroup: byId(contractors.id), user: byId(jdoe._id), options: { maxRetryWait: 1 } },
			credentials: fixture.singleOrg(),
		});
		expect(result.error?.message).toBe(`JumpCloud's answer to POST /api/v2/usergroups/${contractors.id}/members is not valid: it is an HTML page, not JSON`);
		expect(result.error?.description).toContain('(sent 5 times)');
		expect(fixture.sim.directory.groupMembers(acme(), contractors.id)).toEqual([]);
	});

	it("names 'User Group' when the group does not exist", async () => {
		const missing = '0123456789abcdef01234567';
		const result = await runNode({
			parameters: { resource: 'userGroup', operation: 'addUser', userGroup: byId(missing), user: byUsername('jdoe') },
			credentials: fixture.singleOrg(),
		});
		expect(result.error?.message).toBe(`No JumpCloud user group has the ID ${missing}`);
		expect(result.error?.description).toBe(`Check the 'User Group' parameter: no user group with ID ${missing} exists in this organization.`);
		// The group is read before anything changes: no add is sent.
		expect(fixture.requests().filter((r) => r.method === 'POST')).toEqual([]);
	});

	it('finds a group whose name holds a comma without listing every group', async () => {
		const group = fixture.sim.directory.createGroup(acme(), { name: 'R&D, Europe' });
		fixture.sim.directory.createGroup(acme(), { name: 'R&D, Europe (old)' });
		fixture.sim.directory.createGroup(acme(), { name: 'R&D' });
		const jdoe = fixture.acmeUser('jdoe');
		const result = await runNode({
			parameters: { resource: 'userGroup', operation: 'addUser', userGroup: byName('R&D, Europe'), user: byId(jdoe._id) },
			credentials: fixture.singleOrg(),
		});
		expect(result.json).toEqual([{ added: true, groupId: group.id, groupName: 'R&D, Europe', userId: jdoe._id }]);
		const lookup = fixture.requests()[0];
		expect(lookup.query.filter).toBe('name:search:R&D,name:search:Europe');
		expect(lookup.rawQuery).toContain('filter=name%3Asearch%3AR%26D,name%3Asearch%3AEurope');
		expect(fixture.requests()).toHaveLength(2);
	});
});
