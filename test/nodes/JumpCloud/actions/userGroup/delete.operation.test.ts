import { runNode } from '../../../../helpers/engine';
import { byId, byName } from '../../../../helpers/locators';
import { useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();
const acme = () => fixture.sim.orgs.acme;

describe('user group › delete (WorkflowExecute → simulator)', () => {
	it('deletes a group and says which', async () => {
		const contractors = fixture.acmeGroup('Contractors');
		const result = await runNode({ parameters: { resource: 'userGroup', operation: 'delete', userGroup: byName('Contractors') }, credentials: fixture.singleOrg() });
		expect(result.json).toEqual([{ deleted: true, id: contractors.id, name: 'Contractors' }]);
		expect(fixture.sim.directory.group(acme(), String(contractors.id))).toBeUndefined();
		expect(fixture.calls().at(-1)).toBe(`DELETE /api/v2/usergroups/${String(contractors.id)} 204`);
	});

	it('reports a delete whose answer was lost as done: the repeat gets 404 because the first send deleted it', async () => {
		const vpn = fixture.acmeGroup('VPN Users');
		fixture.sim.failNext({ method: 'DELETE', fault: 'reset-after' });
		const result = await runNode({ parameters: { resource: 'userGroup', operation: 'delete', userGroup: byId(String(vpn.id)) }, credentials: fixture.singleOrg() });
		expect(result.json).toEqual([{ deleted: true, id: vpn.id, name: 'VPN Users' }]);
		expect(fixture.calls().filter((call) => call.startsWith('DELETE')).map((call) => call.replace(/\/[0-9a-f]{24}/, '/ID'))).toEqual([
			'DELETE /api/v2/usergroups/ID 0(reset-after)',
			'DELETE /api/v2/usergroups/ID 404',
		]);
	});

	it("fails naming 'User Group' for an unknown group", async () => {
		const result = await runNode({ parameters: { resource: 'userGroup', operation: 'delete', userGroup: byId('0123456789abcdef01234567') }, credentials: fixture.singleOrg() });
		expect(result.error?.description).toBe("Check the 'User Group' parameter: no user group with ID 0123456789abcdef01234567 exists in this organization.");
		expect(fixture.requests().filter((r) => r.method === 'DELETE')).toEqual([]);
	});
});
