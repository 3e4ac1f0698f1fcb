import { runNode } from '../../../../helpers/engine';
import { byId, byUsername } from '../../../../helpers/locators';
import { useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();

describe('user › change password (WorkflowExecute → simulator)', () => {
	it('force-sets the password and never echoes it', async () => {
		const jdoe = fixture.acmeUser('jdoe');
		const result = await runNode({
			parameters: { resource: 'user', operation: 'changePassword', user: byId(jdoe._id), newPassword: 'N3w-Secret-Pass' },
			credentials: fixture.singleOrg(),
		});
		expect(result.json).toEqual([{ passwordChanged: true, id: jdoe._id }]);
		expect(fixture.calls()).toEqual([`GET /api/systemusers/${jdoe._id} 200`, `POST /api/systemusers/${jdoe._id}/password 200`]);
		expect(fixture.requests()[1].body).toEqual({ password: 'N3w-Secret-Pass' });
		expect(JSON.stringify(result.run.data.resultData)).not.toContain('N3w-Secret-Pass');
		expect(fixture.sim.directory.passwordChanges).toHaveLength(1);
	});

	it('surfaces the password policy violation', async () => {
		const jdoe = fixture.acmeUser('jdoe');
		const result = await runNode({
			parameters: { resource: 'user', operation: 'changePassword', user: byId(jdoe._id), newPassword: 'short' },
			credentials: fixture.singleOrg(),
		});
		expect(result.error?.message).toContain('Password validation fail');
		expect(`${result.error?.message} ${result.error?.description}`).not.toContain('short"');
	});

	it.each(['5xx-after', 'reset-after', 'truncated'] as const)(
		'reports a change whose answer was lost (%s) as done, and does not set it twice',
		async (fault) => {
			const jdoe = fixture.acmeUser('jdoe');
			fixture.sim.failNext({ fault, method: 'POST' });
			const result = await runNode({
				parameters: { resource: 'user', operation: 'changePassword', user: byUsername('jdoe'), newPassword: 'N3w-Secret-Pass', options: { maxRetryWait: 1 } },
				credentials: fixture.singleOrg(),
			});
			expect(result.json).toEqual([{ passwordChanged: true, id: jdoe._id }]);
			expect(fixture.sim.directory.passwordChanges).toHaveLength(1);
			expect(fixture.requests().filter((r) => r.method === 'POST')).toHaveLength(1);
		},
	);

	it.each(['reset-before', 'html-200'] as const)('sends it again when the lost send (%s) did not change it', async (fault) => {
		const jdoe = fixture.acmeUser('jdoe');
		fixture.sim.failNext({ fault, method: 'POST' });
		const result = await runNode({
			parameters: { resource: 'user', operation: 'changePassword', user: byId(jdoe._id), newPassword: 'N3w-Secret-Pass', options: { maxRetryWait: 1 } },
			credentials: fixture.singleOrg(),
		});
		expect(result.json).toEqual([{ passwordChanged: true, id: jdoe._id }]);
		expect(fixture.sim.directory.passwordChanges).toHaveLength(1);
		expect(fixture.requests().filter((r) => r.method === 'POST')).toHaveLength(2);
	});
});
