import { runNode } from '../../../../helpers/engine';
import { byId, fromList } from '../../../../helpers/locators';
import { useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();

describe('organization › get (WorkflowExecute → simulator)', () => {
	it("gets an organization's record without x-org-id", async () => {
		const result = await runNode({ parameters: { resource: 'organization', operation: 'get', organizationToGet: fromList(fixture.sim.orgs.initech) }, credentials: fixture.msp() });
		expect(result.error).toBeUndefined();
		expect(result.json[0]).toMatchObject({ _id: fixture.sim.orgs.initech, displayName: expect.any(String) });
		expect(fixture.requests()).toEqual([expect.objectContaining({ method: 'GET', path: `/api/organizations/${fixture.sim.orgs.initech}`, orgId: undefined })]);
	});

	it("names 'Organization' for an ID that is not one, or that the key does not manage", async () => {
		const malformed = await runNode({ parameters: { resource: 'organization', operation: 'get', organizationToGet: byId('={{ "acme" }}') }, credentials: fixture.msp() });
		expect(malformed.error?.message).toBe(`'Organization' is not a JumpCloud organization ID: "acme"`);
		expect(fixture.requests()).toHaveLength(0);
		const foreign = await runNode({ parameters: { resource: 'organization', operation: 'get', organizationToGet: byId(fixture.sim.orgs.acme) }, credentials: fixture.msp() });
		expect(foreign.error?.description).toBe(`Check the 'Organization' parameter: this API key manages no organization with ID ${fixture.sim.orgs.acme}.`);
	});
});
