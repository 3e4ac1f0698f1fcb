import { runNode } from '../../../../helpers/engine';
import { useSimulator } from '../../../../helpers/simulator';
import { byId } from '../../../../helpers/locators';

const fixture = useSimulator();

describe('user › change password (WorkflowExecute → simulator)', () => {
	it('force-sets the password and never echoes it', async () => {
		const jdoe = fixture.acmeUser('jdoe');
		const result = await runNode({
			parameters: { resource: 'user', operation: 'changePassword', user: byId(jdoe._id), newPassword: 'N3w-Secret-Pass' },
			credentials: fixture.singleOrg(),
		});
		expect(result.json).toEqual([{ passwordChanged: true, id: jdoe._id }]);
		expect(fixture.requests()).toEqual([expect.objectContaining({ method: 'POST', path: `/api/systemusers/${jdoe._id}/password`, body: { password: 'N3w-Secret-Pass' } })]);
		expect(JSON.stringify(result.run.data.resultData)).not.toContain('N3w-Secret-Pass');
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
});
