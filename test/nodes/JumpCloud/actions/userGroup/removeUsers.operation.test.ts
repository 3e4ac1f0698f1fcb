import { runNode } from '../../../../helpers/engine';
import { byName } from '../../../../helpers/locators';
import { useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();
const acme = () => fixture.sim.orgs.acme;

describe('user group › remove users (WorkflowExecute → simulator)', () => {
	it('removes several users, a non-member reported as unchanged', async () => {
		const managers = fixture.acmeGroup('Managers');
		const members = fixture.sim.directory.groupMembers(acme(), String(managers.id));
		const result = await runNode({
			parameters: { resource: 'userGroup', operation: 'removeUsers', userGroup: byName('Managers'), users: [...members, 'user050'].join(',') },
			credentials: fixture.singleOrg(),
		});
		expect(result.error).toBeUndefined();
		expect(result.json[0]).toMatchObject({ groupId: managers.id, removed: members.length, unchanged: 1 });
		expect((result.json[0].users as Array<{ reason?: string }>).at(-1)).toMatchObject({ user: 'user050', removed: false, reason: 'notMember' });
		expect(fixture.sim.directory.groupMembers(acme(), String(managers.id))).toEqual([]);
	});
});
