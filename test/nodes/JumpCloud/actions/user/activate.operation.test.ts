import { runNode } from '../../../../helpers/engine';
import { byUsername } from '../../../../helpers/locators';
import { useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();
const acme = () => fixture.sim.orgs.acme;

describe('user › activate (WorkflowExecute → simulator)', () => {
	it("activates a staged user and JumpCloud emails them (the default)", async () => {
		const staged = fixture.acmeUser('user064');
		expect(staged.state).toBe('STAGED');
		const result = await runNode({ parameters: { resource: 'user', operation: 'activate', user: byUsername('user064') }, credentials: fixture.singleOrg() });
		expect(result.json).toEqual([{ id: staged._id, activated: true, email: true }]);
		expect(fixture.acmeUser('user064').state).toBe('ACTIVATED');
		expect(fixture.requests().at(-1)?.body).toEqual({});
		expect(fixture.sim.directory.emails().map((email) => [email.userId, email.to])).toEqual([[staged._id, staged.email]]);
	});

	it('activates silently, or sends the email to another address', async () => {
		await runNode({ parameters: { resource: 'user', operation: 'activate', user: byUsername('user064'), activationEmail: 'none' }, credentials: fixture.singleOrg() });
		expect(fixture.requests().at(-1)?.body).toEqual({ email: false });
		expect(fixture.sim.directory.emails()).toEqual([]);
		const other = await runNode({
			parameters: { resource: 'user', operation: 'activate', user: byUsername('user128'), activationEmail: 'address', activationEmailAddress: 'manager@acme.example' },
			credentials: fixture.singleOrg(),
		});
		expect(other.json[0]).toMatchObject({ activated: true, email: 'manager@acme.example' });
		expect(fixture.sim.directory.emails().map((email) => email.to)).toEqual(['manager@acme.example']);
		expect(fixture.sim.directory.user(acme(), String(fixture.acmeUser('user128')._id))?.state).toBe('ACTIVATED');
	});

	it("refuses a 'Send To' that is not an address", async () => {
		const result = await runNode({
			parameters: { resource: 'user', operation: 'activate', user: byUsername('user064'), activationEmail: 'address', activationEmailAddress: 'manager' },
			credentials: fixture.singleOrg(),
		});
		expect(result.error?.message).toBe(`'Send To' is not an email address: "manager"`);
		expect(fixture.requests().filter((r) => r.method === 'POST')).toEqual([]);
	});

	it('explains how to restore a suspended user, which Activate does not do (409)', async () => {
		const suspended = fixture.acmeUser('user025');
		expect(suspended.state).toBe('SUSPENDED');
		const result = await runNode({ parameters: { resource: 'user', operation: 'activate', user: byUsername('user025') }, credentials: fixture.singleOrg() });
		expect(result.error?.description).toContain("use User > Update with 'Update Fields > State' set to Activated");
		expect(fixture.acmeUser('user025').state).toBe('SUSPENDED');
	});
});
