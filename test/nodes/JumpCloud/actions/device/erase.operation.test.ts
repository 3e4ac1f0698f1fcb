import { deviceFixture } from '../../../../helpers/devices';
import { runNode } from '../../../../helpers/engine';
import { byHostname, byId, fromList } from '../../../../helpers/locators';
import { useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();
const d = deviceFixture(fixture);
const erase = (device: ReturnType<typeof byId>, confirmDevice: string, options = {}) => ({ resource: 'device', operation: 'erase', device, confirmDevice, options });

describe('device › erase (WorkflowExecute → simulator)', () => {
	it('erases a Windows device when the confirmation repeats its hostname', async () => {
		const win = d.device('acme-win-user120');
		const result = await runNode({ parameters: erase(byHostname('acme-win-user120'), 'acme-win-user120'), credentials: fixture.singleOrg() });
		expect(result.json).toEqual([{ id: win._id, hostname: 'acme-win-user120', displayName: 'acme-win-user120', os: 'Windows', command: 'erase', queued: true, via: 'builtin' }]);
		expect(fixture.calls()).toEqual(['GET /api/systems 200', `POST /api/systems/${win._id}/command/builtin/erase 201`]);
	});

	it('erases a Mac picked from the list when the confirmation is its hostname (read first), with the PIN', async () => {
		const mac = d.device('acme-mbp-user120');
		const mdm = d.state().appleMdm(d.acme())!;
		const result = await runNode({ parameters: erase(fromList(mac._id), 'acme-mbp-user120', { pin: '246810' }), credentials: fixture.singleOrg() });
		expect(result.json[0]).toMatchObject({ id: mac._id, command: 'erase', via: 'appleMdm' });
		expect(fixture.requests().at(-1)).toMatchObject({ path: `/api/v2/applemdms/${mdm.id}/devices/${mac.mdm.internal.deviceId}/erase`, body: { pin: '246810' }, status: 204 });
	});

	it('refuses a mismatched confirmation with no request sent at all', async () => {
		const kiosk = d.device('acme-win-kiosk');
		const user001 = d.device('acme-win-user001');
		const byHost = await runNode({ parameters: erase(byHostname('acme-win-kiosk'), 'acme-win-user001'), credentials: fixture.singleOrg() });
		expect(byHost.error?.message).toBe(`'Confirm Device' ("acme-win-user001") does not match the device to erase ("acme-win-kiosk")`);
		expect(byHost.error?.description).toContain('Nothing was erased');
		const byIds = await runNode({ parameters: erase(byId(kiosk._id), user001._id), credentials: fixture.singleOrg() });
		expect(byIds.error?.message).toContain('does not match the device to erase');
		const empty = await runNode({ parameters: erase(byId(kiosk._id), ' '), credentials: fixture.singleOrg() });
		expect(empty.error?.message).toBe("'Confirm Device' is empty");
		expect(fixture.requests()).toEqual([]);
		expect(d.state().actions()).toEqual([]);
	});

	it('a wrong expression cannot wipe a fleet: each item erases only the device its own confirmation names', async () => {
		const result = await runNode({
			parameters: erase(byHostname('={{ $json.host }}'), '={{ $json.confirm }}'),
			credentials: fixture.singleOrg(),
			items: [
				{ host: 'acme-win-user001', confirm: 'acme-win-user001' },
				{ host: 'acme-win-kiosk', confirm: 'acme-win-user001' },
				{ host: 'acme-ubuntu-db01', confirm: d.device('acme-ubuntu-db01')._id },
				{ host: 'acme-ubuntu-build01', confirm: d.device('acme-ubuntu-db01')._id },
			],
			continueOnFail: true,
		});
		expect(result.json.map((item) => item.error ?? item.hostname)).toEqual([
			'acme-win-user001',
			`'Confirm Device' ("acme-win-user001") does not match the device to erase ("acme-win-kiosk")`,
			'acme-ubuntu-db01',
			`'Confirm Device' ("${d.device('acme-ubuntu-db01')._id}") does not match the device to erase ("acme-ubuntu-build01, ${d.device('acme-ubuntu-build01')._id}")`,
		]);
		expect(d.state().actions().map((action) => action.systemId).sort()).toEqual([d.device('acme-win-user001')._id, d.device('acme-ubuntu-db01')._id].sort());
		// The kiosk item sent nothing; the build server was read (its ID was unknown) but not erased.
		expect(fixture.requests().filter((r) => r.query.filter === 'hostname:$eq:acme-win-kiosk')).toEqual([]);
		expect(fixture.requests().filter((r) => r.method === 'POST').map((r) => r.path)).not.toContain(`/api/systems/${d.device('acme-ubuntu-build01')._id}/command/builtin/erase`);
	});

	it('is never sent twice blindly: a lost answer is reported as possibly applied', async () => {
		const win = d.device('acme-win-user001');
		fixture.sim.failNext({ fault: '5xx-after', method: 'POST' });
		const result = await runNode({ parameters: erase(byId(win._id), win._id, { maxRetryWait: 1 }), credentials: fixture.singleOrg() });
		expect(result.error).toBeDefined();
		expect(fixture.requests().filter((r) => r.method === 'POST')).toHaveLength(1);
	});
});
