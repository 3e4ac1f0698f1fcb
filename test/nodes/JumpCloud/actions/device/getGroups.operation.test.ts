import { deviceFixture } from '../../../../helpers/devices';
import { runNode } from '../../../../helpers/engine';
import { byHostname } from '../../../../helpers/locators';
import { useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();
const d = deviceFixture(fixture);

describe('device › get groups (WorkflowExecute → simulator)', () => {
	it('lists the device groups a device is in, with their names', async () => {
		const build = d.device('acme-ubuntu-build01');
		const result = await runNode({ parameters: { resource: 'device', operation: 'getGroups', device: byHostname('acme-ubuntu-build01'), returnAll: true }, credentials: fixture.singleOrg() });
		expect(result.json).toEqual([
			{ id: d.group('Engineering Laptops').id, name: 'Engineering Laptops', direct: true, deviceId: build._id, description: 'Laptops of the engineering team' },
			{ id: d.group('Servers').id, name: 'Servers', direct: true, deviceId: build._id, description: 'Linux servers' },
		]);
		const raw = await runNode({ parameters: { resource: 'device', operation: 'getGroups', device: byHostname('acme-ubuntu-build01'), limit: 1, simplify: false }, credentials: fixture.singleOrg() });
		expect(raw.json).toEqual([expect.objectContaining({ id: d.group('Engineering Laptops').id, type: 'system_group', name: 'Engineering Laptops', paths: expect.any(Array) })]);
	});
});
