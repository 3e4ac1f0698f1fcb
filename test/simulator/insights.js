// @ts-check
'use strict';
/**
 * Directory Insights in the simulator: `POST /insights/directory/v1/events`, `/events/count` and `/events/distinct`
 * (spec directoryInsights_eventsPost, _eventsCountPost, _eventsDistinctPost; fact sheet §8), over an event log per
 * organization that the directory fills as it changes.
 *
 * State: `insightsOf(sim.directory)` (class InsightsLog), one per seeding like the devices' (keyed by the
 * directory's organization table, which `reset()` replaces), so a reset empties it. Seeding records no events: the
 * log starts empty, and every change after that is recorded with the real time of day (`clock`, replaceable by a
 * test), so a trigger that starts from "now" sees the changes made after it started.
 *
 * What is recorded (directory.js calls `_record`; a change through the API is initiated by the key's admin, a
 * test's direct call by `{"type": "system"}`):
 *   user_create, user_update (with `changes`: the fields sent), user_delete, user_password_change, user_unlocked,
 *   user_password_expired, totp_delete_enrollment (Reset MFA), user_activated, user_suspended, group_create,
 *   group_update, group_delete, association_change (a user added to or removed from a user group), all
 *   service `directory`, success true; and admin_login_attempt with success false for every request whose API key
 *   is missing or unknown (a failed credential test among them), in the organization its x-org-id names, else in
 *   Acme (an unknown key names no organization; the real one would know the admin from the console login).
 *   Other services' events (logins to devices, SSO, RADIUS …) are added by tests with `add()`; `generate()` makes
 *   many at once. Event names and shapes follow the spec's "Event Types" and "Directory Attributes".
 *
 * ## Decisions where the sources are silent or "unconfirmed"
 * - Routes are org-scoped like v1/v2 (index.js): x-org-id may be left out by a single-organization key (its own
 *   organization), a multi-tenant key without it gets 401 "no organization selected", Umbrella Corp 403. One
 *   organization per request (the spec lets an MSP repeat x-org-id; not simulated: a repeated header arrives
 *   joined with commas and is refused as malformed, 400).
 * - Body: `service` (required, a non-empty list of the spec's services, else 400 naming the valid ones),
 *   `start_time` (required, RFC 3339; in the future → 400), `end_time` (optional, after start_time, else 400);
 *   start inclusive, end exclusive. `limit` 1..10000 (default 1000; a value that is not a positive whole number →
 *   the default, above 10000 → 10000), `skip` ≥ 0, `sort` ASC|DESC not case-sensitive (anything else → ASC),
 *   `fields` (a list; empty or with no known field → 400; dot notation; `id` and `timestamp` are always kept),
 *   `search_term`, `q` (full text: case-insensitive substring of the event's JSON), `exact_match` (case-sensitive
 *   substring; with `q` → 400), `exclude_provider_activity` (drops events with a `provider`), `search_after`.
 * - Order: by timestamp, then by event ID (IDs grow with recording order); DESC reverses both. `search_after` is
 *   `[<timestamp ms>, "<id>"]`: the answer continues strictly after that position. `X-Search_after` is the
 *   position of the answer's last event (of the request's own search_after, or `[]`, when the page is empty), also
 *   on the last page; with `X-Result-Count`, `X-Limit`, `X-Sort` and `X-Request-Id`.
 * - `search_term`: an object with one of `and`, `or`, `not`, each a list of terms; a term is a conjunction again,
 *   `{field: value}` or `{field: [values]}` (equals / any of), or `{field, operator, value}` with the spec's
 *   operators (eq ne contains startsWith endsWith in not_in lt gt lte gte before after). Several keys in one term
 *   must all match. Strings compare without case (JumpCloud lowercases on insert); booleans and numbers by their
 *   text. A term of another shape, or an unknown operator → 400.
 * - /events/count → `{"count": n}` over the same body (limit, skip, sort and search_after ignored).
 * - /events/distinct: `field` required (else 400) → `{"buckets": [{"key", "doc_count"}], "doc_count_error_upper_bound":
 *   0, "sum_other_doc_count": 0}`, every value (as text) with its count, most frequent first, then by key.
 * - Errors are `{"message": ...}` (the spec's ErrorMessage). /events/interval and /reports are not simulated (404).
 */

const { badRequest, valuesAt } = require('./query');

/** The spec's `service` values (EventServiceTimeQuery). */
const SERVICES = [
	'all',
	'access_management',
	'aigw',
	'ai_admin',
	'alerts',
	'asset_management',
	'directory',
	'genai',
	'generic_di',
	'ldap',
	'mdm',
	'notifications',
	'object_storage',
	'password_manager',
	'password_vault',
	'radius',
	'reports',
	'saas_app_management',
	'software',
	'sso',
	'systems',
	'workflows',
];

/** Fields events may have (the spec's attribute tables, the ones the simulator uses): `fields` must name one. */
const KNOWN_FIELDS = new Set([
	'id',
	'timestamp',
	'event_type',
	'service',
	'organization',
	'provider',
	'initiated_by',
	'resource',
	'changes',
	'association',
	'success',
	'client_ip',
	'useragent',
	'geoip',
	'auth_method',
	'mfa',
	'error_message',
	'username',
	'system',
	'application',
	'@version',
]);

const DEFAULT_LIMIT = 1000;
const MAX_LIMIT = 10_000;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** The admins behind the simulator's API keys (directory.js KEY_ACCESS names), as Insights records initiators. */
const KEY_ADMINS = {
	single: { id: '5e00000000000000000000a1', type: 'admin', email: 'it-admin@acme.example' },
	msp: { id: '5e00000000000000000000d4', type: 'admin', email: 'msp-admin@provider.example' },
};

/**
 * @typedef {Record<string, any>} InsightsEvent
 * @typedef {{ id: string, type: string, email?: string }} Initiator
 */

/** An error in the Insights shape, `{"message"}`. @param {string} message */
const insightsBadRequest = (message) => {
	const error = badRequest(message);
	error.opts.exact = { message };
	return error;
};

/** @param {unknown} v @returns {v is Record<string, any>} */
const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Text of a stored or wanted value for comparisons (JumpCloud lowercases strings on insert). @param {unknown} v */
const textOf = (v) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)).toLowerCase();

/** @param {unknown} stored @param {unknown} wanted */
function compare(stored, wanted) {
	const a = Number(stored);
	const b = Number(wanted);
	if (typeof stored !== 'boolean' && Number.isFinite(a) && Number.isFinite(b) && String(stored).trim() !== '' && String(wanted).trim() !== '') return a - b;
	const x = textOf(stored);
	const y = textOf(wanted);
	return x < y ? -1 : x > y ? 1 : 0;
}

/** @param {unknown} stored @param {unknown} wanted */
function timeCompare(stored, wanted) {
	const a = Date.parse(String(stored));
	const b = Date.parse(String(wanted));
	if (!Number.isFinite(a) || !Number.isFinite(b)) throw insightsBadRequest(`invalid timestamp in search_term: ${JSON.stringify(wanted)}`);
	return a - b;
}

/** @type {Record<string, (values: unknown[], wanted: unknown) => boolean>} */
const OPERATORS = {
	eq: (values, wanted) => values.some((v) => textOf(v) === textOf(wanted)),
	ne: (values, wanted) => !values.some((v) => textOf(v) === textOf(wanted)),
	contains: (values, wanted) => values.some((v) => textOf(v).includes(textOf(wanted))),
	startsWith: (values, wanted) => values.some((v) => textOf(v).startsWith(textOf(wanted))),
	endsWith: (values, wanted) => values.some((v) => textOf(v).endsWith(textOf(wanted))),
	in: (values, wanted) => (Array.isArray(wanted) ? wanted : [wanted]).some((w) => values.some((v) => textOf(v) === textOf(w))),
	not_in: (values, wanted) => !(Array.isArray(wanted) ? wanted : [wanted]).some((w) => values.some((v) => textOf(v) === textOf(w))),
	lt: (values, wanted) => values.some((v) => compare(v, wanted) < 0),
	gt: (values, wanted) => values.some((v) => compare(v, wanted) > 0),
	lte: (values, wanted) => values.some((v) => compare(v, wanted) <= 0),
	gte: (values, wanted) => values.some((v) => compare(v, wanted) >= 0),
	before: (values, wanted) => values.some((v) => timeCompare(v, wanted) < 0),
	after: (values, wanted) => values.some((v) => timeCompare(v, wanted) > 0),
};

/**
 * A `search_term` (or one of its terms) as a predicate over events.
 * @param {unknown} term
 * @param {string} where
 * @returns {(event: InsightsEvent) => boolean}
 */
function searchPredicate(term, where = 'search_term') {
	if (!isPlainObject(term)) throw insightsBadRequest(`${where} must be an object`);
	const keys = Object.keys(term);
	if (keys.length === 0) return () => true;
	// The explicit operator form.
	if ('field' in term && 'operator' in term) {
		const { field, operator, value } = term;
		if (typeof field !== 'string' || field === '') throw insightsBadRequest(`${where}.field must be a field name`);
		const test = OPERATORS[String(operator)];
		if (!test) throw insightsBadRequest(`${where}.operator "${operator}" is not supported (${Object.keys(OPERATORS).join(', ')})`);
		return (event) => test(valuesAt(event, field), value);
	}
	/** @type {Array<(event: InsightsEvent) => boolean>} */
	const parts = keys.map((key) => {
		const value = term[key];
		if (key === 'and' || key === 'or' || key === 'not') {
			if (!Array.isArray(value)) throw insightsBadRequest(`${where}.${key} must be a list of terms`);
			const inner = value.map((entry, index) => searchPredicate(entry, `${where}.${key}[${index}]`));
			if (key === 'and') return (/** @type {InsightsEvent} */ event) => inner.every((p) => p(event));
			if (key === 'or') return (/** @type {InsightsEvent} */ event) => inner.some((p) => p(event));
			return (/** @type {InsightsEvent} */ event) => !inner.some((p) => p(event));
		}
		if (isPlainObject(value)) throw insightsBadRequest(`${where}.${key}: a value must be a string, number, boolean or a list of them`);
		const wanted = Array.isArray(value) ? value : [value];
		return (/** @type {InsightsEvent} */ event) => OPERATORS.in(valuesAt(event, key), wanted);
	});
	return (event) => parts.every((p) => p(event));
}

/** Sort key of an event: [timestamp ms, id]. @param {InsightsEvent} event @returns {[number, string]} */
const positionOf = (event) => [Date.parse(event.timestamp), String(event.id)];

/** @param {[number, string]} a @param {[number, string]} b */
const comparePositions = (a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);

/** @param {unknown} raw @param {string} name @returns {number | undefined} */
function timeField(raw, name) {
	if (raw === undefined || raw === null) return undefined;
	if (typeof raw !== 'string' || !RFC3339.test(raw) || !Number.isFinite(Date.parse(raw))) {
		throw insightsBadRequest(`invalid ${name}: "${String(raw)}" is not an RFC3339 date (e.g. 2020-01-01T14:00:00Z)`);
	}
	return Date.parse(raw);
}

/** Projection with dot notation; `id` and `timestamp` always kept. @param {InsightsEvent} event @param {string[]} fields */
function projectEvent(event, fields) {
	/** @type {Record<string, any>} */
	const out = { id: event.id, timestamp: event.timestamp };
	for (const field of fields) {
		const parts = field.split('.');
		/** @type {any} */
		let src = event;
		/** @type {any} */
		let dst = out;
		for (let i = 0; i < parts.length; i++) {
			if (!isPlainObject(src) || !(parts[i] in src)) break;
			if (i === parts.length - 1) dst[parts[i]] = structuredClone(src[parts[i]]);
			else {
				dst[parts[i]] = isPlainObject(dst[parts[i]]) ? dst[parts[i]] : {};
				src = src[parts[i]];
				dst = dst[parts[i]];
			}
		}
	}
	return out;
}

class InsightsLog {
	/** @param {import('./directory').Directory} directory */
	constructor(directory) {
		/** @private */
		this._directory = directory;
		/** @type {Map<string, InsightsEvent[]>} events per organization, in recording order */
		this._events = new Map();
		this._counter = 0;
		this._requests = 0;
		/** The time events are recorded at (ms); a test may replace it. @type {() => number} */
		this.clock = () => Date.now();
	}

	/** A new event ID: a UUID whose last part counts up, so IDs sort in recording order. */
	_nextId() {
		this._counter += 1;
		return `5e1d0000-0000-4000-8000-${this._counter.toString(16).padStart(12, '0')}`;
	}

	/**
	 * Records an event in an organization; `id`, `timestamp` (now), `organization`, `provider`, `service`
	 * (directory) and `success` (true) are filled in unless given. Returns a copy.
	 * @param {string} orgId
	 * @param {InsightsEvent} fields
	 * @returns {InsightsEvent}
	 */
	add(orgId, fields) {
		const org = this._directory.org(orgId);
		if (!org) throw new Error(`no organization ${orgId}`);
		const timestamp = fields.timestamp === undefined ? new Date(this.clock()).toISOString() : new Date(Date.parse(fields.timestamp)).toISOString();
		/** @type {InsightsEvent} */
		const event = {
			id: this._nextId(),
			service: 'directory',
			organization: orgId,
			provider: org.provider ?? null,
			success: true,
			'@version': '1',
			...structuredClone(fields),
			timestamp,
		};
		for (const key of Object.keys(event)) if (event[key] === undefined) delete event[key];
		if (!this._events.has(orgId)) this._events.set(orgId, []);
		/** @type {InsightsEvent[]} */ (this._events.get(orgId)).push(event);
		return structuredClone(event);
	}

	/**
	 * Adds `count` events of `eventType` at once, `stepMs` apart from `startMs` (several at one timestamp when
	 * `perTimestamp` > 1), for Return All over many pages and cursor tests.
	 * @param {string} orgId
	 * @param {number} count
	 * @param {{ startMs?: number, stepMs?: number, perTimestamp?: number, eventType?: string, service?: string, fields?: InsightsEvent }} [options]
	 * @returns {InsightsEvent[]} the events added (copies)
	 */
	generate(orgId, count, { startMs = this.clock() - count * 1000, stepMs = 1000, perTimestamp = 1, eventType = 'user_login_attempt', service = 'directory', fields = {} } = {}) {
		/** @type {InsightsEvent[]} */
		const added = [];
		for (let i = 0; i < count; i++) {
			const at = startMs + Math.floor(i / perTimestamp) * stepMs;
			added.push(
				this.add(orgId, {
					event_type: eventType,
					service,
					initiated_by: { type: 'user', username: `gen${String(i + 1).padStart(5, '0')}` },
					username: `gen${String(i + 1).padStart(5, '0')}`,
					client_ip: '127.0.0.1',
					...fields,
					timestamp: new Date(at).toISOString(),
				}),
			);
		}
		return added;
	}

	/**
	 * A directory change (called by directory.js): an event initiated by the admin behind the current request's
	 * key (`directory._actor`), or by the system for a test's direct call.
	 * @param {string} orgId
	 * @param {string} eventType
	 * @param {InsightsEvent} details
	 */
	recordChange(orgId, eventType, details) {
		const actor = /** @type {any} */ (this._directory)._actor;
		return this.add(orgId, {
			event_type: eventType,
			initiated_by: actor?.initiatedBy ?? { type: 'system', id: 'simulator' },
			auth_method: actor ? 'api-key' : undefined,
			client_ip: actor?.clientIp ?? '127.0.0.1',
			...details,
		});
	}

	/**
	 * A request with a missing or unknown API key: a failed admin login, in the organization the request's x-org-id
	 * names, else in Acme.
	 * @param {string | undefined} orgHeader
	 * @param {{ clientIp?: string, userAgent?: string, keyClass: 'invalid' | 'missing' }} request
	 */
	recordFailedLogin(orgHeader, { clientIp = '127.0.0.1', userAgent, keyClass }) {
		const wanted = String(orgHeader ?? '').toLowerCase();
		const orgIds = this._directory.orgIds();
		const orgId = orgIds.includes(wanted) ? wanted : orgIds[0];
		return this.add(orgId, {
			event_type: 'admin_login_attempt',
			success: false,
			auth_method: 'api-key',
			initiated_by: { type: 'admin', id: 'unknown' },
			resource: { type: 'admin' },
			error_message: keyClass === 'missing' ? 'no api key' : 'api key user not found',
			client_ip: clientIp,
			useragent: userAgent ? { name: userAgent.split('/')[0], os: 'Other', device: 'Other' } : undefined,
		});
	}

	/** The organization's events in recording order (copies). @param {string} orgId @returns {InsightsEvent[]} */
	events(orgId) {
		return structuredClone(this._events.get(orgId) ?? []);
	}

	/**
	 * The events a query body selects, in its sort order (no paging).
	 * @param {string} orgId
	 * @param {unknown} body
	 * @param {number} nowMs
	 */
	_select(orgId, body, nowMs) {
		if (!isPlainObject(body)) throw insightsBadRequest('invalid query: the body must be a JSON object');
		const service = body.service;
		if (!Array.isArray(service) || service.length === 0 || service.some((s) => typeof s !== 'string' || !SERVICES.includes(s))) {
			throw insightsBadRequest(`invalid service: ${JSON.stringify(service ?? null)}; valid services are ${SERVICES.join(', ')}`);
		}
		if (body.start_time === undefined || body.start_time === null) throw insightsBadRequest('start_time is required');
		const start = /** @type {number} */ (timeField(body.start_time, 'start_time'));
		if (start > nowMs) throw insightsBadRequest('start_time cannot be in the future');
		const end = timeField(body.end_time, 'end_time');
		if (end !== undefined && end <= start) throw insightsBadRequest('end_time must be after start_time');
		if (body.q !== undefined && body.exact_match !== undefined) throw insightsBadRequest('use either q or exact_match, not both');
		const matches = body.search_term === undefined || body.search_term === null ? () => true : searchPredicate(body.search_term);
		const all = service.includes('all');
		const q = typeof body.q === 'string' && body.q !== '' ? body.q.toLowerCase() : undefined;
		const exact = typeof body.exact_match === 'string' && body.exact_match !== '' ? body.exact_match : undefined;
		const selected = (this._events.get(orgId) ?? []).filter((event) => {
			const at = Date.parse(event.timestamp);
			if (at < start || (end !== undefined && at >= end)) return false;
			if (!all && !service.includes(event.service)) return false;
			if (body.exclude_provider_activity === true && event.provider) return false;
			if (q !== undefined && !JSON.stringify(event).toLowerCase().includes(q)) return false;
			if (exact !== undefined && !JSON.stringify(event).includes(exact)) return false;
			return matches(event);
		});
		const descending = typeof body.sort === 'string' && body.sort.toUpperCase() === 'DESC';
		selected.sort((a, b) => comparePositions(positionOf(a), positionOf(b)) * (descending ? -1 : 1));
		return { selected, descending };
	}

	/**
	 * POST /events.
	 * @param {string} orgId
	 * @param {unknown} body
	 * @returns {{ status: number, body: InsightsEvent[], headers: Record<string, string> }}
	 */
	query(orgId, body, nowMs = this.clock()) {
		const { selected, descending } = this._select(orgId, body, nowMs);
		const b = /** @type {Record<string, any>} */ (body);
		const limit = Number.isInteger(b.limit) && b.limit > 0 ? Math.min(b.limit, MAX_LIMIT) : DEFAULT_LIMIT;
		const skip = Number.isInteger(b.skip) && b.skip > 0 ? b.skip : 0;
		/** @type {string[] | undefined} */
		let fields;
		if (b.fields !== undefined) {
			if (!Array.isArray(b.fields) || b.fields.length === 0 || !b.fields.some((f) => typeof f === 'string' && KNOWN_FIELDS.has(f.split('.')[0]))) {
				throw insightsBadRequest('invalid fields: give a non-empty list with at least one known field');
			}
			fields = b.fields.filter((f) => typeof f === 'string');
		}
		let rest = selected;
		if (b.search_after !== undefined) {
			const after = b.search_after;
			if (!Array.isArray(after) || after.length !== 2 || !Number.isFinite(Number(after[0])) || typeof after[1] !== 'string') {
				throw insightsBadRequest('invalid search_after: copy it from the X-Search_after header of the previous answer');
			}
			/** @type {[number, string]} */
			const position = [Number(after[0]), after[1]];
			rest = selected.filter((event) => comparePositions(positionOf(event), position) * (descending ? -1 : 1) > 0);
		}
		const page = rest.slice(skip, skip + limit);
		const last = page[page.length - 1];
		const searchAfter = last ? positionOf(last) : Array.isArray(b.search_after) ? b.search_after : [];
		return {
			status: 200,
			body: page.map((event) => (fields ? projectEvent(event, fields) : structuredClone(event))),
			headers: {
				'X-Result-Count': String(page.length),
				'X-Limit': String(limit),
				'X-Sort': descending ? 'DESC' : 'ASC',
				'X-Search_after': JSON.stringify(searchAfter),
				'X-Request-Id': `5e1d0000-0000-4000-9000-${(++this._requests).toString(16).padStart(12, '0')}`,
			},
		};
	}

	/** POST /events/count. @param {string} orgId @param {unknown} body */
	count(orgId, body, nowMs = this.clock()) {
		return { status: 200, body: { count: this._select(orgId, body, nowMs).selected.length } };
	}

	/** POST /events/distinct. @param {string} orgId @param {unknown} body */
	distinct(orgId, body, nowMs = this.clock()) {
		const field = isPlainObject(body) ? body.field : undefined;
		if (typeof field !== 'string' || field.trim() === '') throw insightsBadRequest('field is required');
		const { selected } = this._select(orgId, body, nowMs);
		/** @type {Map<string, number>} */
		const counts = new Map();
		for (const event of selected) {
			for (const value of new Set(valuesAt(event, field).map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))))) {
				counts.set(value, (counts.get(value) ?? 0) + 1);
			}
		}
		const buckets = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([key, doc_count]) => ({ key, doc_count }));
		return { status: 200, body: { buckets, doc_count_error_upper_bound: 0, sum_other_doc_count: 0 } };
	}
}

/** Per-seeding logs, keyed by the directory's organization table (replaced on every reset). */
const LOGS = new WeakMap();

/**
 * The Insights log of a simulator's directory (empty after each reset).
 * @param {import('./directory').Directory} directory
 * @returns {InsightsLog}
 */
function insightsOf(directory) {
	const key = /** @type {any} */ (directory)._orgs;
	let log = LOGS.get(key);
	if (!log) {
		log = new InsightsLog(directory);
		LOGS.set(key, log);
	}
	return log;
}

/** The initiator an API key's requests are recorded with. @param {'single' | 'msp'} keyName */
const initiatorOfKey = (keyName) => ({ ...KEY_ADMINS[keyName] });

/** @typedef {import('./index').Ctx} Ctx */

/** @type {Array<{ method: string, pattern: RegExp, orgScoped: boolean, handler: (c: Ctx) => { status: number, body?: unknown, headers?: Record<string, string> } }>} */
const INSIGHTS_ROUTES = [
	{
		method: 'POST',
		pattern: /^\/insights\/directory\/v1\/events$/,
		orgScoped: true,
		handler: (c) => insightsOf(c.dir).query(c.orgId, c.body),
	},
	{
		method: 'POST',
		pattern: /^\/insights\/directory\/v1\/events\/count$/,
		orgScoped: true,
		handler: (c) => insightsOf(c.dir).count(c.orgId, c.body),
	},
	{
		method: 'POST',
		pattern: /^\/insights\/directory\/v1\/events\/distinct$/,
		orgScoped: true,
		handler: (c) => insightsOf(c.dir).distinct(c.orgId, c.body),
	},
];

module.exports = { INSIGHTS_ROUTES, insightsOf, initiatorOfKey, InsightsLog, SERVICES, KEY_ADMINS, searchPredicate };
