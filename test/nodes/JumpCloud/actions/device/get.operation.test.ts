import { deviceFixture } from '../../../../helpers/devices';
import { runNode } from '../../../../helpers/engine';
import { byHostname, byId, fromList } from '../../../../helpers/locators';
import { useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();
const d = deviceFixture(fixture);

describe('device › get (WorkflowExecute → simulator)', () => {
	it('gets a device by hostname in one call, simplified, with its MDM enrollment', async () => {
		const mac = d.device('acme-mbp-jdoe');
		const result = await runNode({ parameters: { resource: 'device', operation: 'get', device: byHostname('acme-mbp-jdoe') }, credentials: fixture.singleOrg() });
		expect(result.json).toEqual([
			expect.objectContaining({ _id: mac._id, hostname: 'acme-mbp-jdoe', displayName: "Jane's MacBook Pro", os: 'Mac OS X', osFamily: 'darwin', active: true, mdmEnrolled: true }),
		]);
		expect(result.json[0]).not.toHaveProperty('networkInterfaces');
		expect(fixture.calls()).toEqual(['GET /api/systems 200']);
		expect(fixture.requests()[0].query.filter).toBe('hostname:$eq:acme-mbp-jdoe');
	});

	it('gets the whole record by ID (from the list) with Simplify off', async () => {
		const server = d.device('acme-ubuntu-build01');
		const result = await runNode({ parameters: { resource: 'device', operation: 'get', device: fromList(server._id), simplify: false }, credentials: fixture.singleOrg() });
		expect(result.json).toEqual([server]);
		expect(fixture.calls()).toEqual([`GET /api/systems/${server._id} 200`]);
	});

	it("names 'Device' for an unknown ID, or outputs found: false when asked to", async () => {
		const missing = '690000000000000000000fff';
		const failed = await runNode({ parameters: { resource: 'device', operation: 'get', device: byId(missing) }, credentials: fixture.singleOrg() });
		expect(failed.error?.description).toBe(`Check the 'Device' parameter: no device with ID ${missing} exists in this organization.`);
		const quiet = await runNode({
			parameters: { resource: 'device', operation: 'get', device: byHostname('={{ $json.host }}'), options: { ifNotFound: 'returnNotFound' } },
			credentials: fixture.singleOrg(),
			items: [{ host: 'acme-win-kiosk' }, { host: 'no-such-host' }],
		});
		expect(quiet.json).toEqual([expect.objectContaining({ found: true, hostname: 'acme-win-kiosk' }), { found: false, device: 'no-such-host', by: 'hostname' }]);
		expect(quiet.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('acts in the organization each item names (MSP key, Options > Organization by expression)', async () => {
		const { globex, initech } = fixture.sim.orgs;
		const result = await runNode({
			parameters: { resource: 'device', operation: 'get', device: byHostname('={{ $json.host }}'), options: { organization: { __rl: true, mode: 'id', value: '={{ $json.org }}' } } },
			credentials: fixture.msp(),
			items: [{ host: 'globex-linux-lab', org: globex }, { host: 'globex-linux-lab', org: initech }],
			continueOnFail: true,
		});
		expect(result.json.map((item) => item.error ?? item.hostname)).toEqual(['globex-linux-lab', 'No JumpCloud device has the hostname "globex-linux-lab"']);
		expect(fixture.requests().map((r) => r.orgId)).toEqual([globex, initech]);
	});

	it('refuses a hostname two devices share, and a malformed ID, before guessing', async () => {
		d.state().addSystem(d.acme(), { hostname: 'acme-win-kiosk', os: 'Windows' });
		const twice = await runNode({ parameters: { resource: 'device', operation: 'get', device: byHostname('acme-win-kiosk') }, credentials: fixture.singleOrg() });
		expect(twice.error?.message).toBe('More than one JumpCloud device has the hostname "acme-win-kiosk"');
		fixture.sim.clearRequests();
		const malformed = await runNode({ parameters: { resource: 'device', operation: 'get', device: byId('={{ "kiosk" }}') }, credentials: fixture.singleOrg() });
		expect(malformed.error?.message).toBe(`'Device' is not a JumpCloud device ID: "kiosk"`);
		expect(fixture.requests()).toEqual([]);
	});
});
