import { runNode } from '../../../../helpers/engine';
import { byEmail, byId } from '../../../../helpers/locators';
import { useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();
const acme = () => fixture.sim.orgs.acme;

describe('user › get groups (WorkflowExecute → simulator)', () => {
	it("lists a user's groups with their names, one item per group", async () => {
		const jdoe = fixture.acmeUser('jdoe');
		const expected = fixture.sim.directory.userGroups(acme(), String(jdoe._id));
		const result = await runNode({ parameters: { resource: 'user', operation: 'getGroups', user: byEmail('jane.doe@acme.example'), returnAll: true }, credentials: fixture.singleOrg() });
		expect(result.error).toBeUndefined();
		expect(result.json.map((group) => group.id).sort()).toEqual([...expected].sort());
		for (const group of result.json) {
			expect(group).toMatchObject({ name: fixture.sim.directory.group(acme(), String(group.id))?.name, direct: true, userId: jdoe._id });
		}
		const calls = fixture.calls();
		expect(calls[0]).toBe('GET /api/systemusers 200');
		expect(calls[1]).toBe(`GET /api/v2/users/${String(jdoe._id)}/memberof 200`);
		// One read per group (few groups): no list of the whole directory.
		expect(calls.slice(2).every((call) => /^GET \/api\/v2\/usergroups\/[0-9a-f]{24} 200$/.test(call))).toBe(true);
		expect(calls).toHaveLength(2 + expected.length);
	});

	it('lists all groups once instead when the user is in many, and returns graph records with Simplify off', async () => {
		const user = fixture.acmeUser('user010');
		fixture.sim.directory.generateGroups(acme(), 30, 'Many');
		for (const group of fixture.sim.directory.groups(acme()).filter((g) => String(g.name).startsWith('Many'))) {
			fixture.sim.directory.memberOp(acme(), String(group.id), { op: 'add', type: 'user', id: user._id });
		}
		const result = await runNode({ parameters: { resource: 'user', operation: 'getGroups', user: byId(String(user._id)), returnAll: true, simplify: false }, credentials: fixture.singleOrg() });
		expect(result.json.length).toBe(fixture.sim.directory.userGroups(acme(), String(user._id)).length);
		expect(result.json[0]).toMatchObject({ id: expect.any(String), type: 'user_group', paths: expect.any(Array), name: expect.any(String) });
		expect(fixture.calls().filter((call) => call.startsWith('GET /api/v2/usergroups'))).toEqual(['GET /api/v2/usergroups 200']);
	});

	it('honours Limit, and names the parameter for an unknown user', async () => {
		const limited = await runNode({ parameters: { resource: 'user', operation: 'getGroups', user: byEmail('jane.doe@acme.example'), limit: 1 }, credentials: fixture.singleOrg() });
		expect(limited.json).toHaveLength(1);
		const missing = await runNode({ parameters: { resource: 'user', operation: 'getGroups', user: byId('0123456789abcdef01234567') }, credentials: fixture.singleOrg() });
		expect(missing.error?.description).toBe("Check the 'User' parameter: no user with ID 0123456789abcdef01234567 exists in this organization.");
	});
});
