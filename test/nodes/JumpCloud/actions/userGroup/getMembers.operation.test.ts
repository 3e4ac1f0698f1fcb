import { runNode } from '../../../../helpers/engine';
import { byName } from '../../../../helpers/locators';
import { useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();
const acme = () => fixture.sim.orgs.acme;

describe('user group › get members (WorkflowExecute → simulator)', () => {
	it('returns the members as users (username, email, name), not bare IDs, reading users in _id batches', async () => {
		const staff = fixture.acmeGroup('All Staff');
		const memberIds = fixture.sim.directory.groupMembers(acme(), String(staff.id));
		expect(memberIds.length).toBe(132);
		const result = await runNode({ parameters: { resource: 'userGroup', operation: 'getMembers', userGroup: byName('All Staff'), returnAll: true }, credentials: fixture.singleOrg() });
		expect(result.error).toBeUndefined();
		expect(result.json.map((user) => user._id)).toEqual(memberIds);
		expect(result.json[0]).toMatchObject({ username: expect.any(String), email: expect.any(String), groupId: staff.id });
		expect(result.json[0]).not.toHaveProperty('phoneNumbers');
		const reads = fixture.requests().filter((r) => r.path === '/api/systemusers');
		// 132 IDs: three batches of at most 50.
		expect(reads.map((r) => String(r.query.filter).split('|').length)).toEqual(expect.arrayContaining([50, 50, 32]));
		expect(reads.every((r) => String(r.query.filter).startsWith('_id:$in:'))).toBe(true);
		const memberReads = fixture.requests().filter((r) => r.path.endsWith('/members'));
		expect(memberReads.map((r) => r.query.sort)).toEqual([undefined, undefined]);
	});

	it('honours Limit; Simplify off returns whole records; an empty group gives nothing', async () => {
		const limited = await runNode({ parameters: { resource: 'userGroup', operation: 'getMembers', userGroup: byName('Engineering'), limit: 3, simplify: false }, credentials: fixture.singleOrg() });
		expect(limited.json).toHaveLength(3);
		expect(limited.json[0]).toHaveProperty('created');
		const empty = await runNode({ parameters: { resource: 'userGroup', operation: 'getMembers', userGroup: byName('Contractors'), returnAll: true }, credentials: fixture.singleOrg() });
		expect(empty.error).toBeUndefined();
		expect(empty.json).toEqual([]);
	});
});
