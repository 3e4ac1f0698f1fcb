import { deviceFixture } from '../../../../helpers/devices';
import { runNode } from '../../../../helpers/engine';
import { byEmail, byUsername } from '../../../../helpers/locators';
import { useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();
const d = deviceFixture(fixture);

describe('user › remove from all groups › unbind from all devices (WorkflowExecute → simulator)', () => {
	it('also unbinds the user from every device they are bound to, naming the devices', async () => {
		const user120 = fixture.acmeUser('user120');
		const devices = ['acme-mbp-user120', 'acme-win-user120'].map((hostname) => d.device(hostname));
		const groupsBefore = fixture.sim.directory.userGroups(d.acme(), user120._id);
		const result = await runNode({
			parameters: { resource: 'user', operation: 'removeFromAllGroups', user: byEmail('user120@acme.example'), options: { unbindDevices: true } },
			credentials: fixture.singleOrg(),
		});
		expect(result.json).toEqual([
			expect.objectContaining({
				id: user120._id,
				count: groupsBefore.length,
				unboundFrom: devices.map((device) => ({ id: device._id, hostname: device.hostname })),
				alreadyUnbound: [],
				deviceCount: 2,
			}),
		]);
		expect(d.state().systemsOfUser(d.acme(), user120._id)).toEqual([]);
		expect(fixture.sim.directory.userGroups(d.acme(), user120._id)).toEqual([]);
		const list = fixture.requests().find((r) => r.path === `/api/v2/users/${user120._id}/associations`)!;
		expect(list.query.targets).toBe('system');
		const posts = fixture.requests().filter((r) => r.method === 'POST' && r.path.startsWith('/api/v2/systems/'));
		expect(posts.map((r) => r.body)).toEqual(devices.map(() => ({ op: 'remove', type: 'user', id: user120._id })));
	});

	it('leaves devices alone without the option: the output is exactly as before', async () => {
		const user001 = fixture.acmeUser('user001');
		const result = await runNode({ parameters: { resource: 'user', operation: 'removeFromAllGroups', user: byUsername('user001') }, credentials: fixture.singleOrg() });
		expect(Object.keys(result.json[0]).sort()).toEqual(['alreadyRemoved', 'count', 'id', 'removedFrom']);
		expect(d.state().systemsOfUser(d.acme(), user001._id)).toEqual([d.device('acme-win-user001')._id]);
		expect(fixture.requests().filter((r) => r.path.includes('/associations'))).toEqual([]);
	});
});
