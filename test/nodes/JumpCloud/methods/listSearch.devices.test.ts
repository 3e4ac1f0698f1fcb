import { searchCommands, searchDeviceGroups, searchDevices } from '../../../../nodes/JumpCloud/methods/listSearch';
import { deviceFixture } from '../../../helpers/devices';
import { loadOptionsContext } from '../../../helpers/engine';
import { useSimulator } from '../../../helpers/simulator';

const fixture = useSimulator();
const d = deviceFixture(fixture);

describe('list search for devices, device groups and commands (LoadOptionsContext → simulator)', () => {
	it('searches devices on the server and labels them by name, hostname and OS', async () => {
		const context = loadOptionsContext({ resource: 'device', operation: 'get' }, fixture.singleOrg(), 'parameters.device');
		const result = await searchDevices.call(context, 'build');
		expect(result.results).toEqual([{ name: 'Build server 01 (acme-ubuntu-build01), Ubuntu', value: d.device('acme-ubuntu-build01')._id }]);
		expect(fixture.requests()[0]).toMatchObject({ method: 'POST', path: '/api/search/systems', query: { limit: '100', skip: '0' } });
	});

	it('pages through 300 devices with a pagination token', async () => {
		d.state().generateSystems(d.acme(), 291);
		const context = loadOptionsContext({ resource: 'device', operation: 'lock' }, fixture.singleOrg(), 'parameters.device');
		const pages = [await searchDevices.call(context)];
		while (pages.at(-1)!.paginationToken) pages.push(await searchDevices.call(context, undefined, pages.at(-1)!.paginationToken));
		const ids = new Set(pages.flatMap((page) => page.results.map((item) => item.value)));
		expect(pages).toHaveLength(3);
		expect(ids.size).toBe(300);
	});

	it('searches the device groups and commands of the organization chosen on the node', async () => {
		const groups = await searchDeviceGroups.call(loadOptionsContext({ resource: 'deviceGroup', operation: 'get' }, fixture.singleOrg(), 'parameters.deviceGroup'), 'fleet');
		expect(groups.results).toEqual([{ name: 'Windows Fleet', value: d.group('Windows Fleet').id }]);
		const globex = loadOptionsContext(
			{ resource: 'deviceGroup', operation: 'get', options: { organization: { __rl: true, mode: 'id', value: fixture.sim.orgs.globex } } },
			fixture.msp(),
			'parameters.deviceGroup',
		);
		expect((await searchDeviceGroups.call(globex)).results.map((item) => item.name)).toEqual(['Globex Devices']);
		const commands = await searchCommands.call(loadOptionsContext({ resource: 'command', operation: 'run' }, fixture.singleOrg(), 'parameters.command'), 'hotfix');
		expect(commands.results).toEqual([{ name: 'Deploy Hotfix (linux)', value: d.command('Deploy Hotfix')._id }]);
	});
});
