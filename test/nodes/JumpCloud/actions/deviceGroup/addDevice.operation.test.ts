import { deviceFixture } from '../../../../helpers/devices';
import { runNode } from '../../../../helpers/engine';
import { byHostname, byId, byName } from '../../../../helpers/locators';
import { useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();
const d = deviceFixture(fixture);

describe('device group › add device / remove device (WorkflowExecute → simulator)', () => {
	it('adds a device found by hostname to a group found by name, then reports adding again as unchanged', async () => {
		const quarantine = d.group('Quarantine');
		const kiosk = d.device('acme-win-kiosk');
		const parameters = { resource: 'deviceGroup', operation: 'addDevice', deviceGroup: byName('Quarantine'), device: byHostname('acme-win-kiosk') };
		const result = await runNode({ parameters, credentials: fixture.singleOrg() });
		expect(result.json).toEqual([{ added: true, groupId: quarantine.id, groupName: 'Quarantine', deviceId: kiosk._id, hostname: 'acme-win-kiosk' }]);
		expect(fixture.requests().find((r) => r.method === 'POST')).toMatchObject({ path: `/api/v2/systemgroups/${quarantine.id}/members`, body: { op: 'add', type: 'system', id: kiosk._id }, status: 204 });
		expect(fixture.requests().find((r) => r.path === '/api/v2/systemgroups')!.query.filter).toBe('name:eq:Quarantine');
		expect(d.state().groupMembers(d.acme(), quarantine.id)).toEqual([kiosk._id]);
		const again = await runNode({ parameters, credentials: fixture.singleOrg() });
		expect(again.json).toEqual([{ added: false, unchanged: true, reason: 'alreadyMember', groupId: quarantine.id, groupName: 'Quarantine', deviceId: kiosk._id, hostname: 'acme-win-kiosk' }]);
		const strict = await runNode({ parameters: { ...parameters, options: { failIfUnchanged: true } }, credentials: fixture.singleOrg() });
		expect(strict.error?.message).toBe('The device is already a member of the group');
	});

	it('removes a device, then reports removing again as unchanged', async () => {
		const servers = d.group('Servers');
		const db = d.device('acme-ubuntu-db01');
		const parameters = { resource: 'deviceGroup', operation: 'removeDevice', deviceGroup: byId(servers.id), device: byId(db._id) };
		const result = await runNode({ parameters, credentials: fixture.singleOrg() });
		expect(result.json).toEqual([{ removed: true, groupId: servers.id, groupName: 'Servers', deviceId: db._id, hostname: 'acme-ubuntu-db01' }]);
		expect(d.state().groupMembers(d.acme(), servers.id)).not.toContain(db._id);
		const again = await runNode({ parameters, credentials: fixture.singleOrg() });
		expect(again.json).toEqual([{ removed: false, unchanged: true, reason: 'notMember', groupId: servers.id, groupName: 'Servers', deviceId: db._id, hostname: 'acme-ubuntu-db01' }]);
	});

	it("names 'Device Group' when no group has that name, and changes nothing", async () => {
		const result = await runNode({ parameters: { resource: 'deviceGroup', operation: 'addDevice', deviceGroup: byName('quarantine'), device: byHostname('acme-win-kiosk') }, credentials: fixture.singleOrg() });
		expect(result.error?.message).toBe('No JumpCloud device group is named "quarantine"');
		expect(result.error?.description).toContain("'Device Group'");
		expect(fixture.requests().filter((r) => r.method === 'POST')).toEqual([]);
	});
});
