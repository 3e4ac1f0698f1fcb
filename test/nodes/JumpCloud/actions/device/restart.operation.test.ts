import { deviceFixture } from '../../../../helpers/devices';
import { runNode } from '../../../../helpers/engine';
import { byHostname, byId } from '../../../../helpers/locators';
import { useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();
const d = deviceFixture(fixture);

describe('device › restart and shut down (WorkflowExecute → simulator)', () => {
	it('restarts a Linux device with the built-in command and a Mac through Apple MDM (no PIN needed)', async () => {
		const build = d.device('acme-ubuntu-build01');
		const mac = d.device('acme-mbp-msmith');
		const mdm = d.state().appleMdm(d.acme())!;
		const result = await runNode({
			parameters: { resource: 'device', operation: 'restart', device: byHostname('={{ $json.host }}') },
			credentials: fixture.singleOrg(),
			items: [{ host: 'acme-ubuntu-build01' }, { host: 'acme-mbp-msmith' }],
		});
		expect(result.json).toEqual([
			expect.objectContaining({ id: build._id, command: 'restart', via: 'builtin' }),
			expect.objectContaining({ id: mac._id, command: 'restart', via: 'appleMdm', appleMdmId: mdm.id }),
		]);
		const posts = fixture.requests().filter((r) => r.method === 'POST');
		expect(posts.map((r) => r.path).sort()).toEqual([`/api/systems/${build._id}/command/builtin/restart`, `/api/v2/applemdms/${mdm.id}/devices/${mac.mdm.internal.deviceId}/restart`].sort());
	});

	it('shuts a device down; a lost answer is not sent again but reported as possibly applied', async () => {
		const win = d.device('acme-win-user120');
		const ok = await runNode({ parameters: { resource: 'device', operation: 'shutdown', device: byId(win._id) }, credentials: fixture.singleOrg() });
		expect(ok.json).toEqual([expect.objectContaining({ id: win._id, command: 'shutdown', queued: true, via: 'builtin' })]);
		fixture.sim.clearRequests();
		fixture.sim.failNext({ fault: 'reset-after', method: 'POST' });
		const lost = await runNode({ parameters: { resource: 'device', operation: 'shutdown', device: byId(win._id), options: { maxRetryWait: 1 } }, credentials: fixture.singleOrg() });
		expect(lost.error?.description).toMatch(/whether it took effect/);
		expect(fixture.requests().filter((r) => r.method === 'POST')).toHaveLength(1);
	});
});
