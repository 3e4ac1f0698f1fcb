// @ts-check
'use strict';
/**
 * In-memory JumpCloud directory for the simulator: organizations, system users (v1 shape),
 * user groups and group membership (v2 shape), plus the deterministic seeds.
 *
 * Every mutating method validates first and mutates only when the whole request is valid, and
 * throws ApiError (see query.js) with the status/message the HTTP layer returns. The methods can
 * also be called directly from tests to set up state (same rules as the API).
 *
 * Determinism: ids come from per-kind counters (`66…` users, `67…` groups, `68…` sub-items such
 * as addresses/phones/ssh keys), seed timestamps are 2026-01-05T10:00:00.000Z + n minutes, and
 * runtime timestamps (creates, password changes) are 2026-02-01T09:00:00.000Z + n seconds.
 */

const { ApiError, badRequest, notFound, isObjectId } = require('./query');

/** Fixed organization ids (24 hex). */
const ORGS = Object.freeze({
	acme: '65a0000000000000000000a1',
	globex: '65a0000000000000000000b2',
	initech: '65a0000000000000000000c3',
	umbrella: '65a0000000000000000000e5',
});

/** Provider (MSP) that manages globex, initech and umbrella; the MSP key's admin belongs to it. */
const PROVIDER_ID = '65b0000000000000000000d4';

/** API keys the simulator accepts. */
const KEYS = Object.freeze({
	single: 'sim-single-org-key-00000000000000000001',
	msp: 'sim-msp-admin-key-000000000000000000002',
});

/**
 * @typedef {'single' | 'msp'} KeyName
 * @typedef {{ name: KeyName, orgs: string[], multiTenant: boolean, providerId: string | null }} KeyAccess
 */

/** @type {Record<string, KeyAccess>} */
const KEY_ACCESS = {
	[KEYS.single]: { name: 'single', orgs: [ORGS.acme], multiTenant: false, providerId: null },
	[KEYS.msp]: { name: 'msp', orgs: [ORGS.globex, ORGS.initech, ORGS.umbrella], multiTenant: true, providerId: PROVIDER_ID },
};

const SEED_BASE = Date.parse('2026-01-05T10:00:00.000Z');
const RUNTIME_BASE = Date.parse('2026-02-01T09:00:00.000Z');

/**
 * @typedef {Record<string, any>} UserRecord  v1 systemuserreturn shape (never contains `password`)
 * @typedef {Record<string, any>} GroupRecord v2 UserGroup shape
 * @typedef {Record<string, any>} OrgRecord   v1 organization shape
 * @typedef {{
 *   org: OrgRecord,
 *   users: Map<string, UserRecord>,
 *   groups: Map<string, GroupRecord>,
 *   members: Map<string, Map<string, unknown>>,
 *   nextUid: number,
 *   apiAccess: boolean,
 * }} OrgState
 * @typedef {{ orgId: string, userId: string, at: string, via: 'create' | 'update' | 'password' }} PasswordChange
 * @typedef {{ orgId: string, userId: string, to: string, kind: 'welcome' | 'activation', at: string }} SentEmail
 */

/** @param {unknown} v @returns {v is Record<string, any>} */
const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * @template T
 * @param {T} v
 * @returns {T}
 */
const clone = (v) => structuredClone(v);

// ---------------------------------------------------------------------------------------------
// Field rules (v1.yaml schemas systemuserputpost / systemuserput / systemuserreturn)

/** String fields and max lengths (1024 unless noted; employeeIdentifier 256). */
const STRING_FIELDS = new Map(
	/** @type {[string, number][]} */ ([
		['username', 1024],
		['email', 1024],
		['firstname', 1024],
		['middlename', 1024],
		['lastname', 1024],
		['displayname', 1024],
		['jobTitle', 1024],
		['department', 1024],
		['company', 1024],
		['costCenter', 1024],
		['employeeType', 1024],
		['location', 1024],
		['description', 1024],
		['alternateEmail', 1024],
		['managedAppleId', 1024],
		['external_dn', 1024],
		['external_source_type', 1024],
		['external_password_expiration_date', 1024],
		['employeeIdentifier', 256],
		['public_key', Infinity],
	]),
);
const BOOL_FIELDS = new Set([
	'account_locked',
	'activated',
	'allow_public_key',
	'disableDeviceMaxLoginAttempts',
	'enable_managed_uid',
	'enable_user_portal_multifactor',
	'externally_managed',
	'ldap_binding_user',
	'password_never_expires',
	'passwordless_sudo',
	'samba_service_user',
	'sudo',
	'suspended',
]);
/** Writable on create only (systemuserputpost has them, systemuserput does not). */
const CREATE_ONLY = new Set(['activated', 'passwordless_sudo', 'recoveryEmail']);
/** Writable on update only. */
const UPDATE_ONLY = new Set(['ssh_keys']);
const CREATE_STATES = ['STAGED', 'ACTIVATED', 'SUSPENDED'];
const UPDATE_STATES = ['ACTIVATED', 'SUSPENDED'];
const RESTRICTED_FIELD_TYPES = ['active_directory', 'scim', 'federated_identity_provider'];
const MEMBERSHIP_METHODS = ['NOTSET', 'STATIC', 'DYNAMIC_REVIEW_REQUIRED', 'DYNAMIC_AUTOMATED'];
const EMAIL = /^[^\s@]+@[^\s@]+$/;
/** RFC 3339 date-time (the spec's `format: date-time`). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** @param {string} msg */
const bad = (msg) => badRequest(`Bad Request: ${msg}`);

/**
 * @param {string} field
 * @param {unknown} value
 * @param {string[]} keys allowed string keys of each item
 * @param {string[]} [required]
 */
function validateObjectArray(field, value, keys, required = []) {
	if (!Array.isArray(value)) throw bad(`"${field}" must be an array`);
	return value.map((item, i) => {
		if (!isPlainObject(item)) throw bad(`"${field}[${i}]" must be an object`);
		/** @type {Record<string, any>} */
		const out = {};
		for (const k of keys) {
			if (item[k] === undefined || item[k] === null) continue;
			if (typeof item[k] !== 'string') throw bad(`"${field}[${i}].${k}" must be a string`);
			if (item[k].length > 1024) throw bad(`"${field}[${i}].${k}" exceeds maximum length of 1024`);
			out[k] = item[k];
		}
		for (const k of required) {
			if (typeof out[k] !== 'string' || out[k] === '') throw bad(`"${field}[${i}].${k}" is required`);
		}
		if (typeof item.id === 'string' && isObjectId(item.id)) out.id = item.id;
		return out;
	});
}

class Directory {
	/** @param {'default' | 'demo'} [seed] */
	constructor(seed = 'default') {
		if (seed !== 'default' && seed !== 'demo') throw new Error(`unknown seed "${seed}" (use default|demo)`);
		/** @type {'default' | 'demo'} */
		this.seed = seed;
		/** @type {Map<string, OrgState>} */
		this._orgs = new Map();
		/** Every successful password write (create with password, PUT password, POST /password); never the password itself. @type {PasswordChange[]} */
		this.passwordChanges = [];
		/** Emails JumpCloud would have sent (state/activate). @type {SentEmail[]} */
		this._emails = [];
		this._counters = { user: 0, group: 0, sub: 0, seedMinute: 0, clock: 0 };
		this.reset();
	}

	/** Re-seed from scratch (ids restart, so they are the same as after construction). */
	reset() {
		this._counters = { user: 0, group: 0, sub: 0, seedMinute: 0, clock: 0 };
		this._orgs = new Map();
		this.passwordChanges = [];
		this._emails = [];
		/** @type {boolean} */
		this._seeding = true;
		for (const def of ORG_DEFS) {
			this._orgs.set(def._id, {
				org: makeOrg(def),
				users: new Map(),
				groups: new Map(),
				members: new Map(),
				nextUid: 5001,
				apiAccess: def.apiAccess !== false,
			});
		}
		if (this.seed === 'demo') seedDemo(this);
		else seedDefault(this);
		this._seeding = false;
	}

	// ---- ids and time --------------------------------------------------------------------------

	/** @param {'user' | 'group' | 'sub'} kind */
	_nextId(kind) {
		const prefix = { user: '66', group: '67', sub: '68' }[kind];
		this._counters[kind] += 1;
		return prefix + this._counters[kind].toString(16).padStart(22, '0');
	}

	/** Deterministic "now": seed minutes while seeding, runtime seconds afterwards. */
	_now() {
		if (this._seeding) {
			const t = SEED_BASE + this._counters.seedMinute * 60_000;
			this._counters.seedMinute += 1;
			return new Date(t).toISOString();
		}
		this._counters.clock += 1;
		return new Date(RUNTIME_BASE + this._counters.clock * 1000).toISOString();
	}

	/**
	 * Records a change in Directory Insights (insights.js; `_actor` is the request's admin, set by index.js), except
	 * while seeding. @param {string} orgId @param {string} eventType @param {Record<string, any>} details
	 */
	_record(orgId, eventType, details) {
		if (!this._seeding) require('./insights').insightsOf(this).recordChange(orgId, eventType, details);
	}

	// ---- organizations -------------------------------------------------------------------------

	/** @returns {string[]} all org ids known to the simulator */
	orgIds() {
		return [...this._orgs.keys()];
	}

	/** @param {string} orgId */
	_org(orgId) {
		const o = this._orgs.get(orgId);
		if (!o) throw notFound('Not Found: organization not found');
		return o;
	}

	/** @param {string} orgId @returns {OrgRecord | undefined} full org object (copy) */
	org(orgId) {
		const o = this._orgs.get(orgId);
		return o ? clone(o.org) : undefined;
	}

	/**
	 * Whether the organization's API access is enabled (internal; false for umbrella: the HTTP layer answers every
	 * org-scoped call for it with 403, while the directory's own helpers still work on it).
	 * @param {string} orgId
	 */
	_apiAccessEnabled(orgId) {
		return this._org(orgId).apiAccess;
	}

	/** Emails sent so far (state/activate), oldest first (copies). @returns {SentEmail[]} */
	emails() {
		return clone(this._emails);
	}

	// ---- users: read helpers for tests ----------------------------------------------------------

	/** @param {string} orgId @returns {UserRecord[]} copies, in `_id` (= creation) order */
	users(orgId) {
		return [...this._org(orgId).users.values()].map((u) => clone(u));
	}

	/** @param {string} orgId @param {string} userId @returns {UserRecord | undefined} */
	user(orgId, userId) {
		const u = this._org(orgId).users.get(userId);
		return u ? clone(u) : undefined;
	}

	/** @param {string} orgId @param {string} username exact match @returns {UserRecord | undefined} */
	userByUsername(orgId, username) {
		for (const u of this._org(orgId).users.values()) if (u.username === username) return clone(u);
		return undefined;
	}

	/** Internal live records (no copy) for the HTTP layer. @param {string} orgId */
	_userList(orgId) {
		return [...this._org(orgId).users.values()];
	}

	/** @param {string} orgId @param {string} id */
	_getUser(orgId, id) {
		if (!isObjectId(id)) throw bad(`invalid id "${id}": must be a 24-character hex ObjectId`);
		const u = this._org(orgId).users.get(id);
		if (!u) throw notFound();
		return u;
	}

	// ---- users: validation ---------------------------------------------------------------------

	/**
	 * Validate a v1 create/update body and return the normalized patch (nothing is mutated).
	 * Unknown and read-only fields (`_id`, `id`, `organization`, `created`, …) are ignored.
	 * @param {OrgState} o
	 * @param {unknown} body
	 * @param {'create' | 'update'} mode
	 * @param {UserRecord | undefined} self
	 * @param {boolean} fullValidationDetails
	 * @param {boolean} [skipUniqueness] for generated users, unique by construction
	 */
	_validateUserBody(o, body, mode, self, fullValidationDetails, skipUniqueness = false) {
		if (!isPlainObject(body)) throw bad('request body must be a JSON object');
		/** @type {Record<string, any>} */
		const patch = {};
		/** @type {string | undefined} */
		let password;
		for (const [k, v] of Object.entries(body)) {
			if (mode === 'update' && CREATE_ONLY.has(k)) continue;
			if (mode === 'create' && UPDATE_ONLY.has(k)) continue;
			if (STRING_FIELDS.has(k)) {
				if (v === null && k !== 'username' && k !== 'email') {
					patch[k] = '';
					continue;
				}
				if (typeof v !== 'string') throw bad(`"${k}" must be a string`);
				const max = /** @type {number} */ (STRING_FIELDS.get(k));
				if (v.length > max) throw bad(`"${k}" exceeds maximum length of ${max}`);
				patch[k] = v;
			} else if (BOOL_FIELDS.has(k)) {
				if (typeof v !== 'boolean') throw bad(`"${k}" must be a boolean`);
				patch[k] = v;
			} else if (k === 'state') {
				const allowed = mode === 'create' ? CREATE_STATES : UPDATE_STATES;
				if (typeof v !== 'string' || !allowed.includes(v)) {
					throw bad(`"state" must be one of ${allowed.join(', ')}`);
				}
				patch.state = v;
			} else if (k === 'manager') {
				if (v === null || v === '') {
					patch.manager = null;
				} else {
					if (typeof v !== 'string') throw bad('"manager" must be a user id (string)');
					if (!isObjectId(v) || !o.users.has(v)) {
						throw bad(`manager "${v}" is not a user id in this organization`);
					}
					if (self && self._id === v) throw bad('a user cannot be their own manager');
					patch.manager = v;
				}
			} else if (k === 'password') {
				if (typeof v !== 'string') throw bad('"password" must be a string');
				password = v;
			} else if (k === 'unix_uid' || k === 'unix_guid') {
				if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw bad(`"${k}" must be an integer >= 1`);
				patch[k] = v;
			} else if (k === 'mfa') {
				if (!isPlainObject(v)) throw bad('"mfa" must be an object');
				/** @type {Record<string, any>} */
				const mfa = { configured: false, exclusion: false };
				for (const b of ['configured', 'exclusion']) {
					if (v[b] !== undefined) {
						if (typeof v[b] !== 'boolean') throw bad(`"mfa.${b}" must be a boolean`);
						mfa[b] = v[b];
					}
				}
				if (v.exclusionUntil !== undefined && v.exclusionUntil !== null) {
					if (typeof v.exclusionUntil !== 'string') throw bad('"mfa.exclusionUntil" must be a date-time string');
					mfa.exclusionUntil = v.exclusionUntil;
				}
				if (v.exclusionDays !== undefined) {
					if (!Number.isInteger(v.exclusionDays) || v.exclusionDays < 1) {
						throw bad('"mfa.exclusionDays" must be an integer >= 1');
					}
					mfa.exclusionDays = v.exclusionDays;
				}
				patch.mfa = mfa;
			} else if (k === 'addresses') {
				patch.addresses = validateObjectArray(k, v, [
					'type',
					'poBox',
					'extendedAddress',
					'streetAddress',
					'locality',
					'region',
					'postalCode',
					'country',
				]);
			} else if (k === 'phoneNumbers') {
				patch.phoneNumbers = validateObjectArray(k, v, ['type', 'number']);
			} else if (k === 'attributes') {
				patch.attributes = validateObjectArray(k, v, ['name', 'value']).map(({ name, value }) => ({ name, value }));
			} else if (k === 'relationships') {
				patch.relationships = validateObjectArray(k, v, ['type', 'value']).map(({ type, value }) => ({ type, value }));
			} else if (k === 'ssh_keys') {
				patch.ssh_keys = validateObjectArray(k, v, ['name', 'public_key'], ['name', 'public_key']).map(
					({ name, public_key }) => ({ name, public_key }),
				);
			} else if (k === 'restrictedFields') {
				const list = validateObjectArray(k, v, ['field', 'type', 'id'], ['field', 'type']);
				for (const rf of list) {
					if (!RESTRICTED_FIELD_TYPES.includes(rf.type)) {
						throw bad(`"restrictedFields[].type" must be one of ${RESTRICTED_FIELD_TYPES.join(', ')}`);
					}
				}
				patch.restrictedFields = list;
			} else if (k === 'tags') {
				if (!Array.isArray(v) || !v.every((t) => typeof t === 'string')) throw bad('"tags" must be an array of strings');
				patch.tags = [...v];
			} else if (k === 'recoveryEmail') {
				if (!isPlainObject(v) || (v.address !== undefined && typeof v.address !== 'string')) {
					throw bad('"recoveryEmail" must be an object with a string "address"');
				}
				patch.recoveryEmail = { address: v.address ?? '', verified: false };
			} else if (k === 'delegatedAuthority') {
				if (v === null) patch.delegatedAuthority = null;
				else if (isPlainObject(v) && v.name === 'ActiveDirectory' && typeof (v.id ?? '') === 'string') {
					patch.delegatedAuthority = { name: 'ActiveDirectory', id: v.id ?? '' };
				} else throw bad('"delegatedAuthority" must be null or {"name":"ActiveDirectory","id":"..."}');
			}
			// anything else: ignored (read-only or unknown fields)
		}

		if (mode === 'create') {
			for (const req of ['username', 'email']) {
				if (typeof patch[req] !== 'string' || patch[req].trim() === '') throw bad(`"${req}" is required`);
			}
		} else {
			for (const req of ['username', 'email']) {
				if (req in patch && (typeof patch[req] !== 'string' || patch[req].trim() === '')) {
					throw bad(`"${req}" cannot be empty`);
				}
			}
		}
		if (typeof patch.email === 'string' && !EMAIL.test(patch.email)) {
			throw bad(`email "${patch.email}" is not a valid email address`);
		}

		// uniqueness within the org (case-insensitive for username/email; employeeIdentifier exact)
		for (const field of skipUniqueness ? [] : ['username', 'email', 'employeeIdentifier']) {
			const val = patch[field];
			if (typeof val !== 'string' || val === '') continue;
			const norm = field === 'employeeIdentifier' ? val : val.toLowerCase();
			for (const other of o.users.values()) {
				if (self && other._id === self._id) continue;
				const ov = other[field];
				if (typeof ov !== 'string') continue;
				if ((field === 'employeeIdentifier' ? ov : ov.toLowerCase()) === norm) {
					throw new ApiError(400, `Already Exists: ${field} "${val}" already exists`, {
						details: [
							{
								'@type': 'type.googleapis.com/google.rpc.BadRequest',
								fieldViolationsList: [{ field, description: 'alreadyExists' }],
							},
						],
					});
				}
			}
		}

		if (password !== undefined) this._checkPassword(o, password, fullValidationDetails);
		return { patch, password };
	}

	/**
	 * Org password policy: only `minLength` (8) is simulated.
	 * @param {OrgState} o
	 * @param {string} password
	 * @param {boolean} fullValidationDetails `?fullValidationDetails=password`
	 */
	_checkPassword(o, password, fullValidationDetails) {
		const min = o.org.settings.passwordPolicy.minLength;
		if (password.length >= min) return;
		if (fullValidationDetails) {
			throw new ApiError(400, 'Password validation fail', {
				exact: {
					code: 400,
					message: 'Password validation fail',
					status: 'INVALID_ARGUMENT',
					details: [
						{
							'@type': 'type.googleapis.com/google.rpc.BadRequest',
							fieldViolationsList: [{ field: 'password', description: 'minLength' }],
						},
					],
				},
			});
		}
		throw new ApiError(400, `Password validation fail: password must be at least ${min} characters long`);
	}

	/**
	 * Apply a validated patch to a record (top-level merge; arrays replace wholesale).
	 * @param {OrgState} o
	 * @param {UserRecord} u
	 * @param {Record<string, any>} patch
	 * @param {'create' | 'update'} mode
	 */
	_applyUserPatch(o, u, patch, mode) {
		for (const [k, v] of Object.entries(patch)) {
			if (k === 'manager') {
				if (v === null) delete u.manager;
				else u.manager = v;
			} else if (k === 'employeeIdentifier' && v === '') {
				delete u.employeeIdentifier;
			} else if (k === 'addresses' || k === 'phoneNumbers') {
				u[k] = v.map((/** @type {Record<string, any>} */ item) => ({ ...item, id: item.id ?? this._nextId('sub') }));
			} else if (k === 'ssh_keys') {
				const at = this._now();
				u.ssh_keys = v.map((/** @type {Record<string, any>} */ item) => ({
					_id: this._nextId('sub'),
					create_date: at,
					name: item.name,
					public_key: item.public_key,
				}));
			} else if (k !== 'state' && k !== 'activated' && k !== 'suspended') {
				u[k] = v;
			}
		}
		// state and its legacy mirrors (`activated`, `suspended`)
		let state = u.state;
		if (patch.state !== undefined) state = patch.state;
		else if (patch.suspended === true) state = 'SUSPENDED';
		else if (patch.suspended === false && u.state === 'SUSPENDED') state = 'ACTIVATED';
		else if (mode === 'create' && patch.activated === false) state = 'STAGED';
		else if (mode === 'create') state = o.org.settings.newSystemUserStateDefaults.manualEntry;
		u.state = state;
		u.activated = state !== 'STAGED';
		u.suspended = state === 'SUSPENDED';
	}

	// ---- users: operations (same rules as the API) ------------------------------------------------

	/**
	 * POST /api/systemusers. Returns the created user (copy).
	 * @param {string} orgId
	 * @param {unknown} body
	 * @param {{ fullValidationDetails?: boolean, trusted?: boolean }} [opts] `trusted`: generated, unique by construction
	 * @returns {UserRecord}
	 */
	createUser(orgId, body, opts = {}) {
		const o = this._org(orgId);
		const { patch, password } = this._validateUserBody(o, body, 'create', undefined, !!opts.fullValidationDetails, !!opts.trusted);
		const id = this._nextId('user');
		const at = this._now();
		const uid = o.nextUid++;
		/** @type {UserRecord} */
		const u = {
			_id: id,
			id,
			account_locked: false,
			account_locked_date: null,
			activated: true,
			addresses: [],
			allow_public_key: true,
			alternateEmail: '',
			attributes: [],
			badLoginAttempts: 0,
			company: '',
			costCenter: '',
			created: at,
			delegatedAuthority: null,
			department: '',
			description: '',
			disableDeviceMaxLoginAttempts: false,
			displayname: '',
			email: '',
			employeeType: '',
			enable_managed_uid: false,
			enable_user_portal_multifactor: false,
			external_dn: '',
			external_source_type: '',
			externally_managed: false,
			firstname: '',
			jobTitle: '',
			lastname: '',
			ldap_binding_user: false,
			location: '',
			managedAppleId: '',
			mfa: { configured: false, exclusion: false },
			mfaEnrollment: {
				overallStatus: 'NOT_ENROLLED',
				pushStatus: 'NOT_ENROLLED',
				totpStatus: 'NOT_ENROLLED',
				webAuthnStatus: 'NOT_ENROLLED',
			},
			middlename: '',
			organization: orgId,
			password_date: null,
			password_expiration_date: null,
			password_expired: false,
			password_never_expires: false,
			passwordless_sudo: false,
			phoneNumbers: [],
			public_key: '',
			relationships: [],
			restrictedFields: [],
			samba_service_user: false,
			ssh_keys: [],
			state: 'ACTIVATED',
			sudo: false,
			suspended: false,
			tags: [],
			totp_enabled: false,
			unix_guid: uid,
			unix_uid: uid,
			username: '',
		};
		this._applyUserPatch(o, u, patch, 'create');
		if (password !== undefined) {
			u.password_date = at;
			this.passwordChanges.push({ orgId, userId: id, at, via: 'create' });
		}
		o.users.set(id, u);
		if (!opts.trusted) this._record(orgId, 'user_create', { resource: userEventResource(u) });
		return clone(u);
	}

	/**
	 * PUT /api/systemusers/{id}: partial update. Returns the updated user (copy).
	 * @param {string} orgId
	 * @param {string} userId
	 * @param {unknown} body
	 * @param {{ fullValidationDetails?: boolean }} [opts]
	 * @returns {UserRecord}
	 */
	updateUser(orgId, userId, body, opts = {}) {
		const o = this._org(orgId);
		const u = this._getUser(orgId, userId);
		const { patch, password } = this._validateUserBody(o, body, 'update', u, !!opts.fullValidationDetails);
		this._applyUserPatch(o, u, patch, 'update');
		if (password !== undefined) {
			const at = this._now();
			u.password_date = at;
			u.password_expired = false;
			u.password_expiration_date = null;
			this.passwordChanges.push({ orgId, userId, at, via: 'update' });
		}
		this._record(orgId, 'user_update', { resource: userEventResource(u), changes: Object.keys(patch).map((field) => ({ field })) });
		if (password !== undefined) this._record(orgId, 'user_password_change', { resource: userEventResource(u) });
		return clone(u);
	}

	/**
	 * POST /api/systemusers/{id}/password (force set).
	 * @param {string} orgId
	 * @param {string} userId
	 * @param {unknown} body
	 * @param {{ fullValidationDetails?: boolean }} [opts]
	 */
	setPassword(orgId, userId, body, opts = {}) {
		const o = this._org(orgId);
		const u = this._getUser(orgId, userId);
		if (!isPlainObject(body) || typeof body.password !== 'string' || body.password === '') {
			throw bad('"password" is required');
		}
		this._checkPassword(o, body.password, !!opts.fullValidationDetails);
		const at = this._now();
		u.password_date = at;
		u.password_expired = false;
		u.password_expiration_date = null;
		this.passwordChanges.push({ orgId, userId, at, via: 'password' });
		this._record(orgId, 'user_password_change', { resource: userEventResource(u) });
	}

	/**
	 * POST /api/systemusers/{id}/unlock: clears the lock (`account_locked`, `account_locked_date`,
	 * `badLoginAttempts`); unlocking an unlocked user changes nothing. Returns the user (copy).
	 * @param {string} orgId
	 * @param {string} userId
	 * @returns {UserRecord}
	 */
	unlockUser(orgId, userId) {
		const u = this._getUser(orgId, userId);
		u.account_locked = false;
		u.account_locked_date = null;
		u.badLoginAttempts = 0;
		this._record(orgId, 'user_unlocked', { resource: userEventResource(u) });
		return clone(u);
	}

	/**
	 * POST /api/systemusers/{id}/expire: `password_expired` true (fact sheet §4.4, simulator assumption) and
	 * `password_expiration_date` now. Returns the user (copy).
	 * @param {string} orgId
	 * @param {string} userId
	 * @returns {UserRecord}
	 */
	expirePassword(orgId, userId) {
		const u = this._getUser(orgId, userId);
		u.password_expired = true;
		u.password_expiration_date = this._now();
		this._record(orgId, 'user_password_expired', { resource: userEventResource(u) });
		return clone(u);
	}

	/**
	 * POST /api/systemusers/{id}/resetmfa with the optional body `{exclusion, exclusionUntil, exclusionDays}`
	 * (spec systemusers_resetmfa). Resets TOTP (`totp_enabled` false, `mfa.configured` false,
	 * `mfaEnrollment.totpStatus` NOT_ENROLLED, `overallStatus` from the other methods). `exclusion: true` sets
	 * `mfa.exclusion` and `mfa.exclusionUntil` (now + exclusionDays when given, else exclusionUntil, else none);
	 * `exclusion: false` clears the exclusion; without `exclusion` the user's exclusion is kept.
	 * @param {string} orgId
	 * @param {string} userId
	 * @param {unknown} body
	 * @returns {UserRecord}
	 */
	resetMfa(orgId, userId, body) {
		const u = this._getUser(orgId, userId);
		const b = body === undefined ? {} : body;
		if (!isPlainObject(b)) throw bad('request body must be a JSON object');
		if (b.exclusion !== undefined && typeof b.exclusion !== 'boolean') throw bad('"exclusion" must be a boolean');
		/** @type {string | undefined} */
		let until;
		if (b.exclusionUntil !== undefined && b.exclusionUntil !== null) {
			if (typeof b.exclusionUntil !== 'string' || !DATE_TIME.test(b.exclusionUntil) || Number.isNaN(Date.parse(b.exclusionUntil))) {
				throw bad('"exclusionUntil" must be a date-time string (RFC 3339)');
			}
			until = new Date(Date.parse(b.exclusionUntil)).toISOString();
		}
		if (b.exclusionDays !== undefined && b.exclusionDays !== null) {
			if (typeof b.exclusionDays !== 'number' || !Number.isFinite(b.exclusionDays) || b.exclusionDays < 1) {
				throw bad('"exclusionDays" must be a number >= 1');
			}
		}
		const at = this._now();
		if (b.exclusion === true && typeof b.exclusionDays === 'number') {
			until = new Date(Date.parse(at) + Math.round(b.exclusionDays * 86_400_000)).toISOString();
		}
		/** @type {Record<string, any>} */
		const mfa = { configured: false, exclusion: u.mfa?.exclusion === true };
		if (mfa.exclusion && typeof u.mfa?.exclusionUntil === 'string') mfa.exclusionUntil = u.mfa.exclusionUntil;
		if (b.exclusion === true) {
			mfa.exclusion = true;
			delete mfa.exclusionUntil;
			if (until !== undefined) mfa.exclusionUntil = until;
		} else if (b.exclusion === false) {
			mfa.exclusion = false;
			delete mfa.exclusionUntil;
		}
		u.mfa = mfa;
		u.totp_enabled = false;
		const enrollment = { ...(u.mfaEnrollment ?? {}), totpStatus: 'NOT_ENROLLED' };
		const others = ['pushStatus', 'webAuthnStatus', 'smsStatus', 'jcGoStatus'].map((k) => enrollment[k]);
		enrollment.overallStatus = others.includes('ENROLLED') ? 'ENROLLED' : 'NOT_ENROLLED';
		u.mfaEnrollment = enrollment;
		this._record(orgId, 'totp_delete_enrollment', { resource: userEventResource(u) });
		return clone(u);
	}

	/**
	 * POST /api/systemusers/{id}/state/activate with `{}` or `{"email": true | false | "<address>"}`
	 * (`{"email": {}}`, the spec's code sample, counts as no flag). STAGED → ACTIVATED and an email is logged
	 * (see `emails()`) unless `email: false`: `welcome` when the user has a password (to the given address, else
	 * the primary email), `activation` otherwise (to the given address, else `alternateEmail`, else the primary
	 * email), per the spec's description. Already ACTIVATED: no change, no email. SUSPENDED → 409.
	 * @param {string} orgId
	 * @param {string} userId
	 * @param {unknown} body
	 * @returns {UserRecord}
	 */
	activateUser(orgId, userId, body) {
		const o = this._org(orgId);
		const u = this._getUser(orgId, userId);
		const b = body === undefined ? {} : body;
		if (!isPlainObject(b)) throw bad('request body must be a JSON object');
		const flag = b.email;
		/** @type {string | undefined} */
		let address;
		if (typeof flag === 'string') {
			if (!EMAIL.test(flag)) throw bad(`email "${flag}" is not a valid email address`);
			address = flag;
		} else if (!(flag === undefined || flag === null || typeof flag === 'boolean' || (isPlainObject(flag) && Object.keys(flag).length === 0))) {
			throw bad('"email" must be true, false or an email address');
		}
		if (u.state === 'SUSPENDED') {
			throw new ApiError(
				409,
				`Conflict: user "${u.username}" is SUSPENDED; state/activate activates a STAGED user (PUT {"state": "ACTIVATED"} restores a suspended one)`,
			);
		}
		if (u.state === 'ACTIVATED') return clone(u);
		this._applyUserPatch(o, u, { state: 'ACTIVATED' }, 'update');
		if (flag !== false) {
			const kind = u.password_date ? 'welcome' : 'activation';
			const to = address ?? (kind === 'activation' && u.alternateEmail ? u.alternateEmail : u.email);
			this._emails.push({ orgId, userId, to, kind, at: this._now() });
		}
		this._record(orgId, 'user_activated', { resource: userEventResource(u) });
		return clone(u);
	}

	/**
	 * POST /api/systemusers/{id}/state/suspend (the HTTP layer rejects a non-empty body): state SUSPENDED and its
	 * mirrors; suspending a suspended user changes nothing. Returns the user (copy).
	 * @param {string} orgId
	 * @param {string} userId
	 * @returns {UserRecord}
	 */
	suspendUser(orgId, userId) {
		const o = this._org(orgId);
		const u = this._getUser(orgId, userId);
		if (u.state !== 'SUSPENDED') {
			this._applyUserPatch(o, u, { state: 'SUSPENDED' }, 'update');
			this._record(orgId, 'user_suspended', { resource: userEventResource(u) });
		}
		return clone(u);
	}

	/**
	 * DELETE /api/systemusers/{id}[?cascade_manager=null|<userId>]. Returns the deleted user.
	 * A manager with direct reports and no cascade_manager → 409.
	 * @param {string} orgId
	 * @param {string} userId
	 * @param {string | undefined} cascadeManager
	 * @returns {UserRecord}
	 */
	deleteUser(orgId, userId, cascadeManager) {
		const o = this._org(orgId);
		const u = this._getUser(orgId, userId);
		const reports = [...o.users.values()].filter((x) => x.manager === userId);
		/** @type {string | null | undefined} */
		let newManager;
		if (cascadeManager !== undefined && cascadeManager !== '') {
			if (cascadeManager === 'null') newManager = null;
			else if (!isObjectId(cascadeManager) || !o.users.has(cascadeManager) || cascadeManager === userId) {
				throw bad(`cascade_manager "${cascadeManager}" must be "null" or the id of another user in this organization`);
			} else newManager = cascadeManager;
		}
		if (reports.length > 0 && newManager === undefined) {
			throw new ApiError(
				409,
				`Conflict: user "${u.username}" is the manager of ${reports.length} user(s); ` +
					'delete with cascade_manager=null to clear their manager or cascade_manager=<userId> to reassign them',
			);
		}
		for (const r of reports) {
			if (newManager === null || newManager === undefined) delete r.manager;
			else r.manager = newManager;
		}
		o.users.delete(userId);
		for (const m of o.members.values()) m.delete(userId);
		this._record(orgId, 'user_delete', { resource: userEventResource(u) });
		return clone(u);
	}

	// ---- groups --------------------------------------------------------------------------------

	/** @param {string} orgId @returns {GroupRecord[]} copies in creation order */
	groups(orgId) {
		return [...this._org(orgId).groups.values()].map((g) => clone(g));
	}

	/** @param {string} orgId @param {string} groupId @returns {GroupRecord | undefined} */
	group(orgId, groupId) {
		const g = this._org(orgId).groups.get(groupId);
		return g ? clone(g) : undefined;
	}

	/** @param {string} orgId @param {string} name exact match @returns {GroupRecord | undefined} */
	groupByName(orgId, name) {
		for (const g of this._org(orgId).groups.values()) if (g.name === name) return clone(g);
		return undefined;
	}

	/** @param {string} orgId */
	_groupList(orgId) {
		return [...this._org(orgId).groups.values()];
	}

	/** @param {string} orgId @param {string} id */
	_getGroup(orgId, id) {
		if (!isObjectId(id)) throw badRequest(`Bad Request: invalid id "${id}": must be a 24-character hex ObjectId`, 'invalidId');
		const g = this._org(orgId).groups.get(id);
		if (!g) throw notFound();
		return g;
	}

	/**
	 * @param {OrgState} o
	 * @param {unknown} body
	 * @param {string | undefined} selfId
	 */
	_validateGroupBody(o, body, selfId) {
		if (!isPlainObject(body)) throw badRequest('Bad Request: request body must be a JSON object', 'invalidBody');
		if (body.name === undefined || body.name === null || body.name === '') {
			throw badRequest('Bad Request: name is required', 'nullName');
		}
		if (typeof body.name !== 'string' || body.name.trim() === '') {
			throw badRequest('Bad Request: name must be a non-empty string', 'invalidName');
		}
		for (const f of ['description', 'email']) {
			if (body[f] !== undefined && body[f] !== null && typeof body[f] !== 'string') {
				throw badRequest(`Bad Request: ${f} must be a string`, `invalid${f[0].toUpperCase()}${f.slice(1)}`);
			}
		}
		if (body.attributes !== undefined && body.attributes !== null && !isPlainObject(body.attributes)) {
			throw badRequest('Bad Request: attributes must be an object or null', 'invalidAttributes');
		}
		if (body.membershipMethod !== undefined && !MEMBERSHIP_METHODS.includes(body.membershipMethod)) {
			throw badRequest(`Bad Request: membershipMethod must be one of ${MEMBERSHIP_METHODS.join(', ')}`, 'invalidMembershipMethod');
		}
		if (body.memberQuery !== undefined && body.memberQuery !== null && !isPlainObject(body.memberQuery)) {
			throw badRequest('Bad Request: memberQuery must be an object or null', 'invalidMemberQuery');
		}
		if (body.memberQueryExemptions !== undefined && !Array.isArray(body.memberQueryExemptions)) {
			throw badRequest('Bad Request: memberQueryExemptions must be an array', 'invalidMemberQueryExemptions');
		}
		if (body.memberSuggestionsNotify !== undefined && typeof body.memberSuggestionsNotify !== 'boolean') {
			throw badRequest('Bad Request: memberSuggestionsNotify must be a boolean', 'invalidMemberSuggestionsNotify');
		}
		const lower = body.name.toLowerCase();
		for (const g of o.groups.values()) {
			if (g.id !== selfId && String(g.name).toLowerCase() === lower) throw new ApiError(409, 'Already Exists');
		}
		return body;
	}

	/**
	 * @param {string} orgId
	 * @param {string} id
	 * @param {Record<string, any>} body validated
	 * @returns {GroupRecord}
	 */
	_groupFromBody(orgId, id, body) {
		return {
			attributes: body.attributes === undefined ? null : clone(body.attributes),
			description: body.description ?? '',
			email: body.email ?? '',
			id,
			memberQuery: body.memberQuery === undefined ? null : clone(body.memberQuery),
			memberQueryErrorFlags: [],
			memberQueryExemptions: body.memberQueryExemptions ? clone(body.memberQueryExemptions) : [],
			memberSuggestionsNotify: body.memberSuggestionsNotify ?? false,
			membershipMethod: body.membershipMethod ?? 'STATIC',
			name: body.name,
			organizationObjectId: orgId,
			suggestionCounts: { add: 0, remove: 0, total: 0 },
			type: 'user_group',
		};
	}

	/**
	 * POST /api/v2/usergroups → the new group (copy). Duplicate name (case-insensitive) → 409.
	 * @param {string} orgId
	 * @param {unknown} body
	 * @returns {GroupRecord}
	 */
	createGroup(orgId, body) {
		const o = this._org(orgId);
		const valid = this._validateGroupBody(o, body, undefined);
		const id = this._nextId('group');
		const g = this._groupFromBody(orgId, id, valid);
		o.groups.set(id, g);
		o.members.set(id, new Map());
		this._record(orgId, 'group_create', { resource: groupEventResource(g) });
		return clone(g);
	}

	/**
	 * PUT /api/v2/usergroups/{id}: full replace (fields not sent go back to defaults).
	 * @param {string} orgId
	 * @param {string} groupId
	 * @param {unknown} body
	 * @returns {GroupRecord}
	 */
	replaceGroup(orgId, groupId, body) {
		const o = this._org(orgId);
		this._getGroup(orgId, groupId);
		const valid = this._validateGroupBody(o, body, groupId);
		const g = this._groupFromBody(orgId, groupId, valid);
		o.groups.set(groupId, g);
		this._record(orgId, 'group_update', { resource: groupEventResource(g) });
		return clone(g);
	}

	/**
	 * Adds `count` groups named `<prefix> 00001`… at once, without the uniqueness scan a create makes (which
	 * would cost O(n²) for the 50,000 groups of a benchmark); the prefix must be one no group name starts with.
	 * @param {string} orgId
	 * @param {number} count
	 * @param {string} [prefix]
	 */
	generateGroups(orgId, count, prefix = 'Generated Group') {
		const o = this._org(orgId);
		const width = String(count).length;
		for (let i = 1; i <= count; i++) {
			const id = this._nextId('group');
			o.groups.set(id, this._groupFromBody(orgId, id, { name: `${prefix} ${String(i).padStart(width, '0')}`, description: `Generated group ${i}` }));
			o.members.set(id, new Map());
		}
	}

	/**
	 * Adds `count` users `<prefix>00001`… (`<prefix>00001@<domain>`) at once, without the uniqueness scan.
	 * @param {string} orgId
	 * @param {number} count
	 * @param {string} [prefix]
	 * @param {string} [domain]
	 */
	generateUsers(orgId, count, prefix = 'gen', domain = 'acme.example') {
		const width = String(count).length;
		for (let i = 1; i <= count; i++) {
			const n = String(i).padStart(width, '0');
			this.createUser(orgId, { username: `${prefix}${n}`, email: `${prefix}${n}@${domain}`, firstname: 'Gen', lastname: n, department: 'Generated' }, { trusted: true });
		}
	}

	/** DELETE /api/v2/usergroups/{id}. @param {string} orgId @param {string} groupId */
	deleteGroup(orgId, groupId) {
		const o = this._org(orgId);
		const g = this._getGroup(orgId, groupId);
		o.groups.delete(groupId);
		o.members.delete(groupId);
		this._record(orgId, 'group_delete', { resource: groupEventResource(g) });
		return clone(g);
	}

	/**
	 * Direct members of a group, in the order they were added.
	 * @param {string} orgId
	 * @param {string} groupId
	 * @returns {string[]} user ids
	 */
	groupMembers(orgId, groupId) {
		const o = this._org(orgId);
		return [...(o.members.get(groupId) ?? new Map()).keys()];
	}

	/** @param {string} orgId @param {string} groupId @returns {[string, unknown][]} */
	_memberEdges(orgId, groupId) {
		this._getGroup(orgId, groupId);
		return [.../** @type {Map<string, unknown>} */ (this._org(orgId).members.get(groupId)).entries()];
	}

	/**
	 * Group ids the user is a direct member of, in group creation order.
	 * @param {string} orgId
	 * @param {string} userId
	 * @returns {string[]}
	 */
	userGroups(orgId, userId) {
		const o = this._org(orgId);
		return [...o.groups.keys()].filter((gid) => o.members.get(gid)?.has(userId));
	}

	/**
	 * POST /api/v2/usergroups/{group_id}/members with {op, type, id[, attributes]}.
	 * Unknown group → 404; invalid body → 400; `id` not a user of this org → 400;
	 * add of a member → 409 "Already Exists"; remove/update of a non-member → 404 "Not Found".
	 * @param {string} orgId
	 * @param {string} groupId
	 * @param {unknown} body
	 */
	memberOp(orgId, groupId, body) {
		const o = this._org(orgId);
		this._getGroup(orgId, groupId);
		if (!isPlainObject(body)) throw badRequest('Bad Request: request body must be a JSON object', 'invalidBody');
		const { op, type, id, attributes } = body;
		if (op === undefined || op === null || op === '') throw badRequest('Bad Request: op is required', 'nullOp');
		if (!['add', 'remove', 'update'].includes(op)) {
			throw badRequest('Bad Request: op must be one of add, remove, update', 'invalidOp');
		}
		if (type === undefined || type === null || type === '') throw badRequest('Bad Request: type is required', 'nullType');
		if (type !== 'user') throw badRequest('Bad Request: type must be "user" for user group members', 'invalidType');
		if (id === undefined || id === null || id === '') throw badRequest('Bad Request: id is required', 'nullId');
		if (!isObjectId(id)) throw badRequest(`Bad Request: invalid id "${id}": must be a 24-character hex ObjectId`, 'invalidId');
		if (attributes !== undefined && attributes !== null && !isPlainObject(attributes)) {
			throw badRequest('Bad Request: attributes must be an object or null', 'invalidAttributes');
		}
		if (!o.users.has(id)) {
			throw badRequest(`Bad Request: user "${id}" does not exist in this organization`, 'invalidId');
		}
		const members = /** @type {Map<string, unknown>} */ (o.members.get(groupId));
		if (op === 'add') {
			if (members.has(id)) throw new ApiError(409, 'Already Exists');
			members.set(id, attributes ?? null);
		} else if (op === 'remove') {
			if (!members.has(id)) throw notFound();
			members.delete(id);
		}
		if (op === 'add' || op === 'remove') {
			const group = groupEventResource(/** @type {GroupRecord} */ (o.groups.get(groupId)));
			const user = userEventResource(/** @type {UserRecord} */ (o.users.get(id)));
			this._record(orgId, 'association_change', { resource: group, association: { op, connection: { from: group, to: user } } });
		} else {
			if (!members.has(id)) throw notFound();
			members.set(id, attributes ?? null);
		}
	}
}

// ---------------------------------------------------------------------------------------------
// Organizations

/**
 * `apiAccess: false`: the organization's API access is disabled (fact sheet pitfall 9, unconfirmed).
 * @typedef {{ _id: string, displayName: string, provider: string | null, contactName: string, contactEmail: string, minute: number, apiAccess?: boolean }} OrgDef
 */

/** @type {OrgDef[]} */
const ORG_DEFS = [
	{ _id: ORGS.acme, displayName: 'Acme Corp', provider: null, contactName: 'Mary Smith', contactEmail: 'it@acme.example', minute: 0 },
	{
		_id: ORGS.globex,
		displayName: 'Globex Corporation',
		provider: PROVIDER_ID,
		contactName: 'Globex Admin',
		contactEmail: 'admin@globex.example',
		minute: 1,
	},
	{
		_id: ORGS.initech,
		displayName: 'Initech',
		provider: PROVIDER_ID,
		contactName: 'Initech Admin',
		contactEmail: 'admin@initech.example',
		minute: 2,
	},
	{
		_id: ORGS.umbrella,
		displayName: 'Umbrella Corp',
		provider: PROVIDER_ID,
		contactName: 'Umbrella Admin',
		contactEmail: 'admin@umbrella.example',
		minute: 3,
		apiAccess: false,
	},
];

/** @param {OrgDef} def @returns {OrgRecord} */
function makeOrg(def) {
	return {
		_id: def._id,
		created: new Date(Date.parse('2025-06-01T08:00:00.000Z') + def.minute * 60_000).toISOString(),
		displayName: def.displayName,
		logoUrl: null,
		provider: def.provider,
		settings: {
			contactEmail: def.contactEmail,
			contactName: def.contactName,
			name: def.displayName,
			newSystemUserStateDefaults: { applicationImport: 'ACTIVATED', csvImport: 'ACTIVATED', manualEntry: 'ACTIVATED' },
			passwordCompliance: 'custom',
			passwordPolicy: {
				enableMinLength: true,
				minLength: 8,
				needsLowercase: false,
				needsNumeric: false,
				needsSymbolic: false,
				needsUppercase: false,
			},
			systemUsersCanEdit: true,
		},
	};
}

/** A user as Directory Insights events name it. @param {UserRecord} u */
const userEventResource = (u) => ({ type: 'user', id: u._id, username: u.username, email: u.email });

/** A user group as Directory Insights events name it. @param {GroupRecord} g */
const groupEventResource = (g) => ({ type: 'user_group', id: g.id, name: g.name });

/** @param {OrgRecord} org */
function orgSummary(org) {
	return { _id: org._id, displayName: org.displayName, logoUrl: org.logoUrl };
}

// ---------------------------------------------------------------------------------------------
// Seeds

const DEPARTMENTS = ['Engineering', 'Sales', 'Support', 'Marketing', 'Finance', 'IT'];
/** @type {Record<string, string>} */
const JOB_TITLES = {
	Engineering: 'Software Engineer',
	Sales: 'Account Executive',
	Support: 'Support Specialist',
	Marketing: 'Marketing Specialist',
	Finance: 'Financial Analyst',
	IT: 'Systems Administrator',
};
const FIRST_NAMES = [
	'Alex', 'Blake', 'Casey', 'Dana', 'Eli', 'Frankie', 'Gray', 'Harper', 'Indy', 'Jordan',
	'Kai', 'Logan', 'Morgan', 'Noel', 'Oakley', 'Parker', 'Quinn', 'Riley', 'Sage', 'Taylor',
];
const LAST_NAMES = ['Anderson', 'Brooks', 'Chen', 'Diaz', 'Evans', 'Foster', 'Garcia', 'Hughes', 'Ito', 'Jensen', 'Khan', 'Lopez', 'Murphy'];

/**
 * @param {Directory} d
 * @param {string} orgId
 * @param {string} name
 * @param {string} description
 * @param {string[]} memberIds
 * @param {Record<string, any>} [extra]
 */
function seedGroup(d, orgId, name, description, memberIds, extra = {}) {
	const g = d.createGroup(orgId, { name, description, ...extra });
	for (const id of memberIds) d.memberOp(orgId, g.id, { op: 'add', type: 'user', id });
	return g;
}

/**
 * Default seed. ACME: msmith, jdoe, user001..user130 (132 users, user003 locked, user004 with TOTP) and 12
 * groups; GLOBEX: 8 users, 3 groups; INITECH: 6 users, 2 groups; UMBRELLA (API access disabled): 3 users,
 * 1 group.
 * @param {Directory} d
 */
function seedDefault(d) {
	const acme = ORGS.acme;
	const msmith = d.createUser(acme, {
		username: 'msmith',
		email: 'mary.smith@acme.example',
		firstname: 'Mary',
		lastname: 'Smith',
		displayname: 'Mary Smith',
		department: 'Engineering',
		jobTitle: 'Engineering Manager',
		company: 'Acme Corp',
		employeeIdentifier: 'ACME-0001',
	});
	const jdoe = d.createUser(acme, {
		username: 'jdoe',
		email: 'jane.doe@acme.example',
		firstname: 'Jane',
		lastname: 'Doe',
		displayname: 'Jane Doe',
		department: 'Engineering',
		jobTitle: 'Software Engineer',
		company: 'Acme Corp',
		employeeIdentifier: 'ACME-0002',
		manager: msmith._id,
		phoneNumbers: [{ type: 'mobile', number: '+1 555 0100' }],
		addresses: [
			{
				type: 'work',
				streetAddress: '1 Acme Way',
				locality: 'Springfield',
				region: 'IL',
				postalCode: '62701',
				country: 'US',
			},
		],
		attributes: [{ name: 'badge', value: 'A-1001' }],
	});
	/** @type {UserRecord[]} */
	const numbered = [];
	for (let i = 1; i <= 130; i++) {
		const n = String(i).padStart(3, '0');
		const department = DEPARTMENTS[(i - 1) % DEPARTMENTS.length];
		const firstname = FIRST_NAMES[(i - 1) % FIRST_NAMES.length];
		const lastname = LAST_NAMES[(i - 1) % LAST_NAMES.length];
		/** @type {Record<string, any>} */
		const body = {
			username: `user${n}`,
			email: `user${n}@acme.example`,
			firstname,
			lastname,
			displayname: `${firstname} ${lastname}`,
			department,
			jobTitle: JOB_TITLES[department],
			company: 'Acme Corp',
			employeeIdentifier: `ACME-${String(i + 2).padStart(4, '0')}`,
		};
		if (i % 64 === 0) body.state = 'STAGED';
		else if (i % 25 === 0) body.state = 'SUSPENDED';
		if (department === 'Engineering') body.manager = msmith._id;
		else if (department === 'Sales' && i !== 2) body.manager = numbered[1]._id;
		numbered.push(d.createUser(acme, body));
	}
	// For unlock and resetmfa: user003 is locked out, user004 has TOTP enrolled (read-only fields, set directly;
	// fixed times so that no seed timestamp moves).
	Object.assign(d._getUser(acme, numbered[2]._id), {
		account_locked: true,
		account_locked_date: '2026-01-19T16:42:00.000Z',
		badLoginAttempts: 5,
	});
	const user004 = d._getUser(acme, numbered[3]._id);
	user004.totp_enabled = true;
	user004.mfa = { configured: true, exclusion: false };
	user004.mfaEnrollment = { ...user004.mfaEnrollment, overallStatus: 'ENROLLED', totpStatus: 'ENROLLED' };
	const byDept = (/** @type {string} */ dept) => numbered.filter((u) => u.department === dept).map((u) => u._id);
	const everyone = [msmith._id, jdoe._id, ...numbered.map((u) => u._id)];
	seedGroup(d, acme, 'Engineering', 'Engineering department', [msmith._id, jdoe._id, ...byDept('Engineering')], {
		email: 'engineering@acme.example',
	});
	seedGroup(d, acme, 'Sales', 'Sales department', byDept('Sales'), { email: 'sales@acme.example' });
	seedGroup(d, acme, 'Support', 'Customer support', byDept('Support'));
	seedGroup(d, acme, 'Marketing', 'Marketing department', byDept('Marketing'));
	seedGroup(d, acme, 'Finance', 'Finance department', byDept('Finance'));
	seedGroup(d, acme, 'IT', 'IT operations', byDept('IT'));
	seedGroup(d, acme, 'All Staff', 'Every employee', everyone, { email: 'all-staff@acme.example' });
	seedGroup(d, acme, 'VPN Users', 'Allowed to use the VPN', [msmith._id, jdoe._id, ...numbered.slice(0, 20).map((u) => u._id)]);
	seedGroup(d, acme, 'Contractors', 'External contractors', []);
	seedGroup(d, acme, 'Managers', 'People managers', [msmith._id, numbered[1]._id]);
	seedGroup(d, acme, 'Remote Workers', 'Fully remote staff', numbered.filter((_, idx) => (idx + 1) % 10 === 0).map((u) => u._id));
	seedGroup(d, acme, 'Admins', 'Directory administrators', [msmith._id], {
		attributes: { sudo: { enabled: true, withoutPassword: false } },
	});

	const globex = ORGS.globex;
	const gUsers = [
		['gadmin', 'admin@globex.example', 'Globex', 'Admin', 'IT', 'Administrator'],
		['hscorpio', 'hank.scorpio@globex.example', 'Hank', 'Scorpio', 'Executive', 'Chief Executive Officer'],
		['hsimpson', 'homer.simpson@globex.example', 'Homer', 'Simpson', 'Engineering', 'Safety Engineer'],
		['mlee', 'mira.lee@globex.example', 'Mira', 'Lee', 'Engineering', 'Software Engineer'],
		['tnakamura', 'taro.nakamura@globex.example', 'Taro', 'Nakamura', 'Engineering', 'Software Engineer'],
		['rokafor', 'ruth.okafor@globex.example', 'Ruth', 'Okafor', 'Sales', 'Account Executive'],
		['spetrov', 'sergei.petrov@globex.example', 'Sergei', 'Petrov', 'Finance', 'Controller'],
		['aschmidt', 'anna.schmidt@globex.example', 'Anna', 'Schmidt', 'Support', 'Support Specialist'],
	].map(([username, email, firstname, lastname, department, jobTitle]) =>
		d.createUser(globex, { username, email, firstname, lastname, displayname: `${firstname} ${lastname}`, department, jobTitle, company: 'Globex Corporation' }),
	);
	seedGroup(d, globex, 'Globex Staff', 'Every Globex employee', gUsers.map((u) => u._id));
	seedGroup(d, globex, 'Engineering', 'Globex engineering', [gUsers[2]._id, gUsers[3]._id, gUsers[4]._id]);
	seedGroup(d, globex, 'Doomsday Devices', 'Special projects', [gUsers[1]._id, gUsers[2]._id]);

	const initech = ORGS.initech;
	const iUsers = [
		['iadmin', 'admin@initech.example', 'Initech', 'Admin', 'IT', 'Administrator'],
		['pgibbons', 'peter.gibbons@initech.example', 'Peter', 'Gibbons', 'Engineering', 'Programmer'],
		['mbolton', 'michael.bolton@initech.example', 'Michael', 'Bolton', 'Engineering', 'Programmer'],
		['blumbergh', 'bill.lumbergh@initech.example', 'Bill', 'Lumbergh', 'Management', 'Division Vice President'],
		['mwaddams', 'milton.waddams@initech.example', 'Milton', 'Waddams', 'Facilities', 'Collator'],
		['jsmykowski', 'joanna.smykowski@initech.example', 'Joanna', 'Smykowski', 'Hospitality', 'Server'],
	].map(([username, email, firstname, lastname, department, jobTitle]) =>
		d.createUser(initech, { username, email, firstname, lastname, displayname: `${firstname} ${lastname}`, department, jobTitle, company: 'Initech' }),
	);
	seedGroup(d, initech, 'TPS Reports', 'TPS report reviewers', [iUsers[1]._id, iUsers[2]._id, iUsers[3]._id]);
	seedGroup(d, initech, 'All Staff', 'Every Initech employee', iUsers.map((u) => u._id));

	// API access disabled: reachable only through the directory helpers, GET /api/organizations[/{id}] and the
	// provider's organization list.
	const umbrella = ORGS.umbrella;
	const uUsers = [
		['uadmin', 'admin@umbrella.example', 'Umbrella', 'Admin', 'IT', 'Administrator'],
		['awesker', 'albert.wesker@umbrella.example', 'Albert', 'Wesker', 'Security', 'Head of Security'],
		['wbirkin', 'william.birkin@umbrella.example', 'William', 'Birkin', 'Research', 'Lead Researcher'],
	].map(([username, email, firstname, lastname, department, jobTitle]) =>
		d.createUser(umbrella, { username, email, firstname, lastname, displayname: `${firstname} ${lastname}`, department, jobTitle, company: 'Umbrella Corp' }),
	);
	seedGroup(d, umbrella, 'Umbrella Staff', 'Every Umbrella employee', uUsers.map((u) => u._id));
}

/**
 * Demo seed: a small believable ACME (10 users, 4 groups); GLOBEX, INITECH and UMBRELLA with one admin
 * user and one group each.
 * @param {Directory} d
 */
function seedDemo(d) {
	const acme = ORGS.acme;
	/** @type {Record<string, UserRecord>} */
	const u = {};
	/** @param {string} username @param {string} first @param {string} last @param {string} department @param {string} jobTitle @param {Record<string, any>} [extra] */
	const add = (username, first, last, department, jobTitle, extra = {}) => {
		u[username] = d.createUser(acme, {
			username,
			email: `${first.toLowerCase()}.${last.toLowerCase()}@acme.example`,
			firstname: first,
			lastname: last,
			displayname: `${first} ${last}`,
			department,
			jobTitle,
			company: 'Acme Corp',
			...extra,
		});
	};
	add('msmith', 'Mary', 'Smith', 'Engineering', 'Engineering Manager');
	add('jdoe', 'Jane', 'Doe', 'Engineering', 'Software Engineer', { manager: u.msmith._id });
	add('bkim', 'Ben', 'Kim', 'Engineering', 'Software Engineer', { manager: u.msmith._id });
	add('cgarcia', 'Carlos', 'Garcia', 'Sales', 'Sales Director');
	add('dpatel', 'Divya', 'Patel', 'Sales', 'Account Executive', { manager: u.cgarcia._id });
	add('elee', 'Emma', 'Lee', 'Support', 'Support Lead');
	add('fnguyen', 'Frank', 'Nguyen', 'Support', 'Support Engineer', { manager: u.elee._id });
	add('gbrown', 'Grace', 'Brown', 'IT', 'IT Administrator');
	add('hwilson', 'Henry', 'Wilson', 'Engineering', 'Contractor', { state: 'STAGED', manager: u.msmith._id });
	add('ijohnson', 'Ivy', 'Johnson', 'Marketing', 'Marketing Manager', { state: 'SUSPENDED' });
	const ids = (/** @type {string[]} */ ...names) => names.map((n) => u[n]._id);
	seedGroup(d, acme, 'Engineering', 'Engineering department', ids('msmith', 'jdoe', 'bkim'), { email: 'engineering@acme.example' });
	seedGroup(d, acme, 'All Staff', 'Every employee', Object.values(u).map((x) => x._id), { email: 'all-staff@acme.example' });
	seedGroup(d, acme, 'VPN Users', 'Allowed to use the VPN', ids('msmith', 'jdoe', 'gbrown'));
	seedGroup(d, acme, 'Sales', 'Sales department', ids('cgarcia', 'dpatel'), { email: 'sales@acme.example' });

	const g = d.createUser(ORGS.globex, {
		username: 'gadmin',
		email: 'admin@globex.example',
		firstname: 'Globex',
		lastname: 'Admin',
		displayname: 'Globex Admin',
	});
	seedGroup(d, ORGS.globex, 'Globex Staff', 'Every Globex employee', [g._id]);
	const i = d.createUser(ORGS.initech, {
		username: 'iadmin',
		email: 'admin@initech.example',
		firstname: 'Initech',
		lastname: 'Admin',
		displayname: 'Initech Admin',
	});
	seedGroup(d, ORGS.initech, 'All Staff', 'Every Initech employee', [i._id]);
	const um = d.createUser(ORGS.umbrella, {
		username: 'uadmin',
		email: 'admin@umbrella.example',
		firstname: 'Umbrella',
		lastname: 'Admin',
		displayname: 'Umbrella Admin',
	});
	seedGroup(d, ORGS.umbrella, 'Umbrella Staff', 'Every Umbrella employee', [um._id]);
}

module.exports = { Directory, ORGS, KEYS, PROVIDER_ID, KEY_ACCESS, orgSummary, isPlainObject };
