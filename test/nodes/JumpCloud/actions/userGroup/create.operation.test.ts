import { runNode } from '../../../../helpers/engine';
import { useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();
const acme = () => fixture.sim.orgs.acme;

describe('user group › create (WorkflowExecute → simulator)', () => {
	it('creates a group with description, email and attributes (201), after checking the name is free', async () => {
		const result = await runNode({
			parameters: {
				resource: 'userGroup',
				operation: 'create',
				name: 'Interns 2026',
				additionalFields: { description: 'Summer interns', email: 'interns@acme.example', attributes: '{"sudo": {"enabled": false, "withoutPassword": false}}' },
			},
			credentials: fixture.singleOrg(),
		});
		expect(result.error).toBeUndefined();
		expect(result.json[0]).toMatchObject({ name: 'Interns 2026', description: 'Summer interns', email: 'interns@acme.example', attributes: { sudo: { enabled: false } } });
		expect(fixture.sim.directory.groupByName(acme(), 'Interns 2026')?.id).toBe(result.json[0].id);
		expect(fixture.calls()).toEqual(['GET /api/v2/usergroups 200', 'POST /api/v2/usergroups 201']);
	});

	it('fails on a taken name, or returns the existing group when asked to (safe to run again)', async () => {
		const engineering = fixture.acmeGroup('Engineering');
		const taken = await runNode({ parameters: { resource: 'userGroup', operation: 'create', name: 'Engineering' }, credentials: fixture.singleOrg() });
		expect(taken.error?.message).toBe(`A JumpCloud user group named "Engineering" already exists (ID ${String(engineering.id)})`);
		expect(taken.error?.description).toContain("'Options > If Group Exists'");
		const existing = await runNode({ parameters: { resource: 'userGroup', operation: 'create', name: 'Engineering', options: { ifGroupExists: 'returnExisting' } }, credentials: fixture.singleOrg() });
		expect(existing.json[0]).toMatchObject({ id: engineering.id, name: 'Engineering' });
		expect(fixture.requests().filter((r) => r.method === 'POST')).toEqual([]);
	});

	it('reads a name taken in another case from the 409 JumpCloud answers', async () => {
		const result = await runNode({ parameters: { resource: 'userGroup', operation: 'create', name: 'ENGINEERING' }, credentials: fixture.singleOrg() });
		expect(result.error?.message).toBe('A JumpCloud user group named "ENGINEERING" already exists (the name differs only in case)');
		expect(fixture.calls().filter((call) => call.startsWith('POST'))).toEqual(['POST /api/v2/usergroups 409']);
	});

	it('reports a create whose answer was lost as created, without a second group', async () => {
		fixture.sim.failNext({ method: 'POST', pathPrefix: '/api/v2/usergroups', fault: 'reset-after' });
		const result = await runNode({ parameters: { resource: 'userGroup', operation: 'create', name: 'Lost Answer' }, credentials: fixture.singleOrg() });
		expect(result.error).toBeUndefined();
		expect(result.json[0]).toMatchObject({ name: 'Lost Answer' });
		expect(fixture.sim.directory.groups(acme()).filter((group) => group.name === 'Lost Answer')).toHaveLength(1);
		expect(fixture.requests().filter((r) => r.method === 'POST')).toHaveLength(1);
	});

	it.each([
		['{"sudo": ', "'Additional Fields > Attributes (JSON)' is not valid JSON"],
		['[1, 2]', "'Additional Fields > Attributes (JSON)' must be a JSON object"],
	])('refuses Attributes %s before sending anything', async (attributes, message) => {
		const result = await runNode({ parameters: { resource: 'userGroup', operation: 'create', name: 'X', additionalFields: { attributes } }, credentials: fixture.singleOrg() });
		expect(result.error?.message).toBe(message);
		expect(fixture.requests()).toHaveLength(0);
	});

	it("refuses an empty name, naming 'Name'", async () => {
		const result = await runNode({ parameters: { resource: 'userGroup', operation: 'create', name: '  ' }, credentials: fixture.singleOrg() });
		expect(result.error?.message).toBe("'Name > Name' is empty");
		expect(fixture.requests()).toHaveLength(0);
	});
});
