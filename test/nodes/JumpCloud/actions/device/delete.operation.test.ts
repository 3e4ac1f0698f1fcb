import { deviceFixture } from '../../../../helpers/devices';
import { runNode } from '../../../../helpers/engine';
import { byHostname, byId } from '../../../../helpers/locators';
import { useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();
const d = deviceFixture(fixture);

describe('device › delete (WorkflowExecute → simulator)', () => {
	it('reads the device, deletes it, and says which one went; its group memberships go with it', async () => {
		const db = d.device('acme-ubuntu-db01');
		const result = await runNode({ parameters: { resource: 'device', operation: 'delete', device: byHostname('acme-ubuntu-db01') }, credentials: fixture.singleOrg() });
		expect(result.json).toEqual([{ deleted: true, id: db._id, hostname: 'acme-ubuntu-db01', displayName: 'Database 01' }]);
		expect(fixture.calls()).toEqual(['GET /api/systems 200', `DELETE /api/systems/${db._id} 200`]);
		expect(d.state().system(d.acme(), db._id)).toBeUndefined();
		expect(d.state().groupMembers(d.acme(), d.group('Servers').id)).not.toContain(db._id);
	});

	it('reports a delete whose answer was lost as done: the repeat gets 404 because the first send deleted it', async () => {
		const kiosk = d.device('acme-win-kiosk');
		fixture.sim.failNext({ fault: 'reset-after', method: 'DELETE' });
		const result = await runNode({ parameters: { resource: 'device', operation: 'delete', device: byId(kiosk._id), options: { maxRetryWait: 1 } }, credentials: fixture.singleOrg() });
		expect(result.json).toEqual([{ deleted: true, id: kiosk._id, hostname: 'acme-win-kiosk', displayName: 'Lobby kiosk' }]);
		expect(fixture.requests().filter((r) => r.method === 'DELETE').map((r) => r.status)).toEqual([0, 404]);
	});

	it("names 'Device' for a device that does not exist, and deletes nothing", async () => {
		const result = await runNode({ parameters: { resource: 'device', operation: 'delete', device: byHostname('gone-host') }, credentials: fixture.singleOrg() });
		expect(result.error?.message).toBe('No JumpCloud device has the hostname "gone-host"');
		expect(fixture.requests().filter((r) => r.method === 'DELETE')).toEqual([]);
	});
});
