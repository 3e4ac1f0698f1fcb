import { runNode } from '../../../../helpers/engine';
import { byName } from '../../../../helpers/locators';
import { useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();
const acme = () => fixture.sim.orgs.acme;

describe('user group › update (WorkflowExecute → simulator)', () => {
	it('changes only the given fields: reads the group, merges, and PUTs every writable field back', async () => {
		const admins = fixture.acmeGroup('Admins');
		expect(admins.attributes).toMatchObject({ sudo: { enabled: true } });
		const result = await runNode({ parameters: { resource: 'userGroup', operation: 'update', userGroup: byName('Admins'), updateFields: { description: 'Root access' } }, credentials: fixture.singleOrg() });
		expect(result.error).toBeUndefined();
		expect(result.json[0]).toMatchObject({ id: admins.id, name: 'Admins', description: 'Root access', attributes: admins.attributes });
		expect(fixture.sim.directory.group(acme(), String(admins.id))).toMatchObject({ description: 'Root access', attributes: admins.attributes, email: admins.email });
		const put = fixture.requests().find((r) => r.method === 'PUT')!;
		expect(put.body).toMatchObject({ name: 'Admins', description: 'Root access', attributes: admins.attributes, membershipMethod: admins.membershipMethod });
		expect(fixture.calls().map((call) => call.split(' ')[0])).toEqual(['GET', 'GET', 'PUT']);
	});

	it('renames a group; an empty update or name is refused before any call', async () => {
		const renamed = await runNode({ parameters: { resource: 'userGroup', operation: 'update', userGroup: byName('Contractors'), updateFields: { name: 'Vendors' } }, credentials: fixture.singleOrg() });
		expect(renamed.json[0].name).toBe('Vendors');
		fixture.sim.clearRequests();
		const nothing = await runNode({ parameters: { resource: 'userGroup', operation: 'update', userGroup: byName('Vendors'), updateFields: {} }, credentials: fixture.singleOrg() });
		expect(nothing.error?.message).toBe('Nothing to update');
		const empty = await runNode({ parameters: { resource: 'userGroup', operation: 'update', userGroup: byName('Vendors'), updateFields: { name: '' } }, credentials: fixture.singleOrg() });
		expect(empty.error?.message).toBe("'Update Fields > Name' is empty");
		expect(fixture.requests()).toHaveLength(0);
	});
});
