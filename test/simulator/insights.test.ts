/**
 * The simulator's Directory Insights (insights.js): the events, count and distinct routes with the real paging
 * cursor, their validation, and the events the directory records as it changes. Every answer is checked against
 * the official Insights spec (or a listed deviation).
 */
import { createContractRun } from '../contract/run';
import { insightsOf, startSimulator } from './index';

type Sim = Awaited<ReturnType<typeof startSimulator>>;
type Event = { id: string; timestamp: string; [field: string]: unknown };

let sim: Sim;
let contract: Awaited<ReturnType<typeof createContractRun>>;

beforeAll(async () => {
	contract = await createContractRun('simulator.insights');
	sim = await startSimulator();
	sim.journal = [];
});

afterAll(async () => {
	await sim.close();
	contract.report();
});

beforeEach(() => {
	sim.reset();
	sim.journal = [];
});

afterEach(() => {
	const { unexpected } = contract.check(sim.journal!.splice(0), { requests: false });
	if (unexpected.length) throw new Error(`Simulator answers that break JumpCloud's OpenAPI specs:\n${contract.formatViolations(unexpected)}`);
});

const log = () => insightsOf(sim.directory);
const since = (ms = 3_600_000) => new Date(Date.now() - ms).toISOString();

async function post<T = unknown>(route: string, body: unknown, { key = sim.keys.single as string, org }: { key?: string; org?: string } = {}) {
	const headers: Record<string, string> = { 'content-type': 'application/json', 'x-api-key': key };
	if (org) headers['x-org-id'] = org;
	const response = await fetch(`${sim.baseUrl}/insights/directory/v1${route}`, { method: 'POST', headers, body: JSON.stringify(body) });
	const text = await response.text();
	return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T };
}

async function api(method: string, path: string, body?: unknown, key: string = sim.keys.single) {
	const response = await fetch(`${sim.baseUrl}${path}`, { method, headers: { 'x-api-key': key, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
	const text = await response.text();
	let parsed: unknown;
	try {
		parsed = text ? JSON.parse(text) : undefined;
	} catch {
		parsed = text;
	}
	return { status: response.status, body: parsed as Record<string, string> };
}

describe('simulator: Directory Insights', () => {
	it('pages with search_after until X-Result-Count is below X-Limit, in timestamp then ID order', async () => {
		const acme = sim.orgs.acme;
		const generated = log().generate(acme, 25, { startMs: Date.now() - 60_000, stepMs: 10, perTimestamp: 4 });
		const seen: string[] = [];
		let after: unknown;
		const counts: string[] = [];
		for (;;) {
			const page = await post<Event[]>('/events', { service: ['all'], start_time: since(), limit: 10, ...(after ? { search_after: after } : {}) });
			expect(page.status).toBe(200);
			counts.push(`${page.headers.get('x-result-count')}/${page.headers.get('x-limit')}`);
			expect(page.headers.get('x-sort')).toBe('ASC');
			expect(page.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
			seen.push(...page.body.map((event) => event.id));
			after = JSON.parse(String(page.headers.get('x-search_after')));
			if (Number(page.headers.get('x-result-count')) < Number(page.headers.get('x-limit'))) break;
		}
		expect(counts).toEqual(['10/10', '10/10', '5/10']);
		expect(seen).toEqual(generated.map((event) => event.id));
		// The header is sent on the last page too: the position of its last event.
		expect(after).toEqual([Date.parse(generated[24].timestamp), generated[24].id]);

		const newestFirst = await post<Event[]>('/events', { service: ['all'], start_time: since(), sort: 'desc', limit: 3 });
		expect(newestFirst.headers.get('x-sort')).toBe('DESC');
		expect(newestFirst.body.map((event) => event.id)).toEqual(generated.slice(-3).reverse().map((event) => event.id));
		const next = await post<Event[]>('/events', { service: ['all'], start_time: since(), sort: 'DESC', limit: 3, search_after: JSON.parse(String(newestFirst.headers.get('x-search_after'))) });
		expect(next.body.map((event) => event.id)).toEqual(generated.slice(-6, -3).reverse().map((event) => event.id));
	});

	it('applies limit defaults, skip, fields, time range, services, full text and search terms', async () => {
		const acme = sim.orgs.acme;
		const start = Date.now() - 600_000;
		log().generate(acme, 1005, { startMs: start, stepMs: 1 });
		const all = await post<Event[]>('/events', { service: ['all'], start_time: since() });
		expect(all.headers.get('x-limit')).toBe('1000');
		expect((await post<Event[]>('/events', { service: ['all'], start_time: since(), limit: 'lots' })).headers.get('x-limit')).toBe('1000');
		expect((await post<Event[]>('/events', { service: ['all'], start_time: since(), limit: 20_000 })).headers.get('x-limit')).toBe('10000');
		const skipped = await post<Event[]>('/events', { service: ['all'], start_time: since(), limit: 2, skip: 3 });
		expect(skipped.body.map((event) => event.id)).toEqual(all.body.slice(3, 5).map((event) => event.id));
		const fields = await post<Event[]>('/events', { service: ['all'], start_time: since(), limit: 1, fields: ['event_type', 'initiated_by.username'] });
		expect(fields.body).toEqual([{ id: all.body[0].id, timestamp: all.body[0].timestamp, event_type: 'user_login_attempt', initiated_by: { username: 'gen00001' } }]);
		const window = await post<Event[]>('/events', { service: ['all'], start_time: new Date(start + 10).toISOString(), end_time: new Date(start + 20).toISOString() });
		expect(window.body.map((event) => event.username)).toEqual(['gen00011', 'gen00012', 'gen00013', 'gen00014', 'gen00015', 'gen00016', 'gen00017', 'gen00018', 'gen00019', 'gen00020']);

		const at = since(60_000);
		log().add(acme, { event_type: 'sso_auth', service: 'sso', success: false, username: 'Paul', application: { name: 'AWS' }, timestamp: at });
		log().add(acme, { event_type: 'radius_auth', service: 'radius', success: true, username: 'paul', timestamp: at });
		const count = async (body: Record<string, unknown>) => (await post<{ count: number }>('/events/count', { service: ['all'], start_time: since(120_000), ...body })).body.count;
		expect(await count({ service: ['sso'] })).toBe(1);
		expect(await count({ service: ['sso', 'radius'] })).toBe(2);
		expect(await count({ q: 'aws' })).toBe(1);
		expect(await count({ exact_match: 'AWS' })).toBe(1);
		expect(await count({ exact_match: 'aws' })).toBe(0);
		expect(await count({ search_term: { and: [{ username: 'paul' }, { success: 'false' }] } })).toBe(1);
		expect(await count({ search_term: { or: [{ event_type: ['sso_auth', 'radius_auth'] }] } })).toBe(2);
		expect(await count({ search_term: { and: [{ success: false }, { or: [{ 'application.name': 'aws' }, { username: 'nobody' }] }] } })).toBe(1);
		expect(await count({ search_term: { not: [{ event_type: 'sso_auth' }] }, service: ['sso', 'radius'] })).toBe(1);
		expect(await count({ search_term: { and: [{ field: 'event_type', operator: 'endsWith', value: '_AUTH' }] } })).toBe(2);
		expect(await count({ search_term: { and: [{ field: 'event_type', operator: 'not_in', value: ['sso_auth'] }, { field: 'service', operator: 'in', value: ['sso', 'radius'] }] } })).toBe(1);
		expect(await count({ search_term: { and: [{ field: 'timestamp', operator: 'after', value: since(90_000) }] } })).toBe(2);
	});

	it('refuses what the API refuses, with its {"message"} errors', async () => {
		const bad = async (body: unknown) => {
			const answer = await post<{ message: string }>('/events', body);
			expect(answer.status).toBe(400);
			expect(Object.keys(answer.body)).toEqual(['message']);
			return answer.body.message;
		};
		expect(await bad({ start_time: since() })).toMatch(/^invalid service: null; valid services are all, /);
		expect(await bad({ service: ['printers'], start_time: since() })).toMatch(/^invalid service/);
		expect(await bad({ service: ['all'] })).toBe('start_time is required');
		expect(await bad({ service: ['all'], start_time: 'yesterday' })).toMatch(/^invalid start_time/);
		expect(await bad({ service: ['all'], start_time: new Date(Date.now() + 3_600_000).toISOString() })).toBe('start_time cannot be in the future');
		expect(await bad({ service: ['all'], start_time: since(), end_time: since(7_200_000) })).toBe('end_time must be after start_time');
		expect(await bad({ service: ['all'], start_time: since(), fields: [] })).toMatch(/^invalid fields/);
		expect(await bad({ service: ['all'], start_time: since(), fields: ['nonsense'] })).toMatch(/^invalid fields/);
		expect(await bad({ service: ['all'], start_time: since(), q: 'a', exact_match: 'b' })).toBe('use either q or exact_match, not both');
		expect(await bad({ service: ['all'], start_time: since(), search_after: 'abc' })).toMatch(/^invalid search_after/);
		expect(await bad({ service: ['all'], start_time: since(), search_term: { and: [{ field: 'x', operator: 'like', value: 1 }] } })).toMatch(/operator "like" is not supported/);
		expect(await bad({ service: ['all'], start_time: since(), search_term: { and: { username: 'x' } } })).toMatch(/must be a list of terms/);
		const distinct = await post<{ message: string }>('/events/distinct', { service: ['all'], start_time: since() });
		expect(distinct).toMatchObject({ status: 400, body: { message: 'field is required' } });
	});

	it('applies the organization rules: MSP keys name one, Umbrella is 403, a key reads only its own', async () => {
		const { acme, globex, umbrella } = sim.orgs;
		log().generate(globex, 2, { startMs: Date.now() - 60_000 });
		log().generate(acme, 1, { startMs: Date.now() - 60_000 });
		expect((await post('/events', { service: ['all'], start_time: since() }, { key: sim.keys.msp })).status).toBe(401);
		expect((await post<Event[]>('/events', { service: ['all'], start_time: since() }, { key: sim.keys.msp, org: globex })).body).toHaveLength(2);
		expect(await post('/events', { service: ['all'], start_time: since() }, { key: sim.keys.msp, org: umbrella })).toMatchObject({ status: 403, body: { message: 'Forbidden: API access is disabled for this organization' } });
		expect((await post('/events', { service: ['all'], start_time: since() }, { org: globex })).status).toBe(403);
		expect((await post<Event[]>('/events', { service: ['all'], start_time: since() }, { org: acme })).body).toHaveLength(1);
		expect((await post('/events', { service: ['all'], start_time: since() }, { key: sim.keys.msp, org: `${globex}, ${acme}` })).status).toBe(400);
	});

	it('records directory changes made through the API as events of the key admin, and failed keys as failed admin logins', async () => {
		const acme = sim.orgs.acme;
		const created = await api('POST', '/api/systemusers', { username: 'rec.user', email: 'rec.user@acme.example' });
		const userId = created.body._id;
		await api('PUT', `/api/systemusers/${userId}`, { department: 'QA', password: 'Sup3r-Secret-Pass!' });
		const group = await api('POST', '/api/v2/usergroups', { name: 'Recorded' });
		await api('POST', `/api/v2/usergroups/${group.body.id}/members`, { op: 'add', type: 'user', id: userId });
		await api('POST', `/api/v2/usergroups/${group.body.id}/members`, { op: 'remove', type: 'user', id: userId });
		await api('POST', `/api/systemusers/${userId}/state/suspend`);
		await api('POST', `/api/systemusers/${userId}/unlock`);
		await api('DELETE', `/api/systemusers/${userId}`);
		await api('DELETE', `/api/v2/usergroups/${group.body.id}`);
		expect((await api('GET', '/api/organizations', undefined, 'wrong-key-0000000000000000')).status).toBe(401);
		// A refused change records nothing.
		expect((await api('POST', '/api/systemusers', { username: 'no email' })).status).toBe(400);

		const events = log().events(acme);
		expect(events.map((event) => event.event_type)).toEqual([
			'user_create',
			'user_update',
			'user_password_change',
			'group_create',
			'association_change',
			'association_change',
			'user_suspended',
			'user_unlocked',
			'user_delete',
			'group_delete',
			'admin_login_attempt',
		]);
		expect(events[0]).toEqual(
			expect.objectContaining({
				service: 'directory',
				organization: acme,
				success: true,
				resource: { type: 'user', id: userId, username: 'rec.user', email: 'rec.user@acme.example' },
				initiated_by: { id: expect.any(String), type: 'admin', email: 'it-admin@acme.example' },
			}),
		);
		expect(events[1].changes).toEqual([{ field: 'department' }]);
		expect(JSON.stringify(events)).not.toContain('Sup3r-Secret-Pass!');
		expect(events[4].association).toEqual({ op: 'add', connection: { from: { type: 'user_group', id: group.body.id, name: 'Recorded' }, to: expect.objectContaining({ type: 'user', id: userId }) } });
		expect(events[10]).toEqual(expect.objectContaining({ success: false, error_message: 'api key user not found', resource: { type: 'admin' } }));
		// Through the API, with the real timestamps (the trigger starts from now).
		const read = await post<Event[]>('/events', { service: ['directory'], start_time: since(60_000) });
		expect(read.body.map((event) => event.id)).toEqual(events.map((event) => event.id));
		const distinct = await post<{ buckets: Array<{ key: string; doc_count: number }> }>('/events/distinct', { service: ['all'], start_time: since(60_000), field: 'event_type' });
		expect(distinct.body.buckets[0]).toEqual({ key: 'association_change', doc_count: 2 });
		// Seeding records nothing; a reset empties the log.
		sim.reset();
		expect(log().events(acme)).toEqual([]);
	});
});
