import { runNode } from '../../../../helpers/engine';
import { byUsername } from '../../../../helpers/locators';
import { useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();

describe('user › reset MFA (WorkflowExecute → simulator)', () => {
	it('resets TOTP, with no grace period by default', async () => {
		const user = fixture.acmeUser('user004');
		expect(user.totp_enabled).toBe(true);
		const result = await runNode({ parameters: { resource: 'user', operation: 'resetMfa', user: byUsername('user004') }, credentials: fixture.singleOrg() });
		expect(result.json).toEqual([{ id: user._id, mfaReset: true }]);
		expect(fixture.acmeUser('user004')).toMatchObject({ totp_enabled: false, mfa: { configured: false } });
		expect(fixture.requests().at(-1)?.body).toEqual({});
	});

	it('grants exclusion days while the user enrolls again', async () => {
		const result = await runNode({ parameters: { resource: 'user', operation: 'resetMfa', user: byUsername('user004'), options: { exclusionDays: 7 } }, credentials: fixture.singleOrg() });
		expect(result.json[0]).toMatchObject({ mfaReset: true, exclusionDays: 7 });
		expect(fixture.requests().at(-1)?.body).toEqual({ exclusion: true, exclusionDays: 7 });
		expect(fixture.acmeUser('user004').mfa).toMatchObject({ exclusion: true, exclusionUntil: expect.any(String) });
	});

	it("refuses Exclusion Days that are not a whole number, naming the option", async () => {
		const result = await runNode({ parameters: { resource: 'user', operation: 'resetMfa', user: byUsername('user004'), options: { exclusionDays: '={{ 1.5 }}' } }, credentials: fixture.singleOrg() });
		expect(result.error?.message).toBe("'Options > Exclusion Days' must be a whole number of at least 0, not 1.5");
		expect(fixture.requests()).toHaveLength(0);
	});
});
