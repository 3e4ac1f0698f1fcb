import { runNode } from '../../../../helpers/engine';
import { byEmail } from '../../../../helpers/locators';
import { useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();

describe('user › expire password (WorkflowExecute → simulator)', () => {
	it('expires the password now', async () => {
		const jdoe = fixture.acmeUser('jdoe');
		const result = await runNode({ parameters: { resource: 'user', operation: 'expirePassword', user: byEmail('jane.doe@acme.example') }, credentials: fixture.singleOrg() });
		expect(result.json).toEqual([{ id: jdoe._id, passwordExpired: true }]);
		expect(fixture.acmeUser('jdoe').password_expired).toBe(true);
		expect(fixture.calls().at(-1)).toBe(`POST /api/systemusers/${String(jdoe._id)}/expire 200`);
	});

	it("names 'User' for an unknown user ID", async () => {
		const result = await runNode({ parameters: { resource: 'user', operation: 'expirePassword', user: { __rl: true, mode: 'id', value: '0123456789abcdef01234567' } }, credentials: fixture.singleOrg() });
		expect(result.error?.description).toBe("Check the 'User' parameter: no user with ID 0123456789abcdef01234567 exists in this organization.");
	});
});
