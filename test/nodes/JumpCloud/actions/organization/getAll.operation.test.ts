import { runNode } from '../../../../helpers/engine';
import { useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();

describe('organization › get many (WorkflowExecute → simulator)', () => {
	it('lists every organization an MSP key manages, without x-org-id', async () => {
		const result = await runNode({ parameters: { resource: 'organization', operation: 'getAll', returnAll: true }, credentials: fixture.msp(fixture.sim.orgs.globex) });
		expect(result.error).toBeUndefined();
		const managed = [fixture.sim.orgs.globex, fixture.sim.orgs.initech, fixture.sim.orgs.umbrella];
		expect(result.json.map((organization) => organization._id).sort()).toEqual(managed.sort());
		expect(result.json[0]).toEqual(expect.objectContaining({ displayName: expect.any(String) }));
		expect(fixture.requests().every((r) => r.orgId === undefined)).toBe(true);
	});

	it("lists a single-organization key's own organization, and finds organizations by part of the name", async () => {
		const own = await runNode({ parameters: { resource: 'organization', operation: 'getAll', returnAll: true }, credentials: fixture.singleOrg() });
		expect(own.json.map((organization) => organization._id)).toEqual([fixture.sim.orgs.acme]);
		const found = await runNode({ parameters: { resource: 'organization', operation: 'getAll', returnAll: true, filters: { nameContains: 'init' } }, credentials: fixture.msp() });
		expect(found.json.map((organization) => organization._id)).toEqual([fixture.sim.orgs.initech]);
		expect(fixture.requests().at(-1)).toMatchObject({ method: 'POST', path: '/api/search/organizations', orgId: undefined });
	});
});
