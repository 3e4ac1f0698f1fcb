import { runNode } from '../../../../helpers/engine';
import { byId, byName } from '../../../../helpers/locators';
import { useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();

describe('user group › get (WorkflowExecute → simulator)', () => {
	it('gets a group by name (lookup, then read) and by ID (one read)', async () => {
		const engineering = fixture.acmeGroup('Engineering');
		const byGroupName = await runNode({ parameters: { resource: 'userGroup', operation: 'get', userGroup: byName('Engineering') }, credentials: fixture.singleOrg() });
		expect(byGroupName.json).toEqual([expect.objectContaining({ id: engineering.id, name: 'Engineering', type: 'user_group' })]);
		expect(fixture.calls()).toEqual(['GET /api/v2/usergroups 200', `GET /api/v2/usergroups/${String(engineering.id)} 200`]);
		fixture.sim.clearRequests();
		const byGroupId = await runNode({ parameters: { resource: 'userGroup', operation: 'get', userGroup: byId(String(engineering.id)) }, credentials: fixture.singleOrg() });
		expect(byGroupId.json[0].name).toBe('Engineering');
		expect(fixture.calls()).toEqual([`GET /api/v2/usergroups/${String(engineering.id)} 200`]);
	});

	it("fails naming 'User Group' when there is none, or outputs found: false when asked to", async () => {
		const missing = await runNode({ parameters: { resource: 'userGroup', operation: 'get', userGroup: byId('0123456789abcdef01234567') }, credentials: fixture.singleOrg() });
		expect(missing.error?.description).toBe("Check the 'User Group' parameter: no user group with ID 0123456789abcdef01234567 exists in this organization.");
		const asItem = await runNode({
			parameters: { resource: 'userGroup', operation: 'get', userGroup: byName('Nope'), options: { ifNotFound: 'returnNotFound' } },
			credentials: fixture.singleOrg(),
		});
		expect(asItem.error).toBeUndefined();
		expect(asItem.json).toEqual([{ found: false, userGroup: 'Nope', by: 'name' }]);
		const found = await runNode({
			parameters: { resource: 'userGroup', operation: 'get', userGroup: byName('Engineering'), options: { ifNotFound: 'returnNotFound' } },
			credentials: fixture.singleOrg(),
		});
		expect(found.json[0]).toMatchObject({ found: true, name: 'Engineering' });
	});
});
