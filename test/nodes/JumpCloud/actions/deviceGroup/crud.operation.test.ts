import { deviceFixture } from '../../../../helpers/devices';
import { runNode } from '../../../../helpers/engine';
import { byId, byName } from '../../../../helpers/locators';
import { useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();
const d = deviceFixture(fixture);

describe('device group › get, get many, create, delete, get members (WorkflowExecute → simulator)', () => {
	it('gets a group by name or ID, or outputs found: false when asked to', async () => {
		const servers = d.group('Servers');
		const result = await runNode({ parameters: { resource: 'deviceGroup', operation: 'get', deviceGroup: byName('Servers') }, credentials: fixture.singleOrg() });
		expect(result.json).toEqual([servers]);
		const missing = await runNode({
			parameters: { resource: 'deviceGroup', operation: 'get', deviceGroup: byName('Nope'), options: { ifNotFound: 'returnNotFound' } },
			credentials: fixture.singleOrg(),
		});
		expect(missing.json).toEqual([{ found: false, deviceGroup: 'Nope', by: 'name' }]);
	});

	it('lists groups in creation order, with a limit, by name and by part of a name', async () => {
		const all = await runNode({ parameters: { resource: 'deviceGroup', operation: 'getAll', returnAll: true }, credentials: fixture.singleOrg() });
		expect(all.json.map((group) => group.name)).toEqual(['Engineering Laptops', 'Windows Fleet', 'Servers', 'Kiosks', 'Quarantine']);
		expect(fixture.requests()[0].query).toMatchObject({ sort: 'id' });
		const two = await runNode({ parameters: { resource: 'deviceGroup', operation: 'getAll', limit: 2 }, credentials: fixture.singleOrg() });
		expect(two.json).toHaveLength(2);
		const some = await runNode({ parameters: { resource: 'deviceGroup', operation: 'getAll', returnAll: true, filters: { nameContains: 'S' } }, credentials: fixture.singleOrg() });
		expect(some.json.map((group) => group.name)).toEqual(['Engineering Laptops', 'Windows Fleet', 'Servers', 'Kiosks']);
		const exact = await runNode({ parameters: { resource: 'deviceGroup', operation: 'getAll', returnAll: true, filters: { name: 'Kiosks' } }, credentials: fixture.singleOrg() });
		expect(exact.json.map((group) => group.name)).toEqual(['Kiosks']);
	});

	it('creates a group (looking the name up first), returns the existing one when asked, and deletes it', async () => {
		const parameters = { resource: 'deviceGroup', operation: 'create', name: 'Loaners', additionalFields: { description: 'Loaner laptops', email: 'it@acme.example' } };
		const created = await runNode({ parameters, credentials: fixture.singleOrg() });
		expect(created.json).toEqual([expect.objectContaining({ name: 'Loaners', description: 'Loaner laptops', email: 'it@acme.example', type: 'system_group' })]);
		expect(fixture.calls()).toEqual(['GET /api/v2/systemgroups 200', 'POST /api/v2/systemgroups 201']);
		const id = String(created.json[0].id);
		const twice = await runNode({ parameters, credentials: fixture.singleOrg() });
		expect(twice.error?.message).toBe(`A JumpCloud device group named "Loaners" already exists (ID ${id})`);
		const existing = await runNode({ parameters: { ...parameters, options: { ifGroupExists: 'returnExisting' } }, credentials: fixture.singleOrg() });
		expect(existing.json).toEqual([expect.objectContaining({ id, name: 'Loaners' })]);
		const deleted = await runNode({ parameters: { resource: 'deviceGroup', operation: 'delete', deviceGroup: byId(id) }, credentials: fixture.singleOrg() });
		expect(deleted.json).toEqual([{ deleted: true, id, name: 'Loaners' }]);
		expect(d.state().groupByName(d.acme(), 'Loaners')).toBeUndefined();
		const empty = await runNode({ parameters: { resource: 'deviceGroup', operation: 'create', name: ' ' }, credentials: fixture.singleOrg() });
		expect(empty.error?.message).toBe("'Name' is empty");
	});

	it("lists a group's members as devices, in the order they were added", async () => {
		const result = await runNode({ parameters: { resource: 'deviceGroup', operation: 'getMembers', deviceGroup: byName('Windows Fleet'), returnAll: true }, credentials: fixture.singleOrg() });
		expect(result.json.map((device) => device.hostname)).toEqual(['acme-win-user001', 'acme-win-kiosk', 'acme-win-user120']);
		expect(result.json[0]).toEqual(expect.objectContaining({ os: 'Windows', osFamily: 'windows', groupId: d.group('Windows Fleet').id, mdmEnrolled: false }));
		const ids = fixture.requests().find((r) => r.path === '/api/systems')!.query.filter as string;
		expect(ids.startsWith('_id:$in:')).toBe(true);
	});

	it('lists a group of 250 devices over several member pages, each device once', async () => {
		d.state().generateSystems(d.acme(), 250);
		const big = d.state().createGroup(d.acme(), { name: 'Everything' });
		const all = d.state().systems(d.acme()).map((device) => device._id);
		for (const id of all) d.state().memberOp(d.acme(), big.id, { op: 'add', type: 'system', id });
		const result = await runNode({ parameters: { resource: 'deviceGroup', operation: 'getMembers', deviceGroup: byId(big.id), returnAll: true, simplify: false }, credentials: fixture.singleOrg() });
		expect(result.json.map((device) => device._id)).toEqual(all);
	});
});
