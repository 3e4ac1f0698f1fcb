/**
 * Items run side by side (Options > Concurrency): output in input order with pairedItem whatever order the
 * answers come in, one lookup per distinct group name and one per 50 emails, a 429 storm slowing the node
 * down rather than failing items, and a stop without Continue On Fail that says what already ran.
 */
import { runNode } from '../../../helpers/engine';
import { byEmail, byId, byName } from '../../../helpers/locators';
import { useSimulator } from '../../../helpers/simulator';
import { prng } from '../../../simulator/faults';

const fixture = useSimulator();
const acme = () => fixture.sim.orgs.acme;

describe('concurrent items (WorkflowExecute → simulator)', () => {
	it('keeps the input order and pairing while answers come back in any order', async () => {
		const random = prng(5);
		fixture.sim.latencyMs = () => Math.floor(random() * 15);
		const users = fixture.sim.directory.users(acme()).slice(0, 120);
		const result = await runNode({
			parameters: { resource: 'user', operation: 'get', user: byId('={{ $json.id }}'), options: { concurrency: 16 } },
			credentials: fixture.singleOrg(),
			items: users.map((user) => ({ id: user._id })),
		});
		expect(result.json.map((user) => user._id)).toEqual(users.map((user) => user._id));
		expect(result.items.map((item) => (item.pairedItem as { item: number }).item)).toEqual(users.map((_, index) => index));
		// They did run side by side.
		expect(fixture.sim.maxInFlight).toBeGreaterThan(4);
		expect(fixture.sim.maxInFlight).toBeLessThanOrEqual(16);
	});

	it("adds all 132 of Acme's users by email to a group by name with 1 group lookup and 3 user lookups", async () => {
		const users = fixture.sim.directory.users(acme());
		const contractors = fixture.acmeGroup('Contractors');
		const result = await runNode({
			parameters: { resource: 'userGroup', operation: 'addUser', userGroup: byName('Contractors'), user: byEmail('={{ $json.email }}') },
			credentials: fixture.singleOrg(),
			items: users.map((user) => ({ email: user.email })),
		});
		expect(result.json).toEqual(users.map((user) => ({ added: true, groupId: contractors.id, groupName: 'Contractors', userId: user._id })));
		const calls = fixture.calls();
		expect(calls.filter((call) => call.startsWith('GET /api/v2/usergroups '))).toHaveLength(1);
		expect(calls.filter((call) => call.startsWith('GET /api/systemusers '))).toHaveLength(3);
		expect(calls.filter((call) => call.startsWith('POST '))).toHaveLength(132);
		expect(fixture.sim.directory.groupMembers(acme(), contractors.id)).toEqual(users.map((user) => user._id));
	});

	it('loses nothing in a 429 storm: the limiter backs off and every item completes', async () => {
		for (let i = 0; i < 300; i++) fixture.sim.directory.createUser(acme(), { username: `storm${i}`, email: `storm${i}@acme.example` });
		const users = fixture.sim.directory.users(acme()).filter((user) => user.username.startsWith('storm'));
		const vpn = fixture.acmeGroup('VPN Users');
		// A token bucket of 5 calls, refilled at 100 a second (429 with Retry-After: 1 when empty), against 32 items at once.
		fixture.sim.setRateLimit({ capacity: 5, refillPerSecond: 100 });
		const result = await runNode({
			parameters: { resource: 'userGroup', operation: 'addUser', userGroup: byId(vpn.id), user: byId('={{ $json.id }}'), options: { concurrency: 32 } },
			credentials: fixture.singleOrg(),
			items: users.map((user) => ({ id: user._id })),
		});
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual(users.map((user) => ({ added: true, groupId: vpn.id, groupName: 'VPN Users', userId: user._id })));
		expect(fixture.requests().filter((request) => request.status === 429).length).toBeGreaterThan(10);
		const members = fixture.sim.directory.groupMembers(acme(), vpn.id);
		expect(users.every((user) => members.includes(user._id))).toBe(true);
	}, 120_000);

	it('without Continue On Fail, starts no new item after a failure and names the items that completed alongside', async () => {
		fixture.sim.latencyMs = 5;
		const ids = fixture.sim.directory.users(acme()).slice(0, 40).map((user) => user._id);
		ids[3] = '0123456789abcdef01234567';
		const result = await runNode({
			parameters: { resource: 'user', operation: 'get', user: byId('={{ $json.id }}'), options: { concurrency: 8 } },
			credentials: fixture.singleOrg(),
			items: ids.map((id) => ({ id })),
		});
		expect((result.error as unknown as { context: { itemIndex: number } }).context.itemIndex).toBe(3);
		expect(result.error?.description).toMatch(/Items [\d, ]+, which ran alongside, completed before the node stopped\./);
		expect(fixture.requests().length).toBeLessThan(20);
	});
});
