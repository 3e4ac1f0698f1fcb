import { deviceFixture } from '../../../../helpers/devices';
import { runNode } from '../../../../helpers/engine';
import { byHostname, byId } from '../../../../helpers/locators';
import { useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();
const d = deviceFixture(fixture);

describe('device › get users (WorkflowExecute → simulator)', () => {
	it('lists the users bound to a device as users, with direct and sudo flags', async () => {
		const build = d.device('acme-ubuntu-build01');
		const result = await runNode({ parameters: { resource: 'device', operation: 'getUsers', device: byHostname('acme-ubuntu-build01'), returnAll: true }, credentials: fixture.singleOrg() });
		expect(result.json).toEqual([
			expect.objectContaining({ username: 'jdoe', email: 'jane.doe@acme.example', firstname: 'Jane', direct: true, sudo: true, deviceId: build._id }),
			expect.objectContaining({ username: 'user002', direct: true, sudo: false, deviceId: build._id }),
		]);
		expect(fixture.calls()).toEqual(['GET /api/systems 200', `GET /api/v2/systems/${build._id}/users 200`, 'GET /api/systemusers 200']);
	});

	it('lists nobody for a device nobody is bound to, and names the parameter for an unknown one', async () => {
		const db = d.device('acme-ubuntu-db01');
		const none = await runNode({ parameters: { resource: 'device', operation: 'getUsers', device: byId(db._id), returnAll: true }, credentials: fixture.singleOrg() });
		expect(none.json).toEqual([]);
		const missing = '690000000000000000000abc';
		const unknown = await runNode({ parameters: { resource: 'device', operation: 'getUsers', device: byId(missing), limit: 5 }, credentials: fixture.singleOrg() });
		expect(unknown.error?.description).toBe(`Check the 'Device' parameter: no device with ID ${missing} exists in this organization.`);
	});
});
