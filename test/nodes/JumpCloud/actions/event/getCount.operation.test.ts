/** Event > Get Count (POST /insights/directory/v1/events/count) through WorkflowExecute against the simulator. */
import { runNode } from '../../../../helpers/engine';
import { useSimulator } from '../../../../helpers/simulator';
import { insightsOf } from '../../../../simulator';

const fixture = useSimulator();

describe('Event > Get Count', () => {
	it('counts the matching events of the time range, in the given services', async () => {
		const acme = fixture.sim.orgs.acme;
		const log = insightsOf(fixture.sim.directory);
		log.generate(acme, 40, { startMs: Date.now() - 600_000, eventType: 'sso_auth', service: 'sso' });
		log.generate(acme, 7, { startMs: Date.now() - 600_000, eventType: 'radius_auth', service: 'radius' });
		log.add(acme, { event_type: 'sso_auth', service: 'sso', timestamp: new Date(Date.now() - 3 * 3_600_000).toISOString() });
		const result = await runNode({
			parameters: { resource: 'event', operation: 'getCount', services: ['sso'], hours: 1 },
			credentials: fixture.singleOrg(),
		});
		expect(result.json).toEqual([{ count: 40 }]);
		const call = fixture.requests().find((r) => r.path === '/insights/directory/v1/events/count')!;
		expect(call.body).toEqual({ service: ['sso'], start_time: expect.any(String) });
		expect(call.orgId).toBe(acme);
	});

	it('counts per organization with All Organizations', async () => {
		const { globex, initech } = fixture.sim.orgs;
		const log = insightsOf(fixture.sim.directory);
		log.generate(globex, 4, { startMs: Date.now() - 60_000 });
		log.generate(initech, 1, { startMs: Date.now() - 60_000 });
		const result = await runNode({
			parameters: { resource: 'event', operation: 'getCount', options: { organization: { __rl: true, mode: 'list', value: 'all' } } },
			credentials: fixture.msp(),
			continueOnFail: true,
		});
		expect(result.json.map((item) => [item.organizationName ?? 'error', item.count ?? item.error])).toEqual([
			['Globex Corporation', 4],
			['Initech', 1],
			['error', 'JumpCloud: Forbidden: API access is disabled for this organization'],
		]);
	});
});
