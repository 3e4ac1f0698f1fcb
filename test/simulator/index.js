// @ts-check
'use strict';
/**
 * Local JumpCloud API simulator (v1 `/api/...` and v2 `/api/v2/...`) for tests, the demo and e2e.
 * Plain CommonJS, Node built-ins only. Contract: shared/jumpcloud-api.md and the official
 * OpenAPI specs (shared/jumpcloud-openapi/v1.yaml, v2.yaml).
 *
 * ## Usage
 *   const { startSimulator, KEYS, ORGS } = require('./test/simulator');
 *   const sim = await startSimulator({ port: 0, seed: 'default' });   // 127.0.0.1 only
 *   fetch(`${sim.baseUrl}/api/systemusers`, { headers: { 'x-api-key': sim.keys.single } });
 *   await sim.close();
 *
 * Simulator members: `baseUrl`, `port`, `keys` (= KEYS), `orgs` (= ORGS), `providerId`,
 * `requests` (log), `clearRequests()`, `directory` (state, see directory.js), fault injection
 * (faults.js): `failNext(opts)`, `setFaults({rate, seed, kinds})`, `setRateLimit({capacity,
 * refillPerSecond})`, `faults.log`, `clearFailures()`; `reset()` (re-seed + clear log and faults),
 * `close()`.
 *
 * Request log entries: `{ method, path (raw, no query), query (URLSearchParams → object, repeated
 * keys → array), rawQuery, headers (lowercased, x-api-key removed), apiKey: 'single'|'msp'|
 * 'invalid'|'missing', orgId (raw x-org-id header or undefined), body (parsed JSON, raw string
 * when not JSON, undefined when empty), status (0 when no answer was sent), fault (its kind, when
 * one was injected), at (arrival, epoch ms), bytes (of the body sent), response ({status, headers,
 * text} of a complete answer, while `recordResponses` is on) }`. `GET /__simulator/requests` returns the
 * log as JSON (for a simulator in another process). `latencyMs` delays every answer;
 * `onRequest(entry)` is a test's hook; `maxInFlight` is the most requests handled at once.
 *
 * `sim.directory` (class Directory in directory.js), read helpers returning copies:
 *   users(orgId) · user(orgId, id) · userByUsername(orgId, username) · groups(orgId) ·
 *   group(orgId, id) · groupByName(orgId, name) · groupMembers(orgId, groupId) → userIds ·
 *   userGroups(orgId, userId) → groupIds · org(orgId) · orgIds() · passwordChanges (log of
 *   {orgId,userId,at,via}, never the password) · emails() (log of the emails state/activate sent:
 *   {orgId, userId, to, kind: 'welcome'|'activation', at}; `reset()` empties it).
 * Setup helpers with the same rules as the API (throw ApiError): createUser, updateUser,
 *   deleteUser, setPassword, unlockUser, expirePassword, resetMfa(orgId, id, body),
 *   activateUser(orgId, id, body), suspendUser, createGroup, replaceGroup, deleteGroup, memberOp.
 *   They ignore an organization's disabled API access (so tests can set up and inspect umbrella).
 *
 * ## Seeds (deterministic: counter ids, fixed timestamps)
 * default: ACME 132 users = msmith (Mary Smith, mary.smith@acme.example, id 66…01), jdoe
 *   (Jane Doe, jane.doe@acme.example, id 66…02, manager msmith, has phoneNumbers/addresses/
 *   attributes) and user001..user130 (userNNN@acme.example; department cycles Engineering, Sales,
 *   Support, Marketing, Finance, IT; user025/050/075/100/125 SUSPENDED, user064/128 STAGED (no
 *   password: activating them sends an activation email); user003 locked (account_locked,
 *   account_locked_date 2026-01-19T16:42:00.000Z, badLoginAttempts 5); user004 with TOTP enrolled
 *   (totp_enabled, mfa.configured, mfaEnrollment totpStatus/overallStatus ENROLLED);
 *   Engineering users report to msmith, Sales users other than user002 report to user002).
 *   12 groups (ids 67…01..67…0c): Engineering(24 members), Sales(22), Support(22), Marketing(22),
 *   Finance(21), IT(21), All Staff(132), VPN Users(22), Contractors(0), Managers(2),
 *   Remote Workers(13), Admins(1, attributes.sudo.enabled=true).
 *   GLOBEX 8 users (gadmin admin@globex.example, hscorpio, hsimpson, mlee, tnakamura, rokafor,
 *   spetrov, aschmidt) and 3 groups (Globex Staff, Engineering, Doomsday Devices).
 *   INITECH 6 users (iadmin admin@initech.example, pgibbons, mbolton, blumbergh, mwaddams,
 *   jsmykowski) and 2 groups (TPS Reports, All Staff).
 *   UMBRELLA ("Umbrella Corp", 65a0…e5, managed by the MSP key's provider, API access disabled)
 *   3 users (uadmin admin@umbrella.example, awesker, wbirkin) and 1 group (Umbrella Staff).
 * demo: ACME 10 users (msmith, jdoe, bkim, cgarcia, dpatel, elee, fnguyen, gbrown, hwilson
 *   STAGED, ijohnson SUSPENDED) and groups Engineering, All Staff, VPN Users, Sales;
 *   GLOBEX gadmin + "Globex Staff"; INITECH iadmin + "All Staff"; UMBRELLA uadmin + "Umbrella Staff".
 * Organizations per key: single → acme; MSP (provider 65b0…d4) → globex, initech, umbrella.
 *
 * ## Decisions where the sources are silent or "unconfirmed" (documented, not invented silently)
 * - Order of checks: failNext → auth (401) → x-org-id on org-less route (403) → route (404) →
 *   org resolution → org API access (403) → body JSON (400) → handler. Unknown method on a known
 *   path → 404.
 * - Auth 401 bodies are the observed ones verbatim: `{"error":"Unauthorized","message":
 *   "Unauthorized: api key user not found"}` and `{"message":"Unauthorized: no organization
 *   selected"}` (MSP key, org-scoped route, no x-org-id).
 * - x-org-id (spec preamble: 400 malformed, 401 missing for MTP, 403 unsupported route, 404 unknown
 *   org): not 24-hex → 400; well-formed but not one of the simulator's orgs → 404; an existing org
 *   the key does not manage (MSP → acme, single → globex/initech/umbrella) → 403 "Forbidden: …".
 *   Single-org key may omit it or send its own org. Empty header = absent.
 *   Any x-org-id on /api/organizations*, /api/search/organizations (its spec op declares no
 *   x-org-id), /api/v2/organizations* or /api/v2/providers* → 403.
 * - Org-wide API access disabled (fact sheet pitfall 9: "Org-wide API access can be disabled",
 *   unconfirmed; the specs have no such setting, so it is not shown in the org record): umbrella.
 *   Every org-scoped call (v1 and v2) whose x-org-id names it → 403 "Forbidden: API access is
 *   disabled for this organization" in the usual v1/v2 error shape (status and wording are the
 *   simulator's); the org still appears in GET /api/organizations, POST /api/search/organizations
 *   and the provider's organization list, and GET /api/organizations/{id} still answers (none of
 *   them is org-scoped). Listed in test/contract/known-deviations.json.
 * - Other errors: v1 `{code, message, status: <HTTP reason>}`; v2 `{code, message}` plus a
 *   lowerCamel `status` for validation errors (e.g. `nullName`), per the v2 Error schema.
 *   409 member add → message "Already Exists"; 404 → message "Not Found".
 * - Paging: `limit` default 10, max 100 (over → 400 with the observed message), negative or
 *   non-integer → 400, `limit=0` → default 10 (unconfirmed), `skip` ≥ 0.
 * - v1 filter: `field:$op:value` only (a term without `$op` → 400). `$ew $co $nco` and multi-term
 *   `$sw` need `x-eventually-consistent: true`, otherwise `$sw` is a single literal prefix and the
 *   others → 400. Booleans/numbers compare via their string form; array fields match any element.
 * - v1 `search` query param (spec: "nested object with searchTerm and fields"): accepted as JSON
 *   (`search={"searchTerm":"x","fields":["email"]}`) or brackets (`search[searchTerm]=x&
 *   search[fields][]=email`); a plain non-JSON string → 400. Text search is a case-insensitive
 *   substring; default fields when none given: username email firstname lastname displayname.
 * - POST /search/systemusers: body filter `{and|or:[…]}` or array (AND) or object (AND of keys);
 *   expressions are `{field: value}` (exact; an array value means any-of) or v1 filter strings;
 *   `limit`/`skip` come from the query string, or from the body when the query has none.
 * - POST /search/organizations: same body rules over the orgs the key can see; results
 *   `{_id, displayName, logoUrl}` unless `fields` is given; default text field displayName.
 * - v2 filter: terms split on `,` and ANDed (repeated `filter` params too); ops eq ne gt ge lt le
 *   in (`|`) search (case-insensitive substring); `between`/wildcards not simulated → 400.
 *   /usergroups only accepts the spec's filter fields (name disabled type membershipMethod
 *   memberQueryErrorFlags suggestionCounts.* attributes.sudo.*), others → 400.
 *   /users/{id}/memberof accepts `object_id` and `type`.
 * - Uniqueness per org: username and email case-insensitive, employeeIdentifier exact; group
 *   names case-insensitive. Duplicate user → 400 `Already Exists: username "jdoe" already exists`
 *   with ErrorDetails `details`; duplicate group → 409 "Already Exists".
 * - Users: unknown/read-only body fields are ignored; `manager` absent from the user when unset;
 *   `manager: ""|null` clears; `activated`/`suspended` are mirrors of `state` (`activated` =
 *   state ≠ STAGED); password policy is only `minLength` 8. `password` is never stored or returned.
 * - Member POST with an id that is not a user of this org → 400 (not 404, so a client mapping
 *   404 to "already removed" does not hide it). `op: update` on a non-member → 404.
 * - DELETE of a manager with direct reports and no `cascade_manager` → 409; deleting a user or a
 *   group removes its memberships. Group DELETE → 204.
 * - Responses never contain an API key: the known keys and the request's own x-api-key value are
 *   replaced by `[redacted]` in any response text (e.g. a key put in a path id and echoed in a 400).
 *   The request log keeps what the client sent (minus the x-api-key header).
 * - User actions (fact sheet §4.1, §4.4, §4.5, pitfall 7; spec systemusers_unlock/_expire/
 *   _resetmfa/_state_activate/_state_suspend). Org-scoped like the other user routes (the spec
 *   declares no x-org-id on state/activate and state/suspend, but its preamble requires it of
 *   multi-tenant admins on every call); malformed id → 400, unknown user → 404 "Not Found",
 *   checked before the body.
 *   · unlock, expire, resetmfa answer 200 `text/plain` "OK" (spec: 200 string, JSON or text; the
 *     text is the simulator's choice: clients must not parse it). A body sent to unlock or expire
 *     (the spec declares none) is ignored.
 *   · unlock: account_locked false, account_locked_date null, badLoginAttempts 0; an unlocked user
 *     stays as is (200).
 *   · expire: password_expired true (§4.4 simulator assumption), password_expiration_date now
 *     (again on each call); a later password write (PUT password, POST /password) sets
 *     password_expired false and password_expiration_date null.
 *   · resetmfa body (optional, JSON object): exclusion boolean, exclusionUntil RFC 3339 date-time,
 *     exclusionDays number ≥ 1 (spec: `type: number, minimum: 1`; a fraction of a day is accepted),
 *     each else 400. Always: totp_enabled false, mfa.configured false, mfaEnrollment.totpStatus
 *     NOT_ENROLLED and overallStatus NOT_ENROLLED unless another method (push, webAuthn, sms, jcGo)
 *     is ENROLLED (Unified MFA, which would also drop the push endpoint, is not simulated).
 *     `exclusion: true` → mfa.exclusion true and mfa.exclusionUntil = now + exclusionDays when
 *     given (it wins over exclusionUntil: the spec's own sample sends both), else exclusionUntil
 *     when given, else none; `exclusion: false` clears the exclusion; no `exclusion` keeps the
 *     user's exclusion (exclusionUntil/-Days are then validated but unused). A past exclusionUntil
 *     is accepted.
 *   · state/activate body: empty, `{}`, or `{"email": true|false|"<address>"}` (the spec's
 *     description). `{"email": {}}` (the spec's code sample) and `null` count as no flag; any other
 *     value, an address that is not an email, or a body that is not an object → 400. (The spec's
 *     schema types `email` as an object, contradicting its own description; the description wins
 *     here.) STAGED → ACTIVATED (state, activated, suspended). Unless
 *     `email: false`, one email is logged (`emails()`): `welcome` when the user has a password
 *     (password_date set), to the given address or else the primary email; `activation`
 *     otherwise, to the given address, else alternateEmail when set, else the primary email (the
 *     spec's description, more precise than the fact sheet). Already ACTIVATED → 200, no change, no
 *     email (assumption). SUSPENDED → 409 Conflict, no change (the spec describes only STAGED →
 *     ACTIVATED and declares 409; PUT {"state":"ACTIVATED"} is the way to restore a suspended
 *     user). Answer: 200 with the JSON string "OK" (the spec declares 200 application/json
 *     `type: string`).
 *   · state/suspend: any non-empty body (even `{}`) → 400 (spec: "Request body must be empty";
 *     pitfall 7). Any state → SUSPENDED (suspended true; activated stays state ≠ STAGED); already
 *     SUSPENDED → 200, no change. Answer: 200 with no body (the spec declares no content).
 * - Not simulated: mfa/enforce, reactivate, totpinfo, sshkeys,
 *   /usergroups/{id}/membership and associations.
 * - Directory Insights (`/insights/directory/v1/events`, `/events/count`, `/events/distinct`, served on this same
 *   host as the node's custom Base URL expects): insights.js, whose routes are in ROUTES; `insightsOf(sim.directory)`
 *   is the event log, filled as the directory changes (a change through the API is initiated by the key's admin);
 *   a request with a missing or unknown API key is also recorded, as a failed admin login. Its errors are
 *   `{"message"}`.
 * - Devices (systems, system groups, bindings, commands, Apple MDM): devices.js, whose routes are in ROUTES;
 *   `devicesOf(sim.directory)` is their state. `POST /__simulator/generate` `{"devices": N}` adds N devices to
 *   Acme at once (for a simulator in another process, like the e2e suite's); not logged.
 */

const http = require('http');
const { FaultPlan, isBefore } = require('./faults');
const { Directory, ORGS, KEYS, PROVIDER_ID, KEY_ACCESS, orgSummary, isPlainObject } = require('./directory');
const { DEVICE_ROUTES, devicesOf } = require('./devices');
const { INSIGHTS_ROUTES, insightsOf, initiatorOfKey } = require('./insights');
const {
	ApiError,
	formatError,
	badRequest,
	notFound,
	isObjectId,
	queryToObject,
	paging,
	v1QueryFilter,
	v1Term,
	v2QueryFilter,
	sortBy,
	spaceList,
	commaList,
	project,
	textSearch,
	valuesAt,
	valueEquals,
	asArray,
} = require('./query');

/**
 * @typedef {'single' | 'msp' | 'invalid' | 'missing'} ApiKeyClass
 * @typedef {{
 *   method: string,
 *   path: string,
 *   query: Record<string, string | string[]>,
 *   rawQuery: string,
 *   headers: Record<string, string | string[] | undefined>,
 *   apiKey: ApiKeyClass,
 *   orgId: string | undefined,
 *   body: any,
 *   status: number,
 *   fault?: import('./faults').FaultKind,
 *   at: number,
 *   bytes: number,
 *   response?: { status: number, headers: Record<string, string | number>, text: string },
 * }} RequestLogEntry
 * @typedef {import('./faults').FailNextOptions} FailNextOptions
 * @typedef {import('./faults').RandomFaults} RandomFaults
 * @typedef {import('./faults').RateLimit} RateLimit
 * @typedef {{ port?: number, seed?: 'default' | 'demo' }} SimulatorOptions
 * @typedef {{ status: number, body?: unknown, headers?: Record<string, string> }} HandlerResult
 * @typedef {{
 *   method: string,
 *   path: string,
 *   query: Record<string, string | string[]>,
 *   headers: import('http').IncomingHttpHeaders,
 *   body: any,
 *   rawBody: string,
 *   access: import('./directory').KeyAccess,
 *   orgId: string,
 *   params: string[],
 *   dir: Directory,
 * }} Ctx
 * @typedef {{ method: string, pattern: RegExp, orgScoped: boolean, handler: (ctx: Ctx) => HandlerResult }} Route
 */

const V1_TEXT_SEARCH_FIELDS = ['username', 'email', 'firstname', 'lastname', 'displayname'];
const GROUP_FILTER_FIELDS = new Set([
	'name',
	'disabled',
	'type',
	'membershipMethod',
	'memberQueryErrorFlags',
	'suggestionCounts.add',
	'suggestionCounts.remove',
	'suggestionCounts.total',
	'attributes.sudo.enabled',
	'attributes.sudo.withoutPassword',
]);
const ORGLESS_PREFIX = /^\/api\/(organizations|search\/organizations|v2\/organizations|v2\/providers)(\/|$)/;

/**
 * @template T
 * @param {T} v
 * @returns {T}
 */
const clone = (v) => structuredClone(v);

/** @param {Record<string, string | string[]>} q @param {string} name */
function singleParam(q, name) {
	const v = q[name];
	if (Array.isArray(v)) throw badRequest(`Bad Request: request parameter "${name}" must be given once`);
	return v;
}

/** `?fullValidationDetails=password` @param {Record<string, string | string[]>} q */
function wantsPasswordDetails(q) {
	const v = q.fullValidationDetails;
	if (v === undefined) return false;
	return asArray(v).some((s) => s.split(',').map((x) => x.trim()).includes('password'));
}

/**
 * The v1 `search` query parameter → predicate (always true when absent).
 * @param {Record<string, string | string[]>} q
 * @param {string[]} defaultFields
 */
function v1SearchParam(q, defaultFields) {
	/** @type {unknown} */
	let searchTerm;
	/** @type {unknown} */
	let fields;
	let present = false;
	for (const [key, raw] of Object.entries(q)) {
		if (key === 'search') {
			present = true;
			const s = Array.isArray(raw) ? raw[raw.length - 1] : raw;
			/** @type {unknown} */
			let parsed;
			try {
				parsed = JSON.parse(s);
			} catch {
				parsed = undefined;
			}
			if (!isPlainObject(parsed)) {
				throw badRequest(
					'Bad Request: parameter "search" must be an object: {"searchTerm": "..."|["..."], "fields": ["..."]} ' +
						'(JSON, or search[searchTerm]=...&search[fields][]=...)',
				);
			}
			searchTerm = parsed.searchTerm;
			fields = parsed.fields;
		} else if (/^search\[searchTerm\](\[\d*\])?$/.test(key)) {
			present = true;
			const vals = asArray(raw);
			searchTerm = key === 'search[searchTerm]' && vals.length === 1 ? vals[0] : [...asArray(/** @type {any} */ (searchTerm ?? [])), ...vals];
		} else if (/^search\[fields\](\[\d*\])?$/.test(key)) {
			present = true;
			const vals = asArray(raw);
			fields = key === 'search[fields]' && vals.length === 1 ? spaceList(vals[0]) : [...asArray(/** @type {any} */ (fields ?? [])), ...vals];
		} else if (key.startsWith('search[')) {
			throw badRequest(`Bad Request: invalid search parameter "${key}"`);
		}
	}
	if (!present) return () => true;
	if (searchTerm === undefined || searchTerm === '') throw badRequest('Bad Request: search.searchTerm is required');
	return textSearch(searchTerm, fields, defaultFields);
}

/**
 * Body filter of POST /search/* (spec search_systemusers_post description).
 * @param {unknown} expr
 * @param {boolean} ec
 * @returns {(r: any) => boolean}
 */
function searchBodyFilter(expr, ec) {
	if (expr === undefined || expr === null) return () => true;
	if (typeof expr === 'string') return v1Term(expr, ec);
	if (Array.isArray(expr)) {
		const preds = expr.map((e) => searchBodyFilter(e, ec));
		return (r) => preds.every((p) => p(r));
	}
	if (isPlainObject(expr)) {
		const keys = Object.keys(expr);
		if (keys.length === 1 && (keys[0] === 'and' || keys[0] === 'or')) {
			const list = expr[keys[0]];
			if (!Array.isArray(list)) throw badRequest(`Bad Request: filter.${keys[0]} must be an array`);
			const preds = list.map((e) => searchBodyFilter(e, ec));
			return keys[0] === 'and' ? (r) => preds.every((p) => p(r)) : (r) => preds.some((p) => p(r));
		}
		const preds = keys.map((field) => {
			const wanted = expr[field];
			if (wanted !== null && typeof wanted === 'object' && !Array.isArray(wanted)) {
				throw badRequest(`Bad Request: unsupported filter expression for "${field}"`);
			}
			const options = Array.isArray(wanted) ? wanted : [wanted];
			return (/** @type {any} */ r) => valuesAt(r, field).some((v) => options.some((w) => valueEquals(v, w)));
		});
		return (r) => preds.every((p) => p(r));
	}
	throw badRequest('Bad Request: filter must be an object or an array');
}

/**
 * @template T
 * @param {T[]} items
 * @param {number} skip
 * @param {number} limit
 */
const page = (items, skip, limit) => items.slice(skip, skip + limit);

// ---------------------------------------------------------------------------------------------
// Handlers

/** @param {Ctx} c @returns {HandlerResult} */
function listUsers(c) {
	const { limit, skip } = paging(c.query);
	const ec = String(c.headers['x-eventually-consistent']).toLowerCase() === 'true';
	const filter = v1QueryFilter(c.query, ec);
	const search = v1SearchParam(c.query, V1_TEXT_SEARCH_FIELDS);
	const matching = c.dir._userList(c.orgId).filter((u) => filter(u) && search(u));
	const sorted =
		c.query.sortIgnoreCase !== undefined && c.query.sort === undefined
			? sortBy(matching, spaceList(c.query.sortIgnoreCase), true)
			: sortBy(matching, spaceList(c.query.sort));
	const fields = spaceList(c.query.fields);
	const results = page(sorted, skip, limit).map((u) => project(clone(u), fields, '_id'));
	return { status: 200, body: { totalCount: sorted.length, results } };
}

/** @param {Ctx} c @returns {HandlerResult} */
function getUser(c) {
	const u = c.dir._getUser(c.orgId, c.params[0]);
	return { status: 200, body: project(clone(u), spaceList(c.query.fields), '_id') };
}

/** @param {Ctx} c @returns {HandlerResult} */
function createUser(c) {
	const u = c.dir.createUser(c.orgId, c.body, { fullValidationDetails: wantsPasswordDetails(c.query) });
	return { status: 200, body: u };
}

/** @param {Ctx} c @returns {HandlerResult} */
function updateUser(c) {
	const u = c.dir.updateUser(c.orgId, c.params[0], c.body, { fullValidationDetails: wantsPasswordDetails(c.query) });
	return { status: 200, body: u };
}

/** @param {Ctx} c @returns {HandlerResult} */
function deleteUser(c) {
	const u = c.dir.deleteUser(c.orgId, c.params[0], singleParam(c.query, 'cascade_manager'));
	return { status: 200, body: u };
}

/** @param {Ctx} c @returns {HandlerResult} */
function setPassword(c) {
	c.dir.setPassword(c.orgId, c.params[0], c.body, { fullValidationDetails: wantsPasswordDetails(c.query) });
	return { status: 200 };
}

/** 200 with a plain-text string (spec: 200 string, application/json or text/plain; fact sheet pitfall 7). */
const TEXT_OK = () => ({ status: 200, body: 'OK', headers: { 'content-type': 'text/plain; charset=utf-8' } });

/** @param {Ctx} c @returns {HandlerResult} */
function unlockUser(c) {
	c.dir.unlockUser(c.orgId, c.params[0]);
	return TEXT_OK();
}

/** @param {Ctx} c @returns {HandlerResult} */
function expirePassword(c) {
	c.dir.expirePassword(c.orgId, c.params[0]);
	return TEXT_OK();
}

/** @param {Ctx} c @returns {HandlerResult} */
function resetMfa(c) {
	c.dir.resetMfa(c.orgId, c.params[0], c.body);
	return TEXT_OK();
}

/** @param {Ctx} c @returns {HandlerResult} */
function activateUser(c) {
	c.dir.activateUser(c.orgId, c.params[0], c.body);
	// The spec declares 200 application/json with a string schema: a JSON string.
	return { status: 200, body: JSON.stringify('OK'), headers: { 'content-type': 'application/json; charset=utf-8' } };
}

/** @param {Ctx} c @returns {HandlerResult} */
function suspendUser(c) {
	c.dir._getUser(c.orgId, c.params[0]);
	if (c.rawBody.length > 0) throw badRequest('Bad Request: the request body must be empty');
	c.dir.suspendUser(c.orgId, c.params[0]);
	// The spec declares 200 without content.
	return { status: 200 };
}

/**
 * Shared body handling of POST /search/* (spec search_systemusers_post, search_organizations_post):
 * `filter`, `searchFilter` (also accepted under `search`, as in the organizations sample),
 * `fields` (space-separated string or array), `limit`/`skip` from the query string or, when the
 * query has none, from the body (the organizations sample sends them there).
 * @param {Ctx} c
 * @param {Record<string, any>[]} records
 * @param {string[]} defaultTextFields
 * @param {(r: Record<string, any>) => Record<string, any>} defaultView
 * @returns {HandlerResult}
 */
function runSearch(c, records, defaultTextFields, defaultView) {
	const body = c.body === undefined ? {} : c.body;
	if (!isPlainObject(body)) throw badRequest('Bad Request: request body must be a JSON object');
	/** @type {Record<string, string | string[]>} */
	const pagingQuery = { ...c.query };
	for (const name of ['limit', 'skip']) {
		if (pagingQuery[name] === undefined && body[name] !== undefined && body[name] !== null) {
			if (typeof body[name] !== 'number') throw badRequest(`Bad Request: "${name}" must be an integer`);
			pagingQuery[name] = String(body[name]);
		}
	}
	const { limit, skip } = paging(pagingQuery);
	const ec = String(c.headers['x-eventually-consistent']).toLowerCase() === 'true';
	const queryFilter = v1QueryFilter(c.query, ec);
	const bodyFilter = searchBodyFilter(body.filter, ec);
	/** @type {(r: any) => boolean} */
	let text = () => true;
	const searchFilter = body.searchFilter ?? body.search;
	if (searchFilter !== undefined && searchFilter !== null) {
		if (!isPlainObject(searchFilter)) throw badRequest('Bad Request: searchFilter must be an object');
		const { searchTerm, fields } = searchFilter;
		if (searchTerm === undefined || searchTerm === '') throw badRequest('Bad Request: searchFilter.searchTerm is required');
		text = textSearch(searchTerm, fields, defaultTextFields);
	}
	const matching = records.filter((r) => queryFilter(r) && bodyFilter(r) && text(r));
	/** @type {string[]} */
	let fields;
	if (typeof body.fields === 'string') fields = spaceList(body.fields);
	else if (Array.isArray(body.fields)) fields = body.fields.filter((/** @type {unknown} */ f) => typeof f === 'string');
	else fields = spaceList(c.query.fields);
	const results = page(matching, skip, limit).map((r) => (fields.length ? project(clone(r), fields, '_id') : defaultView(clone(r))));
	return { status: 200, body: { totalCount: matching.length, results } };
}

/** @param {Ctx} c @returns {HandlerResult} */
function searchUsers(c) {
	return runSearch(c, c.dir._userList(c.orgId), V1_TEXT_SEARCH_FIELDS, (u) => u);
}

/** @param {Ctx} c @returns {HandlerResult} */
function searchOrgs(c) {
	return runSearch(c, visibleOrgs(c), ['displayName'], orgSummary);
}

/** @param {Ctx} c */
function visibleOrgs(c) {
	return c.access.orgs.map((id) => /** @type {Record<string, any>} */ (c.dir.org(id)));
}

/** @param {Ctx} c @returns {HandlerResult} */
function listOrgs(c) {
	const { limit, skip } = paging(c.query);
	const filter = v1QueryFilter(c.query, false);
	const search = v1SearchParam(c.query, ['displayName']);
	const matching = visibleOrgs(c).filter((o) => filter(o) && search(o));
	const sorted =
		c.query.sortIgnoreCase !== undefined && c.query.sort === undefined
			? sortBy(matching, spaceList(c.query.sortIgnoreCase), true)
			: sortBy(matching, spaceList(c.query.sort));
	const fields = spaceList(c.query.fields);
	const results = page(sorted, skip, limit).map((o) => (fields.length ? project(o, fields, '_id') : orgSummary(o)));
	return { status: 200, body: { totalCount: sorted.length, results } };
}

/** @param {Ctx} c @returns {HandlerResult} */
function getOrg(c) {
	const id = c.params[0];
	if (!isObjectId(id)) throw badRequest(`Bad Request: invalid id "${id}": must be a 24-character hex ObjectId`);
	const org = visibleOrgs(c).find((o) => o._id === id);
	if (!org) throw notFound();
	return { status: 200, body: project(org, spaceList(c.query.fields), '_id') };
}

/** @param {Ctx} c @returns {HandlerResult} */
function providerOrgs(c) {
	const pid = c.params[0];
	if (!isObjectId(pid)) throw badRequest(`Bad Request: invalid provider id "${pid}"`, 'invalidId');
	if (c.access.providerId !== pid) throw new ApiError(403, 'Forbidden: you are not an administrator of this provider');
	const { limit, skip } = paging(c.query);
	const orgs = c.dir
		.orgIds()
		.map((id) => /** @type {Record<string, any>} */ (c.dir.org(id)))
		.filter((o) => o.provider === pid);
	const filtered = orgs.filter(v2QueryFilter(c.query, undefined));
	const sorted = sortBy(filtered, commaList(c.query.sort));
	const fields = commaList(c.query.fields);
	const results = page(sorted, skip, limit).map((o) => project(o, fields, '_id'));
	return { status: 200, body: { totalCount: sorted.length, results } };
}

/** @param {Ctx} c @returns {HandlerResult} */
function listGroups(c) {
	const { limit, skip } = paging(c.query);
	const filter = v2QueryFilter(c.query, GROUP_FILTER_FIELDS);
	const matching = c.dir._groupList(c.orgId).filter(filter);
	const sorted = sortBy(matching, commaList(c.query.sort));
	const fields = commaList(c.query.fields);
	const results = page(sorted, skip, limit).map((g) => project(clone(g), fields, 'id'));
	return { status: 200, body: results, headers: { 'x-total-count': String(sorted.length) } };
}

/** @param {Ctx} c @returns {HandlerResult} */
function getGroup(c) {
	return { status: 200, body: clone(c.dir._getGroup(c.orgId, c.params[0])) };
}

/** @param {Ctx} c @returns {HandlerResult} */
function createGroup(c) {
	return { status: 201, body: c.dir.createGroup(c.orgId, c.body) };
}

/** @param {Ctx} c @returns {HandlerResult} */
function replaceGroup(c) {
	return { status: 200, body: c.dir.replaceGroup(c.orgId, c.params[0], c.body) };
}

/** @param {Ctx} c @returns {HandlerResult} */
function deleteGroup(c) {
	c.dir.deleteGroup(c.orgId, c.params[0]);
	return { status: 204 };
}

/** @param {Ctx} c @returns {HandlerResult} */
function listMembers(c) {
	const edges = c.dir._memberEdges(c.orgId, c.params[0]);
	const { limit, skip } = paging(c.query);
	const results = page(edges, skip, limit).map(([id, attributes]) => ({
		attributes: attributes ?? null,
		to: { attributes: null, id, type: 'user' },
	}));
	return { status: 200, body: results, headers: { 'x-total-count': String(edges.length) } };
}

/** @param {Ctx} c @returns {HandlerResult} */
function memberOp(c) {
	c.dir.memberOp(c.orgId, c.params[0], c.body);
	return { status: 204 };
}

/** @param {Ctx} c @returns {HandlerResult} */
function memberOf(c) {
	const userId = c.params[0];
	if (!isObjectId(userId)) throw badRequest(`Bad Request: invalid id "${userId}": must be a 24-character hex ObjectId`, 'invalidId');
	if (!c.dir._userList(c.orgId).some((u) => u._id === userId)) throw notFound();
	const { limit, skip } = paging(c.query);
	const objects = c.dir.userGroups(c.orgId, userId).map((gid) => ({
		compiledAttributes: null,
		id: gid,
		paths: [[{ attributes: null, to: { id: gid, type: 'user_group' } }]],
		type: 'user_group',
	}));
	const filter = v2QueryFilter(c.query, new Set(['object_id', 'type']), (r, field) =>
		valuesAt(r, field === 'object_id' ? 'id' : field),
	);
	const matching = objects.filter(filter);
	const sorted = sortBy(
		matching,
		commaList(c.query.sort).map((s) => s.replace(/^(-?)object_id$/, '$1id')),
	);
	return { status: 200, body: page(sorted, skip, limit), headers: { 'x-total-count': String(sorted.length) } };
}

/** @type {Route[]} */
const ROUTES = [
	{ method: 'GET', pattern: /^\/api\/systemusers$/, orgScoped: true, handler: listUsers },
	{ method: 'POST', pattern: /^\/api\/systemusers$/, orgScoped: true, handler: createUser },
	{ method: 'GET', pattern: /^\/api\/systemusers\/([^/]+)$/, orgScoped: true, handler: getUser },
	{ method: 'PUT', pattern: /^\/api\/systemusers\/([^/]+)$/, orgScoped: true, handler: updateUser },
	{ method: 'DELETE', pattern: /^\/api\/systemusers\/([^/]+)$/, orgScoped: true, handler: deleteUser },
	{ method: 'POST', pattern: /^\/api\/systemusers\/([^/]+)\/password$/, orgScoped: true, handler: setPassword },
	{ method: 'POST', pattern: /^\/api\/systemusers\/([^/]+)\/unlock$/, orgScoped: true, handler: unlockUser },
	{ method: 'POST', pattern: /^\/api\/systemusers\/([^/]+)\/expire$/, orgScoped: true, handler: expirePassword },
	{ method: 'POST', pattern: /^\/api\/systemusers\/([^/]+)\/resetmfa$/, orgScoped: true, handler: resetMfa },
	{ method: 'POST', pattern: /^\/api\/systemusers\/([^/]+)\/state\/activate$/, orgScoped: true, handler: activateUser },
	{ method: 'POST', pattern: /^\/api\/systemusers\/([^/]+)\/state\/suspend$/, orgScoped: true, handler: suspendUser },
	{ method: 'POST', pattern: /^\/api\/search\/systemusers$/, orgScoped: true, handler: searchUsers },
	{ method: 'GET', pattern: /^\/api\/organizations$/, orgScoped: false, handler: listOrgs },
	{ method: 'POST', pattern: /^\/api\/search\/organizations$/, orgScoped: false, handler: searchOrgs },
	{ method: 'GET', pattern: /^\/api\/organizations\/([^/]+)$/, orgScoped: false, handler: getOrg },
	{ method: 'GET', pattern: /^\/api\/v2\/providers\/([^/]+)\/organizations$/, orgScoped: false, handler: providerOrgs },
	{ method: 'GET', pattern: /^\/api\/v2\/usergroups$/, orgScoped: true, handler: listGroups },
	{ method: 'POST', pattern: /^\/api\/v2\/usergroups$/, orgScoped: true, handler: createGroup },
	{ method: 'GET', pattern: /^\/api\/v2\/usergroups\/([^/]+)$/, orgScoped: true, handler: getGroup },
	{ method: 'PUT', pattern: /^\/api\/v2\/usergroups\/([^/]+)$/, orgScoped: true, handler: replaceGroup },
	{ method: 'DELETE', pattern: /^\/api\/v2\/usergroups\/([^/]+)$/, orgScoped: true, handler: deleteGroup },
	{ method: 'GET', pattern: /^\/api\/v2\/usergroups\/([^/]+)\/members$/, orgScoped: true, handler: listMembers },
	{ method: 'POST', pattern: /^\/api\/v2\/usergroups\/([^/]+)\/members$/, orgScoped: true, handler: memberOp },
	{ method: 'GET', pattern: /^\/api\/v2\/users\/([^/]+)\/memberof$/, orgScoped: true, handler: memberOf },
	// Devices, device groups, bindings, commands and Apple MDM (devices.js).
	...DEVICE_ROUTES,
	// Directory Insights events (insights.js).
	...INSIGHTS_ROUTES,
];

// ---------------------------------------------------------------------------------------------
// Server

class Simulator {
	/**
	 * @param {http.Server} server
	 * @param {number} port
	 * @param {'default' | 'demo'} seed
	 */
	constructor(server, port, seed) {
		/** @private */
		this._server = server;
		/** @private */
		this._closed = false;
		/** Faults to inject (see faults.js). */
		this.faults = new FaultPlan();
		/**
		 * A test's hook, called with each request's log entry before the request is handled: e.g. a change by
		 * someone else at exactly the moment a list is being read. `reset()` removes it.
		 * @type {((entry: RequestLogEntry) => void) | undefined}
		 */
		this.onRequest = undefined;
		/**
		 * Milliseconds every answer waits (a network and server in between); a function picks it per request.
		 * @type {number | (() => number)}
		 */
		this.latencyMs = 0;
		this.port = port;
		this.baseUrl = `http://127.0.0.1:${port}`;
		this.seed = seed;
		this.keys = { single: KEYS.single, msp: KEYS.msp };
		this.orgs = { acme: ORGS.acme, globex: ORGS.globex, initech: ORGS.initech, umbrella: ORGS.umbrella };
		this.providerId = PROVIDER_ID;
		/** @type {RequestLogEntry[]} */
		this.requests = [];
		this.directory = new Directory(seed);
		/** Requests being handled right now, and the most there were at once since the last reset. */
		this.inFlight = 0;
		this.maxInFlight = 0;
		/** Whether log entries keep the answer sent (for the contract checks); off for big benchmarks. */
		this.recordResponses = true;
		/**
		 * When a harness sets an array here, every log entry is also pushed to it, and stays there when a test
		 * empties `requests` mid-way: the contract checks see every exchange a test caused.
		 * @type {RequestLogEntry[] | undefined}
		 */
		this.journal = undefined;
	}

	/** Empty the request log (in place). */
	clearRequests() {
		this.requests.length = 0;
	}

	/**
	 * The next `count` (default 1) requests matching `method`/`pathPrefix` (both optional) get a fault before
	 * anything else (auth included): `status` (default 429) with a `{"message"}` body (or `body`) and an
	 * optional Retry-After, or another `fault` kind of faults.js (e.g. `reset-after`, `hang`, `truncated`).
	 * Rules queue up in call order.
	 * @param {FailNextOptions} opts
	 */
	failNext(opts) {
		this.faults.failNext(opts);
	}

	/**
	 * Random faults at `rate` (0..1) with a seeded mix of kinds, until cleared.
	 * @param {RandomFaults} config
	 */
	setFaults(config) {
		this.faults.setRandom(config);
	}

	/** A token-bucket rate limit answering 429 with Retry-After when empty; undefined removes it. @param {RateLimit | undefined} limit */
	setRateLimit(limit) {
		this.faults.setRateLimit(limit);
	}

	/** Drop every pending, random and rate-limit fault, and the fault log. */
	clearFailures() {
		this.faults.clear();
	}

	/** Re-seed the directory (same ids as a fresh start), clear the log and pending failures. */
	reset() {
		this.directory.reset();
		this.clearRequests();
		this.clearFailures();
		this.onRequest = undefined;
		this.latencyMs = 0;
		this.maxInFlight = this.inFlight;
	}

	/** Close the server and all open sockets. Safe to call twice. @returns {Promise<void>} */
	close() {
		if (this._closed) return Promise.resolve();
		this._closed = true;
		return new Promise((resolve, reject) => {
			this._server.close((err) => (err ? reject(err) : resolve()));
			this._server.closeAllConnections();
		});
	}

	/**
	 * Handles one request (called by the server's request listener).
	 * @param {http.IncomingMessage} req
	 * @param {http.ServerResponse} res
	 */
	async _handle(req, res) {
		const method = (req.method || 'GET').toUpperCase();
		const rawUrl = req.url || '/';
		const qIdx = rawUrl.indexOf('?');
		const path = qIdx >= 0 ? rawUrl.slice(0, qIdx) : rawUrl;
		const rawQuery = qIdx >= 0 ? rawUrl.slice(qIdx + 1) : '';
		const query = queryToObject(new URLSearchParams(rawQuery));

		/** @type {Buffer[]} */
		const chunks = [];
		for await (const chunk of req) chunks.push(/** @type {Buffer} */ (chunk));
		const text = Buffer.concat(chunks).toString('utf8');
		/** @type {any} */
		let body;
		let badJson = false;
		if (text.length > 0) {
			try {
				body = JSON.parse(text);
			} catch {
				body = text;
				badJson = true;
			}
		}

		// The test harness reads the log of a simulator running in another process (the e2e suite) here; it is
		// not part of JumpCloud's API and is not logged itself.
		if (method === 'POST' && path === '/__simulator/generate') {
			const count = Number(body?.devices ?? 0);
			if (Number.isInteger(count) && count > 0) devicesOf(this.directory).generateSystems(ORGS.acme, count);
			const out = JSON.stringify({ devices: devicesOf(this.directory).systems(ORGS.acme).length });
			res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(out) });
			res.end(out);
			return;
		}
		if (method === 'GET' && path === '/__simulator/requests') {
			const out = JSON.stringify(this.requests);
			res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(out) });
			res.end(out);
			return;
		}

		const apiKeyHeader = req.headers['x-api-key'];
		const keyValue = Array.isArray(apiKeyHeader) ? apiKeyHeader[0] : apiKeyHeader;
		const access = keyValue ? KEY_ACCESS[keyValue] : undefined;
		/** @type {ApiKeyClass} */
		const apiKey = !keyValue ? 'missing' : access ? access.name : 'invalid';
		const headers = { ...req.headers };
		delete headers['x-api-key'];
		const orgHeaderRaw = req.headers['x-org-id'];
		const orgHeader = Array.isArray(orgHeaderRaw) ? orgHeaderRaw.join(', ') : orgHeaderRaw;

		/** @type {RequestLogEntry} */
		const entry = { method, path, query, rawQuery, headers, apiKey, orgId: orgHeader, body, status: 0, at: Date.now(), bytes: 0 };
		this.requests.push(entry);
		this.journal?.push(entry);
		this.inFlight++;
		this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
		res.once('close', () => {
			this.inFlight--;
		});
		this.onRequest?.(entry);
		const latency = typeof this.latencyMs === 'function' ? this.latencyMs() : this.latencyMs;
		if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));

		/** @type {'v1' | 'v2' | 'insights'} */
		const flavor = path.startsWith('/api/v2/') ? 'v2' : path.startsWith('/insights/') ? 'insights' : 'v1';
		const fault = this.faults.take(method, path);
		if (fault) entry.fault = fault.kind;
		/** @param {number} status @param {unknown} [payload] @param {Record<string, string>} [extra] */
		const send = (status, payload, extra = {}) => {
			entry.status = status;
			/** @type {Record<string, string | number>} */
			const h = { ...extra };
			let out = '';
			if (payload !== undefined && status !== 204) {
				out = typeof payload === 'string' ? payload : JSON.stringify(payload);
				h['content-type'] ??= typeof payload === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
			}
			// Responses never contain an API key, even when a client put one where it gets echoed
			// (e.g. a path id in an error message).
			for (const secret of [KEYS.single, KEYS.msp, keyValue]) {
				if (secret && secret.length >= 8 && out.includes(secret)) out = out.split(secret).join('[redacted]');
			}
			if (fault && !isBefore(fault.kind)) {
				answerWithFault(res, fault, out);
				entry.status = fault.kind === '5xx-after' ? /** @type {number} */ (fault.status) : fault.kind === 'truncated' || fault.kind === 'non-json' ? 200 : 0;
				return;
			}
			h['content-length'] = Buffer.byteLength(out);
			entry.bytes = Number(h['content-length']);
			if (this.recordResponses) entry.response = { status, headers: { ...h }, text: out };
			res.writeHead(status, h);
			res.end(out);
		};

		if (fault && isBefore(fault.kind)) {
			if (fault.kind === 'reset-before') {
				req.socket.destroy();
				return;
			}
			if (fault.kind === 'html-200') {
				send(200, '<!DOCTYPE html><html><head><title>Gateway</title></head><body>Please wait…</body></html>', {
					'content-type': 'text/html; charset=utf-8',
				});
				return;
			}
			const status = /** @type {number} */ (fault.status);
			const payload = fault.body !== undefined ? fault.body : { message: status === 429 ? 'Too Many Requests' : http.STATUS_CODES[status] || 'Error' };
			/** @type {Record<string, string>} */
			const extra = { ...fault.headers };
			if (fault.retryAfter !== undefined) extra['retry-after'] = String(fault.retryAfter);
			send(status, payload, extra);
			return;
		}

		try {
			if (!access) {
				insightsOf(this.directory).recordFailedLogin(orgHeader, {
					clientIp: req.socket.remoteAddress,
					userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : undefined,
					keyClass: apiKey === 'missing' ? 'missing' : 'invalid',
				});
				throw new ApiError(401, 'Unauthorized: api key user not found', {
					exact: { error: 'Unauthorized', message: 'Unauthorized: api key user not found' },
				});
			}
			const routePath = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
			if (ORGLESS_PREFIX.test(routePath) && orgHeader !== undefined && orgHeader !== '') {
				throw new ApiError(403, 'Forbidden: the x-org-id header is not supported on this route', {
					exact: { message: 'Forbidden: the x-org-id header is not supported on this route' },
				});
			}
			/** @type {Route | undefined} */
			let route;
			/** @type {string[]} */
			let params = [];
			for (const r of ROUTES) {
				if (r.method !== method) continue;
				const m = r.pattern.exec(routePath);
				if (m) {
					route = r;
					params = m.slice(1).map((p) => {
						try {
							return decodeURIComponent(p);
						} catch {
							return p;
						}
					});
					break;
				}
			}
			if (!route) throw notFound();

			let orgId = '';
			if (route.orgScoped) {
				if (orgHeader === undefined || orgHeader === '') {
					if (access.multiTenant) {
						throw new ApiError(401, 'Unauthorized: no organization selected', {
							exact: { message: 'Unauthorized: no organization selected' },
						});
					}
					orgId = access.orgs[0];
				} else if (!isObjectId(orgHeader)) {
					throw badRequest('Bad Request: malformed x-org-id header: must be a 24-character hex organization id');
				} else {
					const wanted = orgHeader.toLowerCase();
					if (!this.directory.orgIds().includes(wanted)) throw notFound('Not Found: organization ID not found');
					if (!access.orgs.includes(wanted)) {
						throw new ApiError(403, `Forbidden: you do not have access to organization ${wanted}`);
					}
					orgId = wanted;
				}
				if (!this.directory._apiAccessEnabled(orgId)) throw new ApiError(403, 'Forbidden: API access is disabled for this organization');
			}
			if (badJson && (method === 'POST' || method === 'PUT')) {
				throw badRequest('Bad Request: request body is not valid JSON', 'invalidJson');
			}
			// Changes the handler makes are recorded in Directory Insights as this key's admin's (handlers are synchronous).
			/** @type {any} */ (this.directory)._actor = { initiatedBy: initiatorOfKey(access.name), clientIp: req.socket.remoteAddress };
			let result;
			try {
				result = route.handler({ method, path: routePath, query, headers: req.headers, body, rawBody: text, access, orgId, params, dir: this.directory });
			} finally {
				/** @type {any} */ (this.directory)._actor = undefined;
			}
			send(result.status, result.body, result.headers);
		} catch (err) {
			if (err instanceof ApiError) {
				// Directory Insights answers errors as its ErrorMessage schema: {"message"}.
				send(err.httpStatus, flavor === 'insights' ? (err.opts.exact ?? { message: err.message }) : formatError(err, flavor), err.opts.headers);
			} else {
				console.error('[jumpcloud-simulator] internal error', err);
				send(500, { code: 500, message: 'Internal Server Error', status: 'Internal Server Error' });
			}
		}
	}
}

/**
 * Misbehaves after the request was applied (faults.js "after" kinds).
 * @param {http.ServerResponse} res
 * @param {import('./faults').Fault} fault
 * @param {string} text the answer that should have been sent
 */
function answerWithFault(res, fault, text) {
	const body = text === '' ? '{"message":"ok"}' : text;
	switch (fault.kind) {
		case '5xx-after': {
			const status = /** @type {number} */ (fault.status);
			const out = JSON.stringify({ message: http.STATUS_CODES[status] || 'Error' });
			res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(out) });
			res.end(out);
			return;
		}
		case 'reset-after':
			res.socket?.destroy();
			return;
		case 'hang':
			// No answer: the client's timeout ends it (or close() does).
			return;
		case 'truncated': {
			res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
			res.write(body.slice(0, Math.floor(body.length / 2)));
			setImmediate(() => res.socket?.destroy());
			return;
		}
		case 'non-json': {
			const cut = body.slice(0, Math.max(1, Math.floor(body.length / 2)));
			res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(cut) });
			res.end(cut);
			return;
		}
		default:
			res.socket?.destroy();
	}
}

/**
 * Start a simulator on 127.0.0.1 (`port` 0 = a free port).
 * @param {SimulatorOptions} [options]
 * @returns {Promise<Simulator>}
 */
function startSimulator(options = {}) {
	const seed = options.seed ?? 'default';
	if (seed !== 'default' && seed !== 'demo') return Promise.reject(new Error(`unknown seed "${seed}"`));
	const server = http.createServer();
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => {
			server.off('error', reject);
			const addr = server.address();
			const port = addr && typeof addr === 'object' ? addr.port : 0;
			const sim = new Simulator(server, port, seed);
			server.on('request', (req, res) => {
				/** @type {any} */ (sim)._handle(req, res).catch((/** @type {unknown} */ err) => {
					console.error('[jumpcloud-simulator] request failed', err);
					if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
					res.end(JSON.stringify({ message: 'Internal Server Error' }));
				});
			});
			resolve(sim);
		});
	});
}

module.exports = { startSimulator, Simulator, Directory, ApiError, KEYS, ORGS, PROVIDER_ID, devicesOf, insightsOf, runSearch, v1SearchParam };
