import { runNode } from '../../../../helpers/engine';
import { byName } from '../../../../helpers/locators';
import { useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();
const acme = () => fixture.sim.orgs.acme;

describe('user group › add users (WorkflowExecute → simulator)', () => {
	it('adds several users given by email, username and ID, each reported, a member already as unchanged', async () => {
		const contractors = fixture.acmeGroup('Contractors');
		const jdoe = fixture.acmeUser('jdoe');
		fixture.sim.directory.memberOp(acme(), String(contractors.id), { op: 'add', type: 'user', id: jdoe._id });
		const user003 = fixture.acmeUser('user003');
		const result = await runNode({
			parameters: { resource: 'userGroup', operation: 'addUsers', userGroup: byName('Contractors'), users: `mary.smith@acme.example, jdoe\n${String(user003._id)}, user004` },
			credentials: fixture.singleOrg(),
		});
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([
			{
				groupId: contractors.id,
				groupName: 'Contractors',
				added: 3,
				unchanged: 1,
				users: [
					{ user: 'mary.smith@acme.example', userId: fixture.acmeUser('msmith')._id, added: true },
					{ user: 'jdoe', userId: jdoe._id, added: false, unchanged: true, reason: 'alreadyMember' },
					{ user: String(user003._id), userId: user003._id, added: true },
					{ user: 'user004', userId: fixture.acmeUser('user004')._id, added: true },
				],
			},
		]);
		expect(fixture.sim.directory.groupMembers(acme(), String(contractors.id))).toHaveLength(4);
	});

	it('takes a list from an expression, and changes nothing when one user is unknown', async () => {
		const result = await runNode({
			parameters: { resource: 'userGroup', operation: 'addUsers', userGroup: byName('Contractors'), users: '={{ ["jdoe", "ghost@acme.example"] }}' },
			credentials: fixture.singleOrg(),
		});
		expect(result.error?.message).toBe('No JumpCloud user has the email "ghost@acme.example"');
		expect(result.error?.description).toContain("'Users'");
		expect(fixture.requests().filter((r) => r.method === 'POST')).toEqual([]);
	});

	it('looks up many emails in $in batches, not one call per user', async () => {
		const users = fixture.sim.directory.users(acme()).slice(2, 82);
		const result = await runNode({
			parameters: { resource: 'userGroup', operation: 'addUsers', userGroup: byName('Contractors'), users: users.map((user) => user.email).join('\n') },
			credentials: fixture.singleOrg(),
		});
		expect(result.json[0].added).toBe(80);
		expect(fixture.requests().filter((r) => r.path === '/api/systemusers')).toHaveLength(2);
	});

	it("refuses an empty 'Users'", async () => {
		const result = await runNode({ parameters: { resource: 'userGroup', operation: 'addUsers', userGroup: byName('Contractors'), users: ' , \n' }, credentials: fixture.singleOrg() });
		expect(result.error?.message).toBe("'Users' is empty");
		expect(fixture.requests()).toHaveLength(0);
	});
});
