import { createContractRun } from '../contract/run';
import { startSimulator } from './index';

type Sim = Awaited<ReturnType<typeof startSimulator>>;

interface User {
	_id: string;
	id: string;
	username: string;
	email: string;
	state: string;
	organization: string;
	manager?: string;
	[k: string]: unknown;
}
interface UserList {
	totalCount: number;
	results: User[];
}
interface Group {
	id: string;
	name: string;
	type: string;
	[k: string]: unknown;
}
interface ErrorBody {
	message: string;
	code?: number;
	status?: string;
	[k: string]: unknown;
}
interface Edge {
	to: { id: string; type: string; attributes: unknown };
	attributes: unknown;
}
interface MemberOf {
	id: string;
	type: string;
	paths: Array<Array<{ to: { id: string; type: string } }>>;
}

interface CallOpts {
	key?: 'single' | 'msp' | 'none' | { raw: string };
	org?: string;
	body?: unknown;
	rawBody?: string;
	headers?: Record<string, string>;
}
interface Resp<T> {
	status: number;
	headers: Headers;
	text: string;
	body: T;
}

let sim: Sim;
const seen: string[] = [];

async function call<T = unknown>(method: string, path: string, opts: CallOpts = {}): Promise<Resp<T>> {
	const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
	const key = opts.key ?? 'single';
	if (key === 'single') headers['x-api-key'] = sim.keys.single;
	else if (key === 'msp') headers['x-api-key'] = sim.keys.msp;
	else if (key !== 'none') headers['x-api-key'] = key.raw;
	if (opts.org !== undefined) headers['x-org-id'] = opts.org;
	let payload: string | undefined;
	if (opts.rawBody !== undefined) payload = opts.rawBody;
	else if (opts.body !== undefined) payload = JSON.stringify(opts.body);
	if (payload !== undefined) headers['content-type'] = 'application/json';
	const res = await fetch(sim.baseUrl + path, { method, headers, body: payload });
	const text = await res.text();
	const headerPairs: string[] = [];
	res.headers.forEach((value, name) => headerPairs.push(`${name}: ${value}`));
	seen.push(text, headerPairs.join('\n'));
	let body: unknown = undefined;
	if (text) {
		try {
			body = JSON.parse(text);
		} catch {
			body = text;
		}
	}
	return { status: res.status, headers: res.headers, text, body: body as T };
}

const get = <T>(path: string, opts?: CallOpts) => call<T>('GET', path, opts);

let contract: Awaited<ReturnType<typeof createContractRun>>;

beforeAll(async () => {
	contract = await createContractRun('simulator');
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

// These tests send wrong requests on purpose; every answer the simulator gives must still be one the official
// specs (or the known deviations) allow.
afterEach(() => {
	const { unexpected } = contract.check(sim.journal!.splice(0), { requests: false });
	if (unexpected.length) throw new Error(`Simulator answers that break JumpCloud's OpenAPI specs:\n${contract.formatViolations(unexpected)}`);
});

function userId(username: string, org: string = sim.orgs.acme): string {
	const u = sim.directory.userByUsername(org, username);
	if (!u) throw new Error(`no seeded user ${username}`);
	return u._id as string;
}
function groupId(name: string, org: string = sim.orgs.acme): string {
	const g = sim.directory.groupByName(org, name);
	if (!g) throw new Error(`no seeded group ${name}`);
	return g.id as string;
}

describe('auth and organizations', () => {
	it('rejects a missing or unknown key with the observed 401 body', async () => {
		const missing = await get<ErrorBody>('/api/systemusers', { key: 'none' });
		expect(missing.status).toBe(401);
		expect(missing.body).toEqual({ error: 'Unauthorized', message: 'Unauthorized: api key user not found' });
		const unknown = await get<ErrorBody>('/api/v2/usergroups', { key: { raw: 'not-a-real-key' } });
		expect(unknown.status).toBe(401);
		expect(unknown.body.message).toBe('Unauthorized: api key user not found');
		expect(sim.requests.map((r) => r.apiKey)).toEqual(['missing', 'invalid']);
	});

	it('requires x-org-id for the MSP key and scopes data to that org', async () => {
		const noOrg = await get<ErrorBody>('/api/systemusers', { key: 'msp' });
		expect(noOrg.status).toBe(401);
		expect(noOrg.body).toEqual({ message: 'Unauthorized: no organization selected' });
		const v2NoOrg = await get<ErrorBody>('/api/v2/usergroups', { key: 'msp' });
		expect(v2NoOrg.status).toBe(401);

		const globex = await get<UserList>('/api/systemusers?limit=100', { key: 'msp', org: sim.orgs.globex });
		expect(globex.status).toBe(200);
		expect(globex.body.totalCount).toBe(8);
		expect(globex.body.results.map((u) => u.username)).toContain('gadmin');
		expect(globex.body.results.every((u) => u.organization === sim.orgs.globex)).toBe(true);
		expect(globex.body.results.map((u) => u.username)).not.toContain('jdoe');

		const initech = await get<Group[]>('/api/v2/usergroups', { key: 'msp', org: sim.orgs.initech });
		expect(initech.body.map((g) => g.name)).toEqual(['TPS Reports', 'All Staff']);

		expect((await get('/api/systemusers', { key: 'msp', org: sim.orgs.acme })).status).toBe(403);
		expect((await get('/api/systemusers', { key: 'msp', org: 'not-hex' })).status).toBe(400);
		expect((await get('/api/systemusers', { key: 'msp', org: 'ffffffffffffffffffffffff' })).status).toBe(404);
		// an acme group id is invisible from globex
		expect((await get(`/api/v2/usergroups/${groupId('Engineering')}`, { key: 'msp', org: sim.orgs.globex })).status).toBe(404);
	});

	it('lets the single-org key omit x-org-id or send its own org only', async () => {
		const own = await get<UserList>('/api/systemusers', { org: sim.orgs.acme });
		expect(own.status).toBe(200);
		expect(own.body.totalCount).toBe(132);
		const other = await get<ErrorBody>('/api/systemusers', { org: sim.orgs.globex });
		expect(other.status).toBe(403);
		expect(other.body.message).toMatch(/^Forbidden/);
	});

	it('lists organizations per key and forbids x-org-id there', async () => {
		const msp = await get<{ totalCount: number; results: Array<Record<string, unknown>> }>('/api/organizations', {
			key: 'msp',
		});
		expect(msp.body).toEqual({
			totalCount: 3,
			results: [
				{ _id: sim.orgs.globex, displayName: 'Globex Corporation', logoUrl: null },
				{ _id: sim.orgs.initech, displayName: 'Initech', logoUrl: null },
				{ _id: sim.orgs.umbrella, displayName: 'Umbrella Corp', logoUrl: null },
			],
		});
		const single = await get<{ results: Array<{ _id: string }> }>('/api/organizations');
		expect(single.body.results.map((o) => o._id)).toEqual([sim.orgs.acme]);

		const forbidden = await get<ErrorBody>('/api/organizations', { key: 'msp', org: sim.orgs.globex });
		expect(forbidden.status).toBe(403);
		expect(forbidden.body.message).toMatch(/^Forbidden: /);
		expect((await get(`/api/v2/providers/${sim.providerId}/organizations`, { key: 'msp', org: sim.orgs.globex })).status).toBe(403);

		const org = await get<{ _id: string; settings: { passwordPolicy: { minLength: number } } }>(
			`/api/organizations/${sim.orgs.initech}`,
			{ key: 'msp' },
		);
		expect(org.status).toBe(200);
		expect(org.body.settings.passwordPolicy.minLength).toBe(8);
		expect((await get(`/api/organizations/${sim.orgs.acme}`, { key: 'msp' })).status).toBe(404);
	});

	it('redacts a key even where the client placed it into an echoed value', async () => {
		const r = await get<ErrorBody>(`/api/systemusers/${sim.keys.msp}`);
		expect(r.status).toBe(400);
		expect(r.body.message).toContain('[redacted]');
		expect(r.text).not.toContain(sim.keys.msp);
		expect(sim.requests[0].path).toBe(`/api/systemusers/${sim.keys.msp}`);
	});

	it('searches organizations with POST /search/organizations (no x-org-id allowed)', async () => {
		const r = await call<{ totalCount: number; results: Array<Record<string, unknown>> }>('POST', '/api/search/organizations', {
			key: 'msp',
			body: { searchFilter: { searchTerm: 'INITECH', fields: ['displayName'] } },
		});
		expect(r.status).toBe(200);
		expect(r.body).toEqual({ totalCount: 1, results: [{ _id: sim.orgs.initech, displayName: 'Initech', logoUrl: null }] });
		const sample = await call<{ results: Array<Record<string, unknown>> }>('POST', '/api/search/organizations', {
			key: 'msp',
			body: { search: { fields: ['settings.name'], searchTerm: 'globex' }, fields: ['_id', 'displayName'], limit: 0, skip: 0 },
		});
		expect(sample.body.results).toEqual([{ _id: sim.orgs.globex, displayName: 'Globex Corporation' }]);
		const single = await call<{ totalCount: number }>('POST', '/api/search/organizations', { body: {} });
		expect(single.body.totalCount).toBe(1);
		expect((await call('POST', '/api/search/organizations', { key: 'msp', org: sim.orgs.globex, body: {} })).status).toBe(403);
	});

	it('answers unknown routes with 404 Not Found and bad JSON with 400', async () => {
		const nf = await get<ErrorBody>('/api/nope');
		expect(nf.status).toBe(404);
		expect(nf.body.message).toBe('Not Found');
		const badJson = await call<ErrorBody>('POST', '/api/systemusers', { rawBody: '{"username":' });
		expect(badJson.status).toBe(400);
	});
});

describe('v1 system users: list, paging, sort, filters', () => {
	it('returns {totalCount, results} with a default page of 10', async () => {
		const r = await get<UserList>('/api/systemusers');
		expect(r.status).toBe(200);
		expect(Object.keys(r.body).sort()).toEqual(['results', 'totalCount']);
		expect(r.body.totalCount).toBe(132);
		expect(r.body.results).toHaveLength(10);
		expect(r.body.results[0]).toMatchObject({ username: 'msmith', email: 'mary.smith@acme.example' });
		expect(r.body.results[0]._id).toMatch(/^[0-9a-f]{24}$/);
		expect(r.body.results.some((u) => 'password' in u)).toBe(false);
	});

	it('rejects limit over 100 and malformed paging values', async () => {
		const r = await get<ErrorBody>('/api/systemusers?limit=101');
		expect(r.status).toBe(400);
		expect(r.body.message).toBe('Bad Request: request parameter "limit" exceeds maximum value of 100');
		expect((await get('/api/systemusers?limit=-1')).status).toBe(400);
		expect((await get('/api/systemusers?limit=ten')).status).toBe(400);
		expect((await get('/api/systemusers?skip=-5')).status).toBe(400);
		expect((await get('/api/systemusers?limit=100')).status).toBe(200);
	});

	it('pages over all 132 users with skip + sort=_id without duplicates', async () => {
		const ids: string[] = [];
		for (let skip = 0; ; skip += 100) {
			const r = await get<UserList>(`/api/systemusers?limit=100&skip=${skip}&sort=_id&fields=_id`);
			ids.push(...r.body.results.map((u) => u._id));
			expect(r.body.totalCount).toBe(132);
			if (r.body.results.length < 100) break;
		}
		expect(ids).toHaveLength(132);
		expect(new Set(ids).size).toBe(132);
		expect([...ids].sort()).toEqual(ids);
	});

	it('sorts descending and by several space-separated keys, and projects fields', async () => {
		const desc = await get<UserList>('/api/systemusers?sort=-username&limit=2&fields=username');
		expect(desc.body.results).toEqual([
			{ _id: userId('user130'), username: 'user130' },
			{ _id: userId('user129'), username: 'user129' },
		]);
		const multi = await get<UserList>('/api/systemusers?sort=department%20-username&limit=1&fields=username+department');
		expect(multi.body.results[0]).toEqual({ _id: userId('user127'), department: 'Engineering', username: 'user127' });
	});

	it('supports $eq, $ne, $in with |, $sw, AND and OR filters', async () => {
		const eq = await get<UserList>('/api/systemusers?filter=username:$eq:jdoe');
		expect(eq.body.totalCount).toBe(1);
		expect(eq.body.results[0]).toMatchObject({ email: 'jane.doe@acme.example', manager: userId('msmith') });

		const caseSensitive = await get<UserList>('/api/systemusers?filter=username:$eq:JDOE');
		expect(caseSensitive.body.totalCount).toBe(0);

		const inDept = await get<UserList>(`/api/systemusers?filter=${encodeURIComponent('department:$in:Finance|IT')}`);
		expect(inDept.body.totalCount).toBe(42);

		const sw = await get<UserList>('/api/systemusers?filter=username:$sw:user12&limit=100&fields=username');
		expect(sw.body.results.map((u) => u.username)).toEqual(
			Array.from({ length: 10 }, (_, i) => `user12${i}`),
		);

		const and = await get<UserList>('/api/systemusers?filter[0]=department:$eq:Sales&filter[1]=state:$eq:SUSPENDED&limit=100');
		expect(and.body.results.map((u) => u.username)).toEqual(['user050']);

		const repeated = await get<UserList>('/api/systemusers?filter=department:$eq:Sales&filter=state:$ne:ACTIVATED&limit=100');
		expect(repeated.body.results.map((u) => u.username)).toEqual(['user050', 'user128']);

		const or = await get<UserList>(
			'/api/systemusers?filter[or][0]=username:$eq:jdoe&filter[or][1]=username:$eq:msmith&sort=username',
		);
		expect(or.body.results.map((u) => u.username)).toEqual(['jdoe', 'msmith']);

		const staged = await get<UserList>('/api/systemusers?filter=state:$eq:STAGED&fields=username');
		expect(staged.body.results.map((u) => u.username)).toEqual(['user064', 'user128']);

		const bad = await get<ErrorBody>('/api/systemusers?filter=username:eq:jdoe');
		expect(bad.status).toBe(400);
	});

	it('honours escaped pipes in $in', async () => {
		await call('POST', '/api/systemusers', { body: { username: 'piper', email: 'piper@acme.example', department: 'R|D' } });
		const r = await get<UserList>(`/api/systemusers?filter=${encodeURIComponent('department:$in:R\\|D|Nothing')}`);
		expect(r.body.results.map((u) => u.username)).toEqual(['piper']);
	});

	it('decodes a raw + as a space while %2B matches a plus in an email', async () => {
		const created = await call<User>('POST', '/api/systemusers', {
			body: { username: 'plus', email: 'jane+test@acme.example' },
		});
		expect(created.status).toBe(200);
		const encoded = await get<UserList>('/api/systemusers?filter=email:$eq:jane%2Btest@acme.example');
		expect(encoded.body.results.map((u) => u.username)).toEqual(['plus']);
		const raw = await get<UserList>('/api/systemusers?filter=email:$eq:jane+test@acme.example');
		expect(raw.body.totalCount).toBe(0);
		expect(sim.requests[sim.requests.length - 1].query.filter).toBe('email:$eq:jane test@acme.example');
	});

	it('supports the v1 search query parameter as a nested object', async () => {
		const r = await get<UserList>('/api/systemusers?search[searchTerm]=MARY&search[fields][]=email&fields=username');
		expect(r.body.results.map((u) => u.username)).toEqual(['msmith']);
		const json = await get<UserList>(
			`/api/systemusers?search=${encodeURIComponent(JSON.stringify({ searchTerm: 'doe', fields: ['lastname'] }))}`,
		);
		expect(json.body.results.map((u) => u.username)).toEqual(['jdoe']);
	});

	it('gets one user, 404 for unknown, 400 for a malformed id', async () => {
		const one = await get<User>(`/api/systemusers/${userId('jdoe')}?fields=username`);
		expect(one.body).toEqual({ _id: userId('jdoe'), username: 'jdoe' });
		const unknown = await get<ErrorBody>('/api/systemusers/0123456789abcdef01234567');
		expect(unknown.status).toBe(404);
		expect(unknown.body.message).toBe('Not Found');
		expect((await get('/api/systemusers/nothex')).status).toBe(400);
	});
});

describe('v1 system users: writes', () => {
	it('creates a user (200) with server defaults and never returns the password', async () => {
		const r = await call<User>('POST', '/api/systemusers', {
			body: { username: 'newbie', email: 'newbie@acme.example', firstname: 'New', password: 'longenough1' },
		});
		expect(r.status).toBe(200);
		expect(r.body).toMatchObject({
			username: 'newbie',
			email: 'newbie@acme.example',
			firstname: 'New',
			organization: sim.orgs.acme,
			state: 'ACTIVATED',
			activated: true,
			account_locked: false,
			password_expired: false,
			attributes: [],
			addresses: [],
			phoneNumbers: [],
		});
		expect(r.body.id).toBe(r.body._id);
		expect(r.body.mfa).toEqual({ configured: false, exclusion: false });
		expect(r.text).not.toContain('longenough1');
		expect('password' in r.body).toBe(false);
		expect(sim.directory.users(sim.orgs.acme)).toHaveLength(133);
		expect(sim.directory.passwordChanges.map((p) => p.userId)).toEqual([r.body._id]);
	});

	it('rejects duplicates (400, not 409), missing fields, bad enums and unknown managers', async () => {
		const dupUser = await call<ErrorBody>('POST', '/api/systemusers', { body: { username: 'jdoe', email: 'x@acme.example' } });
		expect(dupUser.status).toBe(400);
		expect(dupUser.body.message).toContain('username "jdoe" already exists');
		expect(dupUser.body.code).toBe(400);
		const dupEmail = await call<ErrorBody>('POST', '/api/systemusers', {
			body: { username: 'other', email: 'Jane.Doe@acme.example' },
		});
		expect(dupEmail.status).toBe(400);
		expect(dupEmail.body.message).toContain('email');
		expect((await call('POST', '/api/systemusers', { body: { username: 'noemail' } })).status).toBe(400);
		expect((await call('POST', '/api/systemusers', { body: { email: 'nouser@acme.example' } })).status).toBe(400);
		expect(
			(await call('POST', '/api/systemusers', { body: { username: 'st', email: 'st@acme.example', state: 'ENABLED' } })).status,
		).toBe(400);
		expect(
			(
				await call('POST', '/api/systemusers', {
					body: { username: 'mg', email: 'mg@acme.example', manager: '0123456789abcdef01234567' },
				})
			).status,
		).toBe(400);
		const staged = await call<User>('POST', '/api/systemusers', { body: { username: 'stg', email: 'stg@acme.example', state: 'STAGED' } });
		expect(staged.body).toMatchObject({ state: 'STAGED', activated: false });
		// the same username is fine in another org
		const globex = await call('POST', '/api/systemusers', { key: 'msp', org: sim.orgs.globex, body: { username: 'jdoe', email: 'jane.doe@acme.example' } });
		expect(globex.status).toBe(200);
		expect(sim.directory.users(sim.orgs.acme)).toHaveLength(133);
	});

	it('applies the password policy, with details only on request', async () => {
		const plain = await call<ErrorBody>('POST', '/api/systemusers', { body: { username: 'pw', email: 'pw@acme.example', password: 'short' } });
		expect(plain.status).toBe(400);
		expect(plain.body.message).toMatch(/^Password validation fail/);
		expect(plain.body.details).toBeUndefined();
		const detailed = await call<ErrorBody>('POST', '/api/systemusers?fullValidationDetails=password', {
			body: { username: 'pw', email: 'pw@acme.example', password: 'short' },
		});
		expect(detailed.body).toEqual({
			code: 400,
			message: 'Password validation fail',
			status: 'INVALID_ARGUMENT',
			details: [
				{
					'@type': 'type.googleapis.com/google.rpc.BadRequest',
					fieldViolationsList: [{ field: 'password', description: 'minLength' }],
				},
			],
		});
		expect(sim.directory.userByUsername(sim.orgs.acme, 'pw')).toBeUndefined();
	});

	it('PUT merges top-level fields, replaces arrays wholesale and clears the manager', async () => {
		const id = userId('jdoe');
		const r = await call<User>('PUT', `/api/systemusers/${id}`, {
			body: { jobTitle: 'Staff Engineer', phoneNumbers: [{ type: 'work', number: '+1 555 0199' }] },
		});
		expect(r.status).toBe(200);
		expect(r.body).toMatchObject({
			jobTitle: 'Staff Engineer',
			firstname: 'Jane',
			email: 'jane.doe@acme.example',
			manager: userId('msmith'),
			attributes: [{ name: 'badge', value: 'A-1001' }],
		});
		expect(r.body.phoneNumbers).toEqual([{ type: 'work', number: '+1 555 0199', id: expect.stringMatching(/^[0-9a-f]{24}$/) }]);

		const cleared = await call<User>('PUT', `/api/systemusers/${id}`, { body: { manager: '' } });
		expect(cleared.body.manager).toBeUndefined();
		expect(sim.directory.user(sim.orgs.acme, id)?.manager).toBeUndefined();
		await call('PUT', `/api/systemusers/${id}`, { body: { manager: userId('msmith') } });
		const nulled = await call<User>('PUT', `/api/systemusers/${id}`, { body: { manager: null } });
		expect(nulled.body.manager).toBeUndefined();

		const suspended = await call<User>('PUT', `/api/systemusers/${id}`, { body: { state: 'SUSPENDED' } });
		expect(suspended.body).toMatchObject({ state: 'SUSPENDED', suspended: true });
		expect((await call('PUT', `/api/systemusers/${id}`, { body: { state: 'STAGED' } })).status).toBe(400);
		const dup = await call<ErrorBody>('PUT', `/api/systemusers/${id}`, { body: { email: 'mary.smith@acme.example' } });
		expect(dup.status).toBe(400);
		expect(dup.body.message).toContain('already exists');
		expect((await call('PUT', '/api/systemusers/0123456789abcdef01234567', { body: { jobTitle: 'x' } })).status).toBe(404);
	});

	it('DELETE of a manager is a 409 unless cascade_manager is given', async () => {
		const msmith = userId('msmith');
		const conflict = await call<ErrorBody>('DELETE', `/api/systemusers/${msmith}`);
		expect(conflict.status).toBe(409);
		expect(conflict.body.message).toMatch(/manager/);
		expect(sim.directory.user(sim.orgs.acme, msmith)).toBeDefined();

		const reassigned = await call<User>('DELETE', `/api/systemusers/${userId('user002')}?cascade_manager=${msmith}`);
		expect(reassigned.status).toBe(200);
		expect(reassigned.body.username).toBe('user002');
		expect(sim.directory.user(sim.orgs.acme, userId('user008'))?.manager).toBe(msmith);

		const reports = sim.directory.users(sim.orgs.acme).filter((u) => u.manager === msmith).length;
		expect(reports).toBe(23 + 21);
		const deleted = await call<User>('DELETE', `/api/systemusers/${msmith}?cascade_manager=null`);
		expect(deleted.status).toBe(200);
		expect(deleted.body.username).toBe('msmith');
		expect(sim.directory.users(sim.orgs.acme).some((u) => u.manager === msmith)).toBe(false);
		expect(sim.directory.groupMembers(sim.orgs.acme, groupId('Engineering'))).not.toContain(msmith);
		expect((await get(`/api/systemusers/${msmith}`)).status).toBe(404);
		expect((await call('DELETE', `/api/systemusers/${userId('user003')}`)).status).toBe(200);
	});

	it('force-sets a password: 200 with an empty body, policy enforced', async () => {
		const id = userId('user003');
		const ok = await call('POST', `/api/systemusers/${id}/password`, { body: { password: 'correct horse battery' } });
		expect(ok.status).toBe(200);
		expect(ok.text).toBe('');
		const after = await get<User>(`/api/systemusers/${id}`);
		expect(after.body.password_date).toBe(sim.directory.passwordChanges[0].at);
		expect(after.text).not.toContain('correct horse');
		const short = await call<ErrorBody>('POST', `/api/systemusers/${id}/password`, { body: { password: 'abc' } });
		expect(short.status).toBe(400);
		expect(short.body.message).toMatch(/^Password validation fail/);
		expect((await call('POST', '/api/systemusers/0123456789abcdef01234567/password', { body: { password: 'longenough' } })).status).toBe(404);
	});

	it('POST /search/systemusers filters and substring-searches', async () => {
		const text = await call<UserList>('POST', '/api/search/systemusers', {
			body: { searchFilter: { searchTerm: 'JANE.DOE', fields: ['email'] }, fields: 'email username' },
		});
		expect(text.status).toBe(200);
		expect(text.body).toEqual({
			totalCount: 1,
			results: [{ _id: userId('jdoe'), email: 'jane.doe@acme.example', username: 'jdoe' }],
		});
		const multi = await call<UserList>('POST', '/api/search/systemusers?limit=100', {
			body: { searchFilter: { searchTerm: ['jdoe', 'msmith'], fields: ['username'] } },
		});
		expect(multi.body.results.map((u) => u.username)).toEqual(['msmith', 'jdoe']);
		const or = await call<UserList>('POST', '/api/search/systemusers?limit=5', {
			body: { filter: { or: [{ department: 'Finance' }, { department: 'IT' }] } },
		});
		expect(or.body.totalCount).toBe(42);
		expect(or.body.results).toHaveLength(5);
		const arr = await call<UserList>('POST', '/api/search/systemusers', {
			body: { filter: [{ department: 'Sales' }, { state: 'SUSPENDED' }] },
		});
		expect(arr.body.results.map((u) => u.username)).toEqual(['user050']);
		expect((await call('POST', '/api/search/systemusers?limit=101', { body: {} })).status).toBe(400);
	});
});

describe('v1 system users: actions (unlock, expire, resetmfa, state/activate, state/suspend)', () => {
	const userPath = (username: string, action: string) => `/api/systemusers/${userId(username)}/${action}`;
	const MISSING = '0123456789abcdef01234567';

	it('unlock: clears the seeded lock of user003, answers 200 text/plain, and is a no-op on an unlocked user', async () => {
		expect(sim.directory.userByUsername(sim.orgs.acme, 'user003')).toMatchObject({
			account_locked: true,
			account_locked_date: '2026-01-19T16:42:00.000Z',
			badLoginAttempts: 5,
		});
		const r = await call('POST', userPath('user003', 'unlock'));
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toMatch(/^text\/plain/);
		expect(r.text).toBe('OK');
		const after = await get<User>(`/api/systemusers/${userId('user003')}`);
		expect(after.body).toMatchObject({ account_locked: false, account_locked_date: null, badLoginAttempts: 0 });
		const again = await call('POST', userPath('user003', 'unlock'));
		expect([again.status, again.text]).toEqual([200, 'OK']);
		expect(sim.directory.userByUsername(sim.orgs.acme, 'user003')?.account_locked).toBe(false);
	});

	it('expire: password_expired true and password_expiration_date now; a new password clears both', async () => {
		const id = userId('user005');
		const r = await call('POST', userPath('user005', 'expire'));
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toMatch(/^text\/plain/);
		expect(r.text).toBe('OK');
		const expired = await get<User>(`/api/systemusers/${id}`);
		expect(expired.body).toMatchObject({ password_expired: true, password_expiration_date: '2026-02-01T09:00:01.000Z' });
		await call('POST', `/api/systemusers/${id}/password`, { body: { password: 'a brand new one' } });
		expect(sim.directory.user(sim.orgs.acme, id)).toMatchObject({ password_expired: false, password_expiration_date: null });
	});

	it('resetmfa without a body resets the seeded TOTP of user004 and keeps no exclusion', async () => {
		expect(sim.directory.userByUsername(sim.orgs.acme, 'user004')).toMatchObject({
			totp_enabled: true,
			mfa: { configured: true, exclusion: false },
			mfaEnrollment: { totpStatus: 'ENROLLED', overallStatus: 'ENROLLED' },
		});
		const r = await call('POST', userPath('user004', 'resetmfa'));
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toMatch(/^text\/plain/);
		expect(r.text).toBe('OK');
		const after = await get<User>(`/api/systemusers/${userId('user004')}`);
		expect(after.body.totp_enabled).toBe(false);
		expect(after.body.mfa).toEqual({ configured: false, exclusion: false });
		expect(after.body.mfaEnrollment).toEqual({
			overallStatus: 'NOT_ENROLLED',
			pushStatus: 'NOT_ENROLLED',
			totpStatus: 'NOT_ENROLLED',
			webAuthnStatus: 'NOT_ENROLLED',
		});
	});

	it('resetmfa with an exclusion: exclusionDays from now (winning over exclusionUntil), exclusionUntil, or cleared', async () => {
		const id = userId('user004');
		const days = await call('POST', userPath('user004', 'resetmfa'), {
			body: { exclusion: true, exclusionUntil: '2019-08-24T14:15:22Z', exclusionDays: 7 },
		});
		expect(days.status).toBe(200);
		expect(sim.directory.user(sim.orgs.acme, id)?.mfa).toEqual({ configured: false, exclusion: true, exclusionUntil: '2026-02-08T09:00:01.000Z' });
		await call('POST', userPath('user004', 'resetmfa'), { body: { exclusion: true, exclusionUntil: '2026-03-01T12:00:00+01:00' } });
		expect(sim.directory.user(sim.orgs.acme, id)?.mfa).toEqual({ configured: false, exclusion: true, exclusionUntil: '2026-03-01T11:00:00.000Z' });
		// no `exclusion`: the user's exclusion stays
		await call('POST', userPath('user004', 'resetmfa'), { body: {} });
		expect(sim.directory.user(sim.orgs.acme, id)?.mfa).toEqual({ configured: false, exclusion: true, exclusionUntil: '2026-03-01T11:00:00.000Z' });
		await call('POST', userPath('user004', 'resetmfa'), { body: { exclusion: false } });
		expect(sim.directory.user(sim.orgs.acme, id)?.mfa).toEqual({ configured: false, exclusion: false });
		await call('POST', userPath('user004', 'resetmfa'), { body: { exclusion: true } });
		expect(sim.directory.user(sim.orgs.acme, id)?.mfa).toEqual({ configured: false, exclusion: true });
	});

	it('resetmfa keeps overallStatus ENROLLED while another method is enrolled', async () => {
		const id = userId('user004');
		const record = (sim.directory as unknown as { _getUser(org: string, id: string): Record<string, unknown> })._getUser(sim.orgs.acme, id);
		record.mfaEnrollment = { overallStatus: 'ENROLLED', pushStatus: 'ENROLLED', totpStatus: 'ENROLLED', webAuthnStatus: 'NOT_ENROLLED' };
		expect((await call('POST', userPath('user004', 'resetmfa'))).status).toBe(200);
		expect(sim.directory.user(sim.orgs.acme, id)?.mfaEnrollment).toEqual({
			overallStatus: 'ENROLLED',
			pushStatus: 'ENROLLED',
			totpStatus: 'NOT_ENROLLED',
			webAuthnStatus: 'NOT_ENROLLED',
		});
	});

	it('resetmfa rejects a bad body with 400 and changes nothing', async () => {
		const before = sim.directory.userByUsername(sim.orgs.acme, 'user004');
		for (const body of [
			{ exclusion: true, exclusionDays: 0 },
			{ exclusion: true, exclusionDays: 0.5 },
			{ exclusion: true, exclusionDays: '3' },
			{ exclusion: 'yes' },
			{ exclusion: true, exclusionUntil: 'tomorrow' },
			{ exclusion: true, exclusionUntil: '2026-03-01' },
			[{ exclusion: true }],
		]) {
			const r = await call<ErrorBody>('POST', userPath('user004', 'resetmfa'), { body });
			expect([JSON.stringify(body), r.status, r.body.message]).toEqual([JSON.stringify(body), 400, expect.stringMatching(/^Bad Request: /)]);
		}
		expect((await call('POST', userPath('user004', 'resetmfa'), { rawBody: 'exclusion=true' })).status).toBe(400);
		expect(sim.directory.userByUsername(sim.orgs.acme, 'user004')).toEqual(before);
	});

	it('state/activate: STAGED → ACTIVATED with an activation email (no password) to the primary email', async () => {
		const id = userId('user064');
		const r = await call('POST', userPath('user064', 'state/activate'), { body: {} });
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toMatch(/^application\/json/);
		expect(r.text).toBe('"OK"');
		expect(r.body).toBe('OK');
		expect(sim.directory.user(sim.orgs.acme, id)).toMatchObject({ state: 'ACTIVATED', activated: true, suspended: false });
		expect(sim.directory.emails()).toEqual([
			{ orgId: sim.orgs.acme, userId: id, to: 'user064@acme.example', kind: 'activation', at: '2026-02-01T09:00:01.000Z' },
		]);
		// a copy: changing it changes nothing
		sim.directory.emails().pop();
		expect(sim.directory.emails()).toHaveLength(1);
		// an empty body, and the spec sample's {"email": {}}, behave like {}
		await call('POST', userPath('user128', 'state/activate'));
		expect(sim.directory.emails().map((e) => [e.to, e.kind])).toEqual([
			['user064@acme.example', 'activation'],
			['user128@acme.example', 'activation'],
		]);
		sim.reset();
		expect(sim.directory.emails()).toEqual([]);
		expect((await call('POST', userPath('user128', 'state/activate'), { body: { email: {} } })).status).toBe(200);
		expect(sim.directory.emails().map((e) => e.to)).toEqual(['user128@acme.example']);
	});

	it('state/activate: welcome email when a password is set; a given address; alternateEmail for activation; email: false sends none', async () => {
		const welcome = await call<User>('POST', '/api/systemusers', {
			body: { username: 'pwstaged', email: 'pwstaged@acme.example', state: 'STAGED', password: 'longenough1' },
		});
		await call('POST', `/api/systemusers/${welcome.body._id}/state/activate`, { body: { email: true } });
		const alternate = await call<User>('POST', '/api/systemusers', {
			body: { username: 'altstaged', email: 'altstaged@acme.example', alternateEmail: 'alt@home.example', state: 'STAGED' },
		});
		await call('POST', `/api/systemusers/${alternate.body._id}/state/activate`, { body: {} });
		await call('POST', userPath('user064', 'state/activate'), { body: { email: 'manager@acme.example' } });
		const quiet = await call('POST', userPath('user128', 'state/activate'), { body: { email: false } });
		expect(quiet.status).toBe(200);
		expect(sim.directory.user(sim.orgs.acme, userId('user128'))?.state).toBe('ACTIVATED');
		expect(sim.directory.emails().map(({ userId: id, to, kind }) => ({ id, to, kind }))).toEqual([
			{ id: welcome.body._id, to: 'pwstaged@acme.example', kind: 'welcome' },
			{ id: alternate.body._id, to: 'alt@home.example', kind: 'activation' },
			{ id: userId('user064'), to: 'manager@acme.example', kind: 'activation' },
		]);
	});

	it('state/activate: already ACTIVATED is a 200 no-op without email; SUSPENDED is a 409; a bad body is a 400', async () => {
		const before = sim.directory.userByUsername(sim.orgs.acme, 'jdoe');
		const active = await call('POST', userPath('jdoe', 'state/activate'), { body: {} });
		expect([active.status, active.body]).toEqual([200, 'OK']);
		expect(sim.directory.userByUsername(sim.orgs.acme, 'jdoe')).toEqual(before);

		const suspended = await call<ErrorBody>('POST', userPath('user025', 'state/activate'), { body: {} });
		expect(suspended.status).toBe(409);
		expect(suspended.body).toMatchObject({ code: 409, status: 'Conflict', message: expect.stringMatching(/^Conflict: user "user025" is SUSPENDED/) });
		expect(sim.directory.user(sim.orgs.acme, userId('user025'))).toMatchObject({ state: 'SUSPENDED', suspended: true });

		for (const body of [{ email: 5 }, { email: 'not-an-address' }, { email: '' }, { email: ['a@b.example'] }, { email: { address: 'a@b.example' } }, 'activate', [1]]) {
			const r = await call<ErrorBody>('POST', userPath('user064', 'state/activate'), { body });
			expect([JSON.stringify(body), r.status]).toEqual([JSON.stringify(body), 400]);
		}
		expect(sim.directory.user(sim.orgs.acme, userId('user064'))?.state).toBe('STAGED');
		expect(sim.directory.emails()).toEqual([]);
	});

	it('state/suspend: 200 without a body; SUSPENDED from any state; a non-empty body (even {}) is a 400', async () => {
		const id = userId('jdoe');
		const r = await call('POST', userPath('jdoe', 'state/suspend'));
		expect(r.status).toBe(200);
		expect(r.text).toBe('');
		expect(r.headers.get('content-type')).toBeNull();
		expect(sim.directory.user(sim.orgs.acme, id)).toMatchObject({ state: 'SUSPENDED', suspended: true, activated: true });
		const again = await call('POST', userPath('jdoe', 'state/suspend'));
		expect([again.status, again.text]).toEqual([200, '']);

		const staged = await call('POST', userPath('user064', 'state/suspend'));
		expect(staged.status).toBe(200);
		expect(sim.directory.user(sim.orgs.acme, userId('user064'))).toMatchObject({ state: 'SUSPENDED', suspended: true });

		for (const send of [{ body: {} }, { rawBody: 'null' }, { rawBody: ' ' }, { body: { state: 'SUSPENDED' } }]) {
			const bad = await call<ErrorBody>('POST', userPath('msmith', 'state/suspend'), send);
			expect([JSON.stringify(send), bad.status, bad.body.message]).toEqual([JSON.stringify(send), 400, expect.stringMatching(/^Bad Request: /)]);
		}
		expect(sim.directory.userByUsername(sim.orgs.acme, 'msmith')).toMatchObject({ state: 'ACTIVATED', suspended: false });
		// the restore path the 409 of state/activate points to
		const restored = await call<User>('PUT', `/api/systemusers/${id}`, { body: { state: 'ACTIVATED' } });
		expect(restored.body).toMatchObject({ state: 'ACTIVATED', suspended: false });
	});

	it('every action: 404 Not Found for an unknown user, 400 for a malformed id, org-scoped like the other user routes', async () => {
		const actions: Array<[string, CallOpts]> = [
			['unlock', {}],
			['expire', {}],
			['resetmfa', { body: {} }],
			['state/activate', { body: {} }],
			['state/suspend', {}],
		];
		for (const [action, opts] of actions) {
			const unknown = await call<ErrorBody>('POST', `/api/systemusers/${MISSING}/${action}`, opts);
			expect([action, unknown.status, unknown.body.message]).toEqual([action, 404, 'Not Found']);
			const malformed = await call<ErrorBody>('POST', `/api/systemusers/nothex/${action}`, opts);
			expect([action, malformed.status]).toEqual([action, 400]);
			// an Acme user is not in Globex; the MSP key needs x-org-id
			const otherOrg = await call('POST', `/api/systemusers/${userId('jdoe')}/${action}`, { ...opts, key: 'msp', org: sim.orgs.globex });
			expect([action, otherOrg.status]).toEqual([action, 404]);
			const noOrg = await call('POST', `/api/systemusers/${userId('jdoe')}/${action}`, { ...opts, key: 'msp' });
			expect([action, noOrg.status]).toEqual([action, 401]);
			// unknown method on a known path
			expect([action, (await get(`/api/systemusers/${userId('jdoe')}/${action}`)).status]).toEqual([action, 404]);
		}
		// an unknown user wins over a non-empty suspend body
		expect((await call('POST', `/api/systemusers/${MISSING}/state/suspend`, { body: {} })).status).toBe(404);
		// the MSP key acts in the org it names
		const gadmin = sim.directory.userByUsername(sim.orgs.globex, 'gadmin')!._id as string;
		expect((await call('POST', `/api/systemusers/${gadmin}/state/suspend`, { key: 'msp', org: sim.orgs.globex })).status).toBe(200);
		expect(sim.directory.user(sim.orgs.globex, gadmin)?.state).toBe('SUSPENDED');
		expect(sim.directory.userByUsername(sim.orgs.acme, 'jdoe')).toMatchObject({ state: 'ACTIVATED', account_locked: false, password_expired: false });
	});
});

describe('an organization with API access disabled (Umbrella Corp)', () => {
	const DISABLED = 'Forbidden: API access is disabled for this organization';

	it('is managed by the MSP key and seeded, with a fixed id', () => {
		expect(sim.orgs.umbrella).toBe('65a0000000000000000000e5');
		expect(sim.directory.org(sim.orgs.umbrella)).toMatchObject({ displayName: 'Umbrella Corp', provider: sim.providerId });
		expect(sim.directory.users(sim.orgs.umbrella).map((u) => u.username)).toEqual(['uadmin', 'awesker', 'wbirkin']);
		expect(sim.directory.groups(sim.orgs.umbrella).map((g) => g.name)).toEqual(['Umbrella Staff']);
		expect(sim.directory.groupMembers(sim.orgs.umbrella, groupId('Umbrella Staff', sim.orgs.umbrella))).toHaveLength(3);
	});

	it('answers every org-scoped v1 and v2 call for it with 403, changing nothing', async () => {
		const org = sim.orgs.umbrella;
		const uadmin = userId('uadmin', org);
		const staff = groupId('Umbrella Staff', org);
		const v1 = await get<ErrorBody>('/api/systemusers', { key: 'msp', org });
		expect(v1.status).toBe(403);
		expect(v1.body).toEqual({ code: 403, message: DISABLED, status: 'Forbidden' });
		const v2 = await get<ErrorBody>('/api/v2/usergroups', { key: 'msp', org });
		expect(v2.status).toBe(403);
		expect(v2.body).toEqual({ code: 403, message: DISABLED });
		const calls: Array<[string, string, CallOpts]> = [
			['GET', `/api/systemusers/${uadmin}`, {}],
			['POST', '/api/systemusers', { body: { username: 'newbie', email: 'newbie@umbrella.example' } }],
			['PUT', `/api/systemusers/${uadmin}`, { body: { jobTitle: 'x' } }],
			['DELETE', `/api/systemusers/${uadmin}`, {}],
			['POST', `/api/systemusers/${uadmin}/password`, { body: { password: 'longenough1' } }],
			['POST', `/api/systemusers/${uadmin}/state/suspend`, {}],
			['POST', `/api/systemusers/${uadmin}/unlock`, {}],
			['POST', '/api/search/systemusers', { body: {} }],
			['GET', `/api/v2/usergroups/${staff}`, {}],
			['POST', '/api/v2/usergroups', { body: { name: 'New' } }],
			['GET', `/api/v2/usergroups/${staff}/members`, {}],
			['POST', `/api/v2/usergroups/${staff}/members`, { body: { op: 'remove', type: 'user', id: uadmin } }],
			['GET', `/api/v2/users/${uadmin}/memberof`, {}],
			// even before the body and the id are looked at
			['POST', '/api/systemusers', { rawBody: '{"username":' }],
			['GET', '/api/systemusers/nothex', {}],
		];
		for (const [method, path, opts] of calls) {
			const r = await call<ErrorBody>(method, path, { ...opts, key: 'msp', org });
			expect([method, path, r.status, r.body.message]).toEqual([method, path, 403, DISABLED]);
		}
		expect(sim.directory.users(org)).toHaveLength(3);
		expect(sim.directory.user(org, uadmin)).toMatchObject({ state: 'ACTIVATED', jobTitle: 'Administrator' });
		expect(sim.directory.groups(org)).toHaveLength(1);
		expect(sim.directory.groupMembers(org, staff)).toHaveLength(3);
		// an unknown route is still a 404, and the single-org key is not let in at all
		expect((await get('/api/nope', { key: 'msp', org })).status).toBe(404);
		const single = await get<ErrorBody>('/api/systemusers', { org });
		expect([single.status, single.body.message]).toEqual([403, `Forbidden: you do not have access to organization ${org}`]);
	});

	it('is still listed for the MSP key and readable through the org-less routes', async () => {
		const list = await get<{ totalCount: number; results: Array<{ _id: string }> }>('/api/organizations', { key: 'msp' });
		expect(list.body.results.map((o) => o._id)).toEqual([sim.orgs.globex, sim.orgs.initech, sim.orgs.umbrella]);
		const search = await call<{ totalCount: number; results: Array<Record<string, unknown>> }>('POST', '/api/search/organizations', {
			key: 'msp',
			body: { searchFilter: { searchTerm: 'umbrella' } },
		});
		expect(search.body).toEqual({ totalCount: 1, results: [{ _id: sim.orgs.umbrella, displayName: 'Umbrella Corp', logoUrl: null }] });
		const all = await call<{ totalCount: number }>('POST', '/api/search/organizations', { key: 'msp', body: {} });
		expect(all.body.totalCount).toBe(3);
		const provider = await get<{ totalCount: number; results: Array<{ _id: string; displayName: string }> }>(
			`/api/v2/providers/${sim.providerId}/organizations?fields=displayName`,
			{ key: 'msp' },
		);
		expect(provider.body).toEqual({
			totalCount: 3,
			results: [
				{ _id: sim.orgs.globex, displayName: 'Globex Corporation' },
				{ _id: sim.orgs.initech, displayName: 'Initech' },
				{ _id: sim.orgs.umbrella, displayName: 'Umbrella Corp' },
			],
		});
		const one = await get<{ _id: string; displayName: string; provider: string }>(`/api/organizations/${sim.orgs.umbrella}`, { key: 'msp' });
		expect(one.status).toBe(200);
		expect(one.body).toMatchObject({ _id: sim.orgs.umbrella, displayName: 'Umbrella Corp', provider: sim.providerId });
		expect((await get(`/api/organizations/${sim.orgs.umbrella}`)).status).toBe(404);
		expect((await get('/api/organizations')).body).toMatchObject({ totalCount: 1 });
	});
});

describe('v2 user groups and membership', () => {
	it('lists groups as a bare array with x-total-count and a default page of 10', async () => {
		const r = await get<Group[]>('/api/v2/usergroups');
		expect(r.status).toBe(200);
		expect(Array.isArray(r.body)).toBe(true);
		expect(r.body).toHaveLength(10);
		expect(r.headers.get('x-total-count')).toBe('12');
		expect(r.body[0]).toMatchObject({ name: 'Engineering', type: 'user_group', membershipMethod: 'STATIC' });
		const rest = await get<Group[]>('/api/v2/usergroups?skip=10&limit=10');
		expect(rest.body.map((g) => g.name)).toEqual(['Remote Workers', 'Admins']);
		expect((await get('/api/v2/usergroups?limit=101')).status).toBe(400);
	});

	it('filters (comma-joined and repeated = AND) and sorts', async () => {
		const eq = await get<Group[]>('/api/v2/usergroups?filter=name:eq:Engineering');
		expect(eq.body.map((g) => g.id)).toEqual([groupId('Engineering')]);
		expect(eq.headers.get('x-total-count')).toBe('1');
		const search = await get<Group[]>('/api/v2/usergroups?filter=name:search:staff');
		expect(search.body.map((g) => g.name)).toEqual(['All Staff']);
		const sorted = await get<Group[]>('/api/v2/usergroups?sort=-name&limit=3&fields=name');
		expect(sorted.body).toEqual([
			{ id: groupId('VPN Users'), name: 'VPN Users' },
			{ id: groupId('Support'), name: 'Support' },
			{ id: groupId('Sales'), name: 'Sales' },
		]);
		const joined = await get<Group[]>(`/api/v2/usergroups?filter=${encodeURIComponent('name:search:s,type:eq:user_group,name:ne:Sales')}&limit=100&sort=name`);
		expect(joined.body.map((g) => g.name)).toEqual([
			'Admins',
			'All Staff',
			'Contractors',
			'Managers',
			'Remote Workers',
			'Support',
			'VPN Users',
		]);
		const repeated = await get<Group[]>('/api/v2/usergroups?filter=name:search:s&filter=name:ne:Sales&limit=100');
		expect(repeated.headers.get('x-total-count')).toBe('7');
		const sudo = await get<Group[]>('/api/v2/usergroups?filter=attributes.sudo.enabled:eq:true');
		expect(sudo.body.map((g) => g.name)).toEqual(['Admins']);
		expect((await get('/api/v2/usergroups?filter=name:$eq:Sales')).status).toBe(400);
		expect((await get('/api/v2/usergroups?filter=description:eq:x')).status).toBe(400);
	});

	it('creates (201), rejects duplicates (409), replaces and deletes (204) groups', async () => {
		const created = await call<Group>('POST', '/api/v2/usergroups', { body: { name: 'Interns', description: 'Summer' } });
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ name: 'Interns', description: 'Summer', type: 'user_group' });
		const dup = await call<ErrorBody>('POST', '/api/v2/usergroups', { body: { name: 'Interns' } });
		expect(dup.status).toBe(409);
		expect(dup.body.message).toBe('Already Exists');
		expect((await call('POST', '/api/v2/usergroups', { body: { description: 'no name' } })).status).toBe(400);
		const replaced = await call<Group>('PUT', `/api/v2/usergroups/${created.body.id}`, { body: { name: 'Interns 2026' } });
		expect(replaced.status).toBe(200);
		expect(replaced.body).toMatchObject({ id: created.body.id, name: 'Interns 2026', description: '' });
		expect((await call('PUT', `/api/v2/usergroups/${created.body.id}`, { body: { description: 'x' } })).status).toBe(400);
		const del = await call('DELETE', `/api/v2/usergroups/${created.body.id}`);
		expect(del.status).toBe(204);
		expect(del.text).toBe('');
		expect((await get(`/api/v2/usergroups/${created.body.id}`)).status).toBe(404);
	});

	it('adds (204) and removes members with 409/404 for no-op changes', async () => {
		const g = groupId('Contractors');
		const u = userId('user010');
		const path = `/api/v2/usergroups/${g}/members`;
		const add = await call('POST', path, { body: { op: 'add', type: 'user', id: u } });
		expect(add.status).toBe(204);
		expect(add.text).toBe('');
		expect(sim.directory.groupMembers(sim.orgs.acme, g)).toEqual([u]);
		const again = await call<ErrorBody>('POST', path, { body: { op: 'add', type: 'user', id: u } });
		expect(again.status).toBe(409);
		expect(again.body.message).toBe('Already Exists');
		const list = await get<Edge[]>(path);
		expect(list.body).toEqual([{ to: { id: u, type: 'user', attributes: null }, attributes: null }]);
		expect((await call('POST', path, { body: { op: 'remove', type: 'user', id: u } })).status).toBe(204);
		const gone = await call<ErrorBody>('POST', path, { body: { op: 'remove', type: 'user', id: u } });
		expect(gone.status).toBe(404);
		expect(gone.body.message).toBe('Not Found');
		expect((await call('POST', path, { body: { op: 'add', type: 'system', id: u } })).status).toBe(400);
		expect((await call('POST', path, { body: { op: 'add', id: u } })).status).toBe(400);
		expect((await call('POST', path, { body: { op: 'add', type: 'user', id: '0123456789abcdef01234567' } })).status).toBe(400);
		expect((await call('POST', '/api/v2/usergroups/0123456789abcdef01234567/members', { body: { op: 'add', type: 'user', id: u } })).status).toBe(404);
	});

	it('pages group members (default 10, All Staff has 132)', async () => {
		const path = `/api/v2/usergroups/${groupId('All Staff')}/members`;
		const first = await get<Edge[]>(path);
		expect(first.body).toHaveLength(10);
		expect(first.headers.get('x-total-count')).toBe('132');
		const p1 = await get<Edge[]>(`${path}?limit=100`);
		const p2 = await get<Edge[]>(`${path}?limit=100&skip=100`);
		expect(p1.body).toHaveLength(100);
		expect(p2.body).toHaveLength(32);
		const ids = [...p1.body, ...p2.body].map((e) => e.to.id);
		expect(new Set(ids).size).toBe(132);
		expect((await get(`${path}?limit=500`)).status).toBe(400);
	});

	it('lists a user’s groups via memberof', async () => {
		const r = await get<MemberOf[]>(`/api/v2/users/${userId('jdoe')}/memberof`);
		expect(r.status).toBe(200);
		expect(r.headers.get('x-total-count')).toBe('3');
		const names = r.body.map((m) => sim.directory.group(sim.orgs.acme, m.id)?.name);
		expect(names).toEqual(['Engineering', 'All Staff', 'VPN Users']);
		expect(r.body[0]).toEqual({
			id: groupId('Engineering'),
			type: 'user_group',
			paths: [[{ to: { id: groupId('Engineering'), type: 'user_group' }, attributes: null }]],
			compiledAttributes: null,
		});
		const filtered = await get<MemberOf[]>(`/api/v2/users/${userId('jdoe')}/memberof?filter=object_id:eq:${groupId('VPN Users')}`);
		expect(filtered.body.map((m) => m.id)).toEqual([groupId('VPN Users')]);
		expect((await get('/api/v2/users/0123456789abcdef01234567/memberof')).status).toBe(404);
	});
});

describe('simulator controls', () => {
	it('failNext returns 429 with Retry-After, then recovers', async () => {
		sim.failNext({ status: 429, count: 2, retryAfter: 3, pathPrefix: '/api/v2/' });
		const v1 = await get('/api/systemusers');
		expect(v1.status).toBe(200);
		const a = await get<ErrorBody>('/api/v2/usergroups');
		expect(a.status).toBe(429);
		expect(a.body).toEqual({ message: 'Too Many Requests' });
		expect(a.headers.get('retry-after')).toBe('3');
		expect((await get('/api/v2/usergroups', { key: 'none' })).status).toBe(429);
		expect((await get('/api/v2/usergroups')).status).toBe(200);
		sim.failNext({ status: 503, method: 'POST' });
		expect((await get('/api/v2/usergroups')).status).toBe(200);
		const p = await call<ErrorBody>('POST', '/api/v2/usergroups', { body: { name: 'X' } });
		expect(p.status).toBe(503);
		expect(sim.directory.groupByName(sim.orgs.acme, 'X')).toBeUndefined();
	});

	describe('fault injection', () => {
		const fetchOutcome = async (method: string, path: string, body?: unknown) => {
			try {
				const res = await call(method, path, { body });
				return `${res.status} ${res.text.slice(0, 20)}`;
			} catch (error) {
				return `failed: ${(error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message}`;
			}
		};

		it('applies "after" faults but breaks the answer; "before" faults apply nothing', async () => {
			const acme = sim.orgs.acme;
			sim.failNext({ fault: 'reset-before', method: 'POST' });
			expect(await fetchOutcome('POST', '/api/v2/usergroups', { name: 'A1' })).toMatch(/^failed/);
			expect(sim.directory.groupByName(acme, 'A1')).toBeUndefined();

			sim.failNext({ fault: 'html-200', method: 'POST' });
			expect(await fetchOutcome('POST', '/api/v2/usergroups', { name: 'A2' })).toBe('200 <!DOCTYPE html><html');
			expect(sim.directory.groupByName(acme, 'A2')).toBeUndefined();

			sim.failNext({ fault: '5xx-after', status: 504, method: 'POST' });
			expect(await fetchOutcome('POST', '/api/v2/usergroups', { name: 'B1' })).toBe('504 {"message":"Gateway ');
			expect(sim.directory.groupByName(acme, 'B1')).toBeDefined();

			sim.failNext({ fault: 'reset-after', method: 'POST' });
			expect(await fetchOutcome('POST', '/api/v2/usergroups', { name: 'B2' })).toMatch(/^failed/);
			expect(sim.directory.groupByName(acme, 'B2')).toBeDefined();

			sim.failNext({ fault: 'truncated', method: 'POST' });
			expect(await fetchOutcome('POST', '/api/v2/usergroups', { name: 'B3' })).toMatch(/^failed/);
			expect(sim.directory.groupByName(acme, 'B3')).toBeDefined();

			sim.failNext({ fault: 'non-json', method: 'POST' });
			const cut = await fetchOutcome('POST', '/api/v2/usergroups', { name: 'B4' });
			expect(cut).toMatch(/^200 \{/);
			expect(() => JSON.parse(cut.slice(4))).toThrow();
			expect(sim.directory.groupByName(acme, 'B4')).toBeDefined();

			expect(sim.faults.log.map((f) => f.kind)).toEqual(['reset-before', 'html-200', '5xx-after', 'reset-after', 'truncated', 'non-json']);
			expect(sim.requests.map((r) => r.fault)).toEqual(['reset-before', 'html-200', '5xx-after', 'reset-after', 'truncated', 'non-json']);
		});

		it('hangs until the client gives up', async () => {
			sim.failNext({ fault: 'hang' });
			const started = Date.now();
			await expect(fetch(`${sim.baseUrl}/api/systemusers`, { headers: { 'x-api-key': sim.keys.single }, signal: AbortSignal.timeout(200) })).rejects.toThrow();
			expect(Date.now() - started).toBeGreaterThanOrEqual(150);
		});

		it('injects random faults at the configured rate, reproducibly for a seed', async () => {
			const run = async () => {
				sim.reset();
				sim.setFaults({ rate: 0.3, seed: 42, kinds: { 429: 1, 503: 1, 'reset-before': 1 } });
				const outcomes = [];
				for (let i = 0; i < 40; i++) outcomes.push((await fetchOutcome('GET', '/api/systemusers?limit=1')).slice(0, 3));
				return outcomes;
			};
			const first = await run();
			expect(await run()).toEqual(first);
			const faults = first.filter((o) => o !== '200').length;
			expect(faults).toBeGreaterThan(4);
			expect(faults).toBeLessThan(20);
			sim.clearFailures();
			expect((await fetchOutcome('GET', '/api/systemusers?limit=1')).slice(0, 3)).toBe('200');
		});

		it('answers 429 with Retry-After once its token bucket is empty', async () => {
			sim.setRateLimit({ capacity: 3, refillPerSecond: 0.5 });
			const statuses = [];
			for (let i = 0; i < 5; i++) statuses.push((await call('GET', '/api/systemusers?limit=1')).status);
			expect(statuses).toEqual([200, 200, 200, 429, 429]);
			const limited = await call('GET', '/api/systemusers?limit=1');
			expect(limited.headers.get('retry-after')).toMatch(/^[12]$/);
			sim.setRateLimit(undefined);
			expect((await call('GET', '/api/systemusers?limit=1')).status).toBe(200);
		});
	});

	it('logs requests with key classification and without the key header', async () => {
		await call('POST', '/api/systemusers?fullValidationDetails=password&a=1&a=2', {
			body: { username: 'logme', email: 'logme@acme.example' },
			org: sim.orgs.acme,
		});
		await get('/api/v2/usergroups', { key: 'msp', org: sim.orgs.globex });
		await get('/api/systemusers', { key: { raw: 'bogus' } });
		expect(sim.requests).toHaveLength(3);
		const [post, v2, bad] = sim.requests;
		expect(post).toMatchObject({
			method: 'POST',
			path: '/api/systemusers',
			rawQuery: 'fullValidationDetails=password&a=1&a=2',
			query: { fullValidationDetails: 'password', a: ['1', '2'] },
			apiKey: 'single',
			orgId: sim.orgs.acme,
			body: { username: 'logme', email: 'logme@acme.example' },
			status: 200,
		});
		expect(post.headers['content-type']).toBe('application/json');
		expect(v2).toMatchObject({ apiKey: 'msp', orgId: sim.orgs.globex, status: 200, body: undefined });
		expect(bad).toMatchObject({ apiKey: 'invalid', status: 401, orgId: undefined });
		for (const r of sim.requests) expect(r.headers['x-api-key']).toBeUndefined();
		expect(JSON.stringify(sim.requests)).not.toContain(sim.keys.single);
		expect(JSON.stringify(sim.requests)).not.toContain(sim.keys.msp);
		sim.clearRequests();
		expect(sim.requests).toHaveLength(0);
	});

	it('is deterministic across instances and supports the demo seed', async () => {
		const other = await startSimulator({ seed: 'demo' });
		const again = await startSimulator();
		try {
			expect(again.directory.userByUsername(again.orgs.acme, 'jdoe')?._id).toBe(userId('jdoe'));
			expect(userId('msmith')).toBe('660000000000000000000001');
			expect(userId('jdoe')).toBe('660000000000000000000002');
			expect(groupId('Engineering')).toBe('670000000000000000000001');
			expect(other.directory.users(other.orgs.acme).map((u) => u.username)).toEqual([
				'msmith', 'jdoe', 'bkim', 'cgarcia', 'dpatel', 'elee', 'fnguyen', 'gbrown', 'hwilson', 'ijohnson',
			]);
			expect(other.directory.groups(other.orgs.acme).map((g) => g.name)).toEqual(['Engineering', 'All Staff', 'VPN Users', 'Sales']);
			expect(other.baseUrl).not.toBe(sim.baseUrl);
		} finally {
			await other.close();
			await again.close();
		}
	});

	it('never leaks an API key in any response body or header seen by this suite', () => {
		expect(seen.length).toBeGreaterThan(100);
		for (const s of seen) {
			expect(s).not.toContain(sim.keys.single);
			expect(s).not.toContain(sim.keys.msp);
			expect(s).not.toContain('not-a-real-key');
			expect(s).not.toContain('bogus');
		}
	});
});
