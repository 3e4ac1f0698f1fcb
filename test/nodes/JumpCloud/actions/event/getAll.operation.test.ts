/**
 * Event > Get Many (POST /insights/directory/v1/events) through WorkflowExecute against the simulator: Return All
 * through the API's search_after cursor over thousands of events, Limit, sort, fields, filters and search terms,
 * the Insights host and organization rules.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../../../../helpers/engine';
import { useSimulator } from '../../../../helpers/simulator';
import { insightsOf } from '../../../../simulator';

const fixture = useSimulator();
const MINUTE = 60_000;
const log = () => insightsOf(fixture.sim.directory);
const eventCalls = () => fixture.requests().filter((r) => r.path === '/insights/directory/v1/events');
const run = (parameters: INodeParameters, credentials = fixture.singleOrg(), items?: IDataObject[]) =>
	runNode({ parameters: { resource: 'event', operation: 'getAll', ...parameters }, credentials, items });

describe('Event > Get Many', () => {
	it('returns all of 2,600 events through the search_after cursor, newest first, each once', async () => {
		const acme = fixture.sim.orgs.acme;
		const generated = log().generate(acme, 2600, { startMs: Date.now() - 50 * MINUTE, stepMs: 1000, perTimestamp: 3 });
		const result = await run({ returnAll: true, hours: 1 });
		expect(result.error).toBeUndefined();
		const expected = [...generated].reverse().map((event) => event.id);
		expect(result.json.map((event) => event.id)).toEqual(expected);
		expect(new Set(result.json.map((event) => event.id)).size).toBe(2600);
		expect(result.items.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);

		const calls = eventCalls();
		expect(calls).toHaveLength(3);
		expect(calls.map((call) => call.body.limit)).toEqual([1000, 1000, 1000]);
		// Each next page sends back the previous answer's X-Search_after, verbatim.
		for (let i = 1; i < calls.length; i++) {
			expect(calls[i].body.search_after).toEqual(JSON.parse(String(calls[i - 1].response!.headers['X-Search_after'])));
			expect({ ...calls[i].body, search_after: undefined }).toEqual({ ...calls[0].body, search_after: undefined });
		}
		expect(calls[0].body).toEqual({ service: ['all'], start_time: expect.any(String), sort: 'DESC', limit: 1000 });
		expect(Date.now() - Date.parse(String(calls[0].body.start_time))).toBeGreaterThanOrEqual(60 * MINUTE);
		// Directory Insights always gets x-org-id: the key's own organization, learned once from /api/organizations.
		expect(calls.every((call) => call.orgId === acme)).toBe(true);
		expect(fixture.requests().filter((r) => r.path === '/api/organizations')).toHaveLength(1);
	});

	it('returns the first Limit events, oldest first when asked, with only the fields asked for', async () => {
		const acme = fixture.sim.orgs.acme;
		const generated = log().generate(acme, 30, { startMs: Date.now() - 10 * MINUTE, stepMs: 1000 });
		const result = await run({ limit: 4, options: { sort: 'ASC', fields: 'event_type, initiated_by.username' } });
		expect(result.json).toEqual(
			generated.slice(0, 4).map((event) => ({ id: event.id, timestamp: event.timestamp, event_type: 'user_login_attempt', initiated_by: { username: (event.initiated_by as IDataObject).username } })),
		);
		expect(eventCalls().map((call) => call.body)).toEqual([
			{ service: ['all'], start_time: expect.any(String), sort: 'ASC', limit: 4, fields: ['event_type', 'initiated_by.username'] },
		]);
	});

	it('filters by event type, success and search terms, sent as one search_term in lowercase', async () => {
		const acme = fixture.sim.orgs.acme;
		const at = new Date(Date.now() - 5 * MINUTE).toISOString();
		const wanted = log().add(acme, { event_type: 'admin_login_attempt', success: false, initiated_by: { type: 'admin', email: 'boss@acme.example' }, client_ip: '10.1.2.3', timestamp: at });
		log().add(acme, { event_type: 'admin_login_attempt', success: true, initiated_by: { type: 'admin', email: 'boss@acme.example' }, client_ip: '10.1.2.3', timestamp: at });
		log().add(acme, { event_type: 'admin_login_attempt', success: false, initiated_by: { type: 'admin', email: 'other@acme.example' }, client_ip: '10.9.9.9', timestamp: at });
		log().add(acme, { event_type: 'user_login_attempt', success: false, initiated_by: { type: 'user', email: 'boss@acme.example' }, client_ip: '10.1.2.3', timestamp: at });
		const result = await run({
			returnAll: true,
			filters: {
				eventTypes: 'Admin_Login_Attempt',
				success: 'false',
				matchTerms: 'any',
				searchTerms: { term: [{ field: 'initiated_by.email', operator: 'eq', value: 'BOSS@acme.example' }, { field: 'client_ip', operator: 'in', value: '10.8.8.8, 10.1.2.3' }] },
			},
		});
		expect(result.json.map((event) => event.id)).toEqual([wanted.id]);
		expect(eventCalls()[0].body.search_term).toEqual({
			and: [
				{ event_type: 'admin_login_attempt' },
				{ success: 'false' },
				{ or: [{ field: 'initiated_by.email', operator: 'eq', value: 'boss@acme.example' }, { field: 'client_ip', operator: 'in', value: ['10.8.8.8', '10.1.2.3'] }] },
			],
		});
	});

	it('reads a time range between two instants, and refuses a bad one before any call', async () => {
		const acme = fixture.sim.orgs.acme;
		const base = Date.parse('2026-10-01T10:00:00.000Z');
		const inside = log().add(acme, { event_type: 'user_create', timestamp: new Date(base + MINUTE).toISOString() });
		log().add(acme, { event_type: 'user_create', timestamp: new Date(base + 3 * MINUTE).toISOString() });
		const result = await run({ returnAll: true, timeRange: 'between', startTime: '2026-10-01T10:00:00Z', endTime: '2026-10-01T10:02:00Z' });
		expect(result.json.map((event) => event.id)).toEqual([inside.id]);
		expect(eventCalls()[0].body).toEqual(expect.objectContaining({ start_time: '2026-10-01T10:00:00.000Z', end_time: '2026-10-01T10:02:00.000Z' }));

		fixture.sim.clearRequests();
		const backwards = await run({ timeRange: 'between', startTime: '2026-10-01T10:00:00Z', endTime: '2026-10-01T09:00:00Z' });
		expect(backwards.error?.message).toBe("'End Time' 2026-10-01T09:00:00.000Z is not after 'Start Time' 2026-10-01T10:00:00.000Z");
		const future = await run({ timeRange: 'between', startTime: new Date(Date.now() + 3_600_000).toISOString() });
		expect(future.error?.message).toMatch(/^'Start Time' .* is in the future$/);
		const services = await run({ services: ['all', 'printers'] });
		expect(services.error?.message).toBe("'Services' has unknown services: printers");
		const hours = await run({ hours: -2 });
		expect(hours.error?.message).toBe("'Hours' must be a number of hours above 0, not -2");
		expect(fixture.requests()).toEqual([]);
	});

	it('runs in every organization of an MSP key (All Organizations), Umbrella an error item', async () => {
		const { globex, initech } = fixture.sim.orgs;
		log().generate(globex, 3, { startMs: Date.now() - MINUTE });
		log().generate(initech, 2, { startMs: Date.now() - MINUTE });
		const result = await runNode({
			parameters: { resource: 'event', operation: 'getAll', returnAll: true, options: { organization: { __rl: true, mode: 'list', value: 'all' } } },
			credentials: fixture.msp(),
			continueOnFail: true,
		});
		const counts: Record<string, number> = {};
		for (const item of result.json) counts[String(item.organizationName ?? (item.details as IDataObject)?.organizationName)] = (counts[String(item.organizationName ?? (item.details as IDataObject)?.organizationName)] ?? 0) + 1;
		expect(counts).toEqual({ 'Globex Corporation': 3, Initech: 2, 'Umbrella Corp': 1 });
		expect(result.json.find((item) => item.error)).toEqual({
			error: 'JumpCloud: Forbidden: API access is disabled for this organization',
			details: expect.objectContaining({ httpCode: '403', organizationName: 'Umbrella Corp', description: expect.stringContaining('Directory Insights') }),
		});
	});

	it("asks an MSP key without an organization to choose one, and uses the credential's default organization", async () => {
		const without = await run({ limit: 1 }, fixture.msp());
		expect(without.error?.message).toBe('This API key manages several JumpCloud organizations: choose one');
		expect(eventCalls()).toEqual([]);
		const { globex } = fixture.sim.orgs;
		log().generate(globex, 2, { startMs: Date.now() - MINUTE });
		const withDefault = await run({ returnAll: true }, fixture.msp(globex));
		expect(withDefault.json).toHaveLength(2);
		expect(eventCalls().map((call) => call.orgId)).toEqual([globex]);
	});

	it('learns the organization of a single-organization key once per execution, for every item', async () => {
		const result = await run({ limit: 1 }, fixture.singleOrg(), [{}, {}, {}]);
		expect(result.error).toBeUndefined();
		expect(fixture.calls()).toEqual(['GET /api/organizations 200', ...Array(3).fill('POST /insights/directory/v1/events 200')]);
	});
});
