/** Event > Get Distinct Values (POST /insights/directory/v1/events/distinct) through WorkflowExecute against the simulator. */
import { runNode } from '../../../../helpers/engine';
import { useSimulator } from '../../../../helpers/simulator';
import { insightsOf } from '../../../../simulator';

const fixture = useSimulator();

describe('Event > Get Distinct Values', () => {
	it('lists the values of a field among the matching events, most frequent first', async () => {
		const acme = fixture.sim.orgs.acme;
		const log = insightsOf(fixture.sim.directory);
		const start = Date.now() - 600_000;
		log.generate(acme, 5, { startMs: start, eventType: 'user_login_attempt' });
		log.generate(acme, 3, { startMs: start, eventType: 'admin_login_attempt', fields: { success: false } });
		log.generate(acme, 1, { startMs: start, eventType: 'user_create' });
		const result = await runNode({ parameters: { resource: 'event', operation: 'getDistinct', field: 'event_type' }, credentials: fixture.singleOrg() });
		expect(result.json).toEqual([
			{ field: 'event_type', value: 'user_login_attempt', count: 5 },
			{ field: 'event_type', value: 'admin_login_attempt', count: 3 },
			{ field: 'event_type', value: 'user_create', count: 1 },
		]);
		const filtered = await runNode({
			parameters: { resource: 'event', operation: 'getDistinct', field: 'success', filters: { eventTypes: 'admin_login_attempt, user_create' } },
			credentials: fixture.singleOrg(),
		});
		expect(filtered.json).toEqual([
			{ field: 'success', value: 'false', count: 3 },
			{ field: 'success', value: 'true', count: 1 },
		]);
		const call = fixture.requests().filter((r) => r.path === '/insights/directory/v1/events/distinct')[1];
		expect(call.body).toEqual({ service: ['all'], start_time: expect.any(String), field: 'success', search_term: { and: [{ event_type: ['admin_login_attempt', 'user_create'] }] } });
	});

	it('refuses an empty Field before any call', async () => {
		const result = await runNode({ parameters: { resource: 'event', operation: 'getDistinct', field: ' ' }, credentials: fixture.singleOrg() });
		expect(result.error?.message).toBe("'Field' is empty");
		expect(fixture.requests()).toEqual([]);
	});
});
