import type { INodeParameterResourceLocator, INodeParameters } from 'n8n-workflow';

import { runNode } from '../../../../helpers/engine';
import { byId, byUsername } from '../../../../helpers/locators';
import { useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();
const deleteUser = (user: INodeParameterResourceLocator, options: INodeParameters = {}): INodeParameters => ({ resource: 'user', operation: 'delete', user, options });

describe('user › delete (WorkflowExecute → simulator)', () => {
	it('reads the user, deletes it and says whom it deleted', async () => {
		const user = fixture.acmeUser('user003');
		const result = await runNode({ parameters: deleteUser(byId(user._id)), credentials: fixture.singleOrg() });
		expect(result.json).toEqual([{ deleted: true, id: user._id, username: 'user003', email: 'user003@acme.example' }]);
		expect(fixture.calls()).toEqual([`GET /api/systemusers/${user._id} 200`, `DELETE /api/systemusers/${user._id} 200`]);
		expect(fixture.requests()[1].query).toEqual({});
		expect(fixture.sim.directory.user(fixture.sim.orgs.acme, user._id)).toBeUndefined();
	});

	it('needs no extra read when the user is found by username', async () => {
		const user = fixture.acmeUser('user004');
		const result = await runNode({ parameters: deleteUser(byUsername('user004')), credentials: fixture.singleOrg() });
		expect(result.json).toEqual([{ deleted: true, id: user._id, username: 'user004', email: 'user004@acme.example' }]);
		expect(fixture.calls()).toEqual([`GET /api/systemusers 200`, `DELETE /api/systemusers/${user._id} 200`]);
	});

	it("refuses to delete a manager and points at 'Options > Direct Reports'", async () => {
		const msmith = fixture.acmeUser('msmith');
		const refused = await runNode({ parameters: deleteUser(byId(msmith._id)), credentials: fixture.singleOrg() });
		expect((refused.error as unknown as { httpCode: string }).httpCode).toBe('409');
		expect(refused.error?.description).toContain("Set 'Options > Direct Reports'");
		expect(refused.error?.description).not.toContain('cascade_manager');

		fixture.sim.clearRequests();
		const cleared = await runNode({ parameters: deleteUser(byId(msmith._id), { directReports: 'clear' }), credentials: fixture.singleOrg() });
		expect(cleared.json).toEqual([{ deleted: true, id: msmith._id, username: 'msmith', email: 'mary.smith@acme.example' }]);
		expect(fixture.requests()[1].query).toEqual({ cascade_manager: 'null' });
		expect(fixture.acmeUser('jdoe').manager).toBeFalsy();
	});

	it('reassigns the direct reports to a manager given by username', async () => {
		const msmith = fixture.acmeUser('msmith');
		const newBoss = fixture.acmeUser('user001');
		const result = await runNode({
			parameters: deleteUser(byId(msmith._id), { directReports: 'reassign', newManager: 'user001' }),
			credentials: fixture.singleOrg(),
		});
		expect(result.json[0]).toMatchObject({ deleted: true, id: msmith._id });
		expect(fixture.requests().find((r) => r.method === 'DELETE')!.query).toEqual({ cascade_manager: newBoss._id });
		expect(fixture.acmeUser('jdoe').manager).toBe(newBoss._id);
	});

	it('refuses a new manager who is the user being deleted, before deleting', async () => {
		const msmith = fixture.acmeUser('msmith');
		const result = await runNode({
			parameters: deleteUser(byId(msmith._id), { directReports: 'reassign', newManager: 'mary.smith@acme.example' }),
			credentials: fixture.singleOrg(),
		});
		expect(result.error?.message).toBe('The new manager is the user being deleted');
		expect(result.error?.description).toContain("'Options > New Manager'");
		expect(fixture.requests().some((r) => r.method === 'DELETE')).toBe(false);
	});

	it.each(['5xx-after', 'reset-after', 'hang'] as const)(
		'reports a delete whose answer was lost (%s) as done: the repeat gets 404 because the first send deleted it',
		async (fault) => {
			const user = fixture.acmeUser('user005');
			fixture.sim.failNext({ fault, method: 'DELETE' });
			const result = await runNode({
				parameters: deleteUser(byId(user._id), { timeout: 300, maxRetryWait: 1 }),
				credentials: fixture.singleOrg(),
			});
			expect(result.error).toBeUndefined();
			expect(result.json).toEqual([{ deleted: true, id: user._id, username: 'user005', email: 'user005@acme.example' }]);
			expect(fixture.calls().slice(1).map((call) => call.replace(/ \d+(\(.*\))?$/, (m) => (m.includes('(') ? ' (fault)' : m)))).toEqual([
				`DELETE /api/systemusers/${user._id} (fault)`,
				`DELETE /api/systemusers/${user._id} 404`,
			]);
		},
	);

	it('reports a user deleted by someone else between the read and the delete as not found, not as deleted', async () => {
		const user = fixture.acmeUser('user006');
		const { sim } = fixture;
		sim.failNext({ status: 429, method: 'DELETE', retryAfter: '0', run: () => sim.directory.deleteUser(sim.orgs.acme, user._id, undefined) });
		const result = await runNode({ parameters: deleteUser(byId(user._id)), credentials: fixture.singleOrg() });
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('404');
		expect(result.error?.description).toContain('deleted by someone else');
		expect(fixture.calls()).toEqual([`GET /api/systemusers/${user._id} 200`, `DELETE /api/systemusers/${user._id} 429(status)`, `DELETE /api/systemusers/${user._id} 404`]);
	});
});
