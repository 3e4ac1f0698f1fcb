import { deviceFixture } from '../../../../helpers/devices';
import { runNode } from '../../../../helpers/engine';
import { byHostname, byId } from '../../../../helpers/locators';
import { useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();
const d = deviceFixture(fixture);

describe('device › lock (WorkflowExecute → simulator)', () => {
	it('locks a Windows device with the built-in command (201, queued)', async () => {
		const win = d.device('acme-win-user001');
		const result = await runNode({ parameters: { resource: 'device', operation: 'lock', device: byHostname('acme-win-user001') }, credentials: fixture.singleOrg() });
		expect(result.json).toEqual([{ id: win._id, hostname: 'acme-win-user001', displayName: 'acme-win-user001', os: 'Windows', command: 'lock', queued: true, via: 'builtin' }]);
		expect(fixture.calls()).toEqual(['GET /api/systems 200', `POST /api/systems/${win._id}/command/builtin/lock 201`]);
		expect(d.state().actions()).toEqual([expect.objectContaining({ systemId: win._id, action: 'lock', via: 'builtin' })]);
	});

	it("locks a Mac enrolled in Apple MDM through the MDM, with the PIN", async () => {
		const mac = d.device('acme-mbp-user120');
		const mdm = d.state().appleMdm(d.acme())!;
		const result = await runNode({ parameters: { resource: 'device', operation: 'lock', device: byId(mac._id), options: { pin: '482913' } }, credentials: fixture.singleOrg() });
		const mdmDeviceId = mac.mdm.internal.deviceId;
		expect(result.json).toEqual([
			{ id: mac._id, hostname: 'acme-mbp-user120', displayName: 'acme-mbp-user120', os: 'Mac OS X', command: 'lock', queued: true, via: 'appleMdm', appleMdmId: mdm.id, mdmDeviceId },
		]);
		expect(fixture.calls()).toEqual([`GET /api/systems/${mac._id} 200`, 'GET /api/v2/applemdms 200', `POST /api/v2/applemdms/${mdm.id}/devices/${mdmDeviceId}/lock 204`]);
		expect(fixture.requests()[2].body).toEqual({ pin: '482913' });
		expect(d.state().actions()).toEqual([expect.objectContaining({ systemId: mac._id, action: 'lock', via: 'appleMdm', pin: '482913' })]);
	});

	it('reads the Apple MDM once for many Macs, and keeps items in order', async () => {
		const result = await runNode({
			parameters: { resource: 'device', operation: 'lock', device: byHostname('={{ $json.host }}'), options: { pin: '111111' } },
			credentials: fixture.singleOrg(),
			items: [{ host: 'acme-mbp-msmith' }, { host: 'acme-win-user120' }, { host: 'acme-mbp-jdoe' }],
		});
		expect(result.json.map((item) => [item.hostname, item.via])).toEqual([['acme-mbp-msmith', 'appleMdm'], ['acme-win-user120', 'builtin'], ['acme-mbp-jdoe', 'appleMdm']]);
		expect(fixture.requests().filter((r) => r.path === '/api/v2/applemdms')).toHaveLength(1);
	});

	it('refuses, before any command is sent, a Mac without PIN, a Mac outside the MDM, and a PIN that is not 6 digits', async () => {
		const noPin = await runNode({ parameters: { resource: 'device', operation: 'lock', device: byHostname('acme-mbp-jdoe') }, credentials: fixture.singleOrg() });
		expect(noPin.error?.message).toBe(`'Options > PIN (macOS)' is needed to lock the Mac "acme-mbp-jdoe"`);
		const legacy = await runNode({ parameters: { resource: 'device', operation: 'lock', device: byHostname('acme-mac-legacy'), options: { pin: '123456' } }, credentials: fixture.singleOrg() });
		expect(legacy.error?.message).toBe(`The Mac "acme-mac-legacy" is not enrolled in JumpCloud's Apple MDM, so JumpCloud cannot lock it`);
		expect(fixture.requests().filter((r) => r.method === 'POST')).toEqual([]);
		fixture.sim.clearRequests();
		const badPin = await runNode({ parameters: { resource: 'device', operation: 'lock', device: byHostname('acme-mbp-jdoe'), options: { pin: '12ab' } }, credentials: fixture.singleOrg() });
		expect(badPin.error?.message).toBe("'Options > PIN (macOS)' must be 6 digits");
		expect(fixture.requests()).toEqual([]);
		expect(d.state().actions()).toEqual([]);
	});

	it('sends a lock again after a lost answer (locking twice does no harm)', async () => {
		const win = d.device('acme-win-user001');
		fixture.sim.failNext({ fault: '5xx-after', method: 'POST' });
		const result = await runNode({ parameters: { resource: 'device', operation: 'lock', device: byId(win._id), options: { maxRetryWait: 1 } }, credentials: fixture.singleOrg() });
		expect(result.json[0]).toMatchObject({ command: 'lock', queued: true });
		expect(fixture.requests().filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([502, 201]);
	});
});
