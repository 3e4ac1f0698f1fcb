import { runNode } from '../../../../helpers/engine';
import { useSimulator } from '../../../../helpers/simulator';
import { byId } from '../../../../helpers/locators';

const fixture = useSimulator();

describe('user › delete (WorkflowExecute → simulator)', () => {
	it('deletes a user and says so', async () => {
		const user = fixture.acmeUser('user003');
		const result = await runNode({ parameters: { resource: 'user', operation: 'delete', user: byId(user._id) }, credentials: fixture.singleOrg() });
		expect(result.json).toEqual([{ deleted: true, id: user._id }]);
		expect(fixture.requests()).toEqual([expect.objectContaining({ method: 'DELETE', path: `/api/systemusers/${user._id}`, query: {} })]);
		expect(fixture.sim.directory.user(fixture.sim.orgs.acme, user._id)).toBeUndefined();
	});

	it('fails to delete a manager unless told what happens to the reports', async () => {
		const msmith = fixture.acmeUser('msmith');
		const refused = await runNode({ parameters: { resource: 'user', operation: 'delete', user: byId(msmith._id) }, credentials: fixture.singleOrg() });
		expect((refused.error as unknown as { httpCode: string }).httpCode).toBe('409');

		fixture.sim.clearRequests();
		const cleared = await runNode({
			parameters: { resource: 'user', operation: 'delete', user: byId(msmith._id), options: { directReports: 'clear' } },
			credentials: fixture.singleOrg(),
		});
		expect(cleared.json).toEqual([{ deleted: true, id: msmith._id }]);
		expect(fixture.requests()[0].query).toEqual({ cascade_manager: 'null' });
		expect(fixture.acmeUser('jdoe').manager).toBeFalsy();
	});

	it('reassigns the direct reports to a manager given by username', async () => {
		const msmith = fixture.acmeUser('msmith');
		const newBoss = fixture.acmeUser('user001');
		const result = await runNode({
			parameters: { resource: 'user', operation: 'delete', user: byId(msmith._id), options: { directReports: 'reassign', newManager: 'user001' } },
			credentials: fixture.singleOrg(),
		});
		expect(result.json).toEqual([{ deleted: true, id: msmith._id }]);
		expect(fixture.requests().find((r) => r.method === 'DELETE')!.query).toEqual({ cascade_manager: newBoss._id });
		expect(fixture.acmeUser('jdoe').manager).toBe(newBoss._id);
	});
});
