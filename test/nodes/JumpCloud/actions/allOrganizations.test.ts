/**
 * 'Organization' > All Organizations: a reading operation runs in every organization the key manages, each
 * output item tagged with its organization. The MSP key manages three organizations; Umbrella Corp has its
 * API access disabled and answers 403 to every call made in it.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../../../helpers/engine';
import { byEmail, byName, byUsername } from '../../../helpers/locators';
import { useSimulator } from '../../../helpers/simulator';

const fixture = useSimulator();
const ALL = { __rl: true, mode: 'list', value: 'all' };
const orgs = () => fixture.sim.orgs;
const run = (parameters: INodeParameters, options: { continueOnFail?: boolean; onError?: 'continueErrorOutput' } = {}, credentials = fixture.msp()) =>
	runNode({ parameters: { ...parameters, options: { ...(parameters.options as object | undefined), organization: ALL } }, credentials, ...options });
const byOrganization = (items: IDataObject[]) => {
	const counts: Record<string, number> = {};
	for (const item of items) counts[String(item.organizationName)] = (counts[String(item.organizationName)] ?? 0) + 1;
	return counts;
};

describe("'Organization' > All Organizations (WorkflowExecute → simulator)", () => {
	it("lists every organization's users, tagged, and turns Umbrella's 403 into an error item under Continue On Fail", async () => {
		const result = await run({ resource: 'user', operation: 'getAll', returnAll: true }, { continueOnFail: true });
		expect(result.error).toBeUndefined();
		const users = result.json.filter((item) => item.error === undefined);
		expect(byOrganization(users)).toEqual({
			'Globex Corporation': fixture.sim.directory.users(orgs().globex).length,
			Initech: fixture.sim.directory.users(orgs().initech).length,
		});
		for (const user of users) {
			const organizationId = user.organizationName === 'Globex Corporation' ? orgs().globex : orgs().initech;
			expect(user.organizationId).toBe(organizationId);
			expect(fixture.sim.directory.user(organizationId, String(user._id))?.username).toBe(user.username);
		}
		const failed = result.json.filter((item) => item.error !== undefined);
		expect(failed).toEqual([
			{
				error: 'JumpCloud: Forbidden: API access is disabled for this organization',
				details: expect.objectContaining({ httpCode: '403', organizationId: orgs().umbrella, organizationName: 'Umbrella Corp' }),
			},
		]);
		expect(result.items.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
		// Organizations are listed once, without x-org-id; each organization's reads carry its own.
		const calls = fixture.requests();
		expect(calls.filter((r) => r.path === '/api/organizations').map((r) => r.orgId)).toEqual([undefined]);
		expect(new Set(calls.filter((r) => r.path === '/api/systemusers').map((r) => r.orgId))).toEqual(new Set([orgs().globex, orgs().initech, orgs().umbrella]));
	});

	it("routes the failed organization to the error output, and the others' records to the success output", async () => {
		const result = await run({ resource: 'userGroup', operation: 'getAll', returnAll: true }, { onError: 'continueErrorOutput' });
		const [success, failure] = result.outputs;
		expect(byOrganization(success.map((item) => item.json))).toEqual({ 'Globex Corporation': 3, Initech: 2 });
		expect(failure.map((item) => (item.json.details as IDataObject).organizationName)).toEqual(['Umbrella Corp']);
	});

	it('fails the item without Continue On Fail, naming the organization that failed', async () => {
		const result = await run({ resource: 'user', operation: 'getAll', limit: 5 });
		expect(result.error?.message).toBe('JumpCloud: Forbidden: API access is disabled for this organization');
		expect(result.error?.description).toMatch(/^In organization "Umbrella Corp" \(65a0000000000000000000e5\)\./);
	});

	it('applies Limit per organization', async () => {
		const result = await run({ resource: 'user', operation: 'getAll', limit: 2 }, { continueOnFail: true });
		expect(byOrganization(result.json.filter((item) => !item.error))).toEqual({ 'Globex Corporation': 2, Initech: 2 });
	});

	it('finds a user in whichever organization has them; missing everywhere is not found', async () => {
		const found = await run({ resource: 'user', operation: 'get', user: byEmail('admin@initech.example') }, { continueOnFail: true });
		const users = found.json.filter((item) => !item.error);
		expect(users).toEqual([expect.objectContaining({ username: 'iadmin', organizationId: orgs().initech, organizationName: 'Initech' })]);
		expect(found.json.filter((item) => item.error)).toHaveLength(1);

		const nowhere = await run({ resource: 'user', operation: 'get', user: byUsername('nobody') }, {}, fixture.singleOrg());
		expect(nowhere.error?.message).toBe('No JumpCloud user has the username "nobody"');
		expect(nowhere.error?.description).toContain('None of the 1 organizations this key manages has it.');
		const asItem = await run({ resource: 'user', operation: 'get', user: byUsername('nobody'), options: { ifNotFound: 'returnNotFound' } }, {}, fixture.singleOrg());
		expect(asItem.json).toEqual([{ found: false, user: 'nobody', by: 'username' }]);
	});

	it("gets a group's members by name in every organization that has the group", async () => {
		const result = await run({ resource: 'userGroup', operation: 'getMembers', userGroup: byName('All Staff'), returnAll: true }, { continueOnFail: true });
		const members = result.json.filter((item) => !item.error);
		expect(byOrganization(members)).toEqual({ Initech: fixture.sim.directory.users(orgs().initech).length });
	});

	it('runs in the one organization of a single-organization key', async () => {
		const result = await run({ resource: 'userGroup', operation: 'getAll', returnAll: true }, {}, fixture.singleOrg());
		expect(result.error).toBeUndefined();
		expect(byOrganization(result.json)).toEqual({ 'Acme Corp': fixture.sim.directory.groups(orgs().acme).length });
	});

	it('is refused by operations that change something, before any call', async () => {
		const result = await run({ resource: 'user', operation: 'delete', user: byUsername('jdoe') });
		expect(result.error?.message).toBe("'Options > Organization' is All Organizations, which only reading operations can use");
		expect(fixture.requests()).toHaveLength(0);
	});
});
