import { runNode } from '../../../../helpers/engine';
import { byUsername } from '../../../../helpers/locators';
import { useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();

describe('user › unlock (WorkflowExecute → simulator)', () => {
	it('unlocks a locked-out user (a text answer is fine)', async () => {
		const locked = fixture.acmeUser('user003');
		expect(locked.account_locked).toBe(true);
		const result = await runNode({ parameters: { resource: 'user', operation: 'unlock', user: byUsername('user003') }, credentials: fixture.singleOrg() });
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([{ id: locked._id, unlocked: true }]);
		expect(fixture.acmeUser('user003').account_locked).toBe(false);
		expect(fixture.calls().at(-1)).toBe(`POST /api/systemusers/${String(locked._id)}/unlock 200`);
		expect(fixture.requests().at(-1)?.body).toBeUndefined();
	});

	it('sends it again after a lost answer (unlocking twice changes nothing)', async () => {
		fixture.sim.failNext({ method: 'POST', fault: 'reset-after' });
		const result = await runNode({ parameters: { resource: 'user', operation: 'unlock', user: byUsername('user003') }, credentials: fixture.singleOrg() });
		expect(result.json[0].unlocked).toBe(true);
		expect(fixture.calls().filter((call) => call.startsWith('POST'))).toHaveLength(2);
	});
});
