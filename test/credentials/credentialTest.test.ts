import { runCredentialTest } from '../helpers/engine';
import { useSimulator } from '../helpers/simulator';

const fixture = useSimulator();

describe('credential test request (RoutingNode, as n8n tests credentials)', () => {
	it('succeeds for a single-organization key', async () => {
		await expect(runCredentialTest(fixture.singleOrg())).resolves.toBeDefined();
		expect(fixture.requests()).toEqual([expect.objectContaining({ method: 'GET', path: '/api/organizations', apiKey: 'single', orgId: undefined, query: { limit: '1' } })]);
	});

	it('succeeds for an MSP key by opening its default organization', async () => {
		const { globex } = fixture.sim.orgs;
		await expect(runCredentialTest(fixture.msp(globex))).resolves.toMatchObject({ _id: globex });
		expect(fixture.requests()).toEqual([expect.objectContaining({ path: `/api/organizations/${globex}`, apiKey: 'msp', orgId: undefined })]);
	});

	it('fails for an MSP key whose default organization it does not manage', async () => {
		await expect(runCredentialTest(fixture.msp(fixture.sim.orgs.acme))).rejects.toThrow();
	});

	it("fails for a wrong key with JumpCloud's message", async () => {
		const error = await runCredentialTest({ ...fixture.singleOrg(), apiKey: 'wrong' }).catch((e: Error & { description?: string }) => e);
		expect(error).toBeInstanceOf(Error);
		expect(`${(error as Error).message} ${(error as { description?: string }).description}`).toContain('api key user not found');
	});
});
