// @ts-check
'use strict';
/**
 * The device half of the JumpCloud simulator: systems (v1 `/api/systems`, `/api/search/systems`, the built-in
 * security commands), system groups and their members (v2 `/api/v2/systemgroups`), user ↔ system bindings
 * (v2 `/api/v2/systems/{id}/associations`, `/users`, `/memberof`, `/api/v2/users/{id}/associations`), commands,
 * runs and their results (v1 `/api/commands`, `/api/runCommand`, `/api/command/trigger/{name}`,
 * `/api/commands/{id}/results`), and Apple MDM (v2 `/api/v2/applemdms`, the MDM security commands).
 * Contract: ../shared/jumpcloud-openapi/v1.yaml and v2.yaml (operation ids named on each handler).
 *
 * State lives beside the user directory (directory.js), one per seeding: `devicesOf(sim.directory)` returns it,
 * seeded on first use after every `reset()` (it is keyed by the directory's organization table, which `reset()`
 * replaces), so it is as deterministic as the directory and needs no change there. Bindings to users the
 * directory has since deleted are dropped when read (JumpCloud removes a deleted user's associations).
 *
 * ## Seeds (deterministic: counter ids 69… systems, 6a… system groups, 6b… commands, 6c… command results,
 *    6d… the Apple MDM, 6e… MDM devices, 6f… run (workflow instance) ids, 70… queue ids; fixed timestamps)
 * default, Acme (9 devices, sorted by id):
 *   acme-mbp-msmith (macOS, MDM enrolled, msmith bound with sudo), acme-mbp-jdoe (macOS, MDM enrolled, jdoe),
 *   acme-win-user001 (Windows, user001), acme-ubuntu-build01 (Linux, jdoe with sudo and user002),
 *   acme-win-kiosk (Windows, inactive, last contact 2025-11-02, nobody bound), acme-mbp-user120 (macOS, MDM
 *   enrolled, user120), acme-win-user120 (Windows, user120), acme-mac-legacy (macOS, not MDM enrolled, user010,
 *   inactive), acme-ubuntu-db01 (Linux, nobody bound);
 *   system groups Engineering Laptops (mbp-msmith, mbp-jdoe, ubuntu-build01), Windows Fleet (the three Windows
 *   devices), Servers (ubuntu-build01, ubuntu-db01), Kiosks (win-kiosk), Quarantine (empty);
 *   commands "Collect Diagnostics" (linux, bound to the two Ubuntu devices, 2 earlier results), "Restart Print
 *   Spooler" (windows, bound to the three Windows devices), "Deploy Hotfix" (linux, launchType trigger, trigger
 *   "deploy-hotfix", bound to ubuntu-build01);
 *   one Apple MDM ("Acme MDM") with the three enrolled Macs as its devices.
 * default, Globex: globex-win-hq (Windows, gadmin) and globex-linux-lab (Linux, mlee); group Globex Devices (both);
 *   no commands, no Apple MDM. Initech and Umbrella: no devices.
 * demo, Acme: acme-mbp-msmith, acme-mbp-jdoe (both macOS, MDM enrolled), acme-ubuntu-bkim (Linux),
 *   acme-win-cgarcia and acme-win-dpatel (Windows), acme-win-kiosk (Windows, inactive); groups Engineering
 *   Laptops and Windows Fleet; the same three commands; the Apple MDM with the two Macs.
 * `generateSystems(orgId, count, prefix)` adds many devices at once (Windows/Linux/macOS in turn, every 7th
 * inactive), e.g. 250 for a Return All over several pages; `POST /__simulator/generate` does it for a simulator
 * in another process (index.js).
 *
 * ## Decisions where the sources are silent or "unconfirmed"
 * - PUT /api/systems/{id}: systemput's fields (displayName, the four allow* booleans, attributes, tags) plus
 *   `description` (the system record has it and JumpCloud's PowerShell Set-JCSystem sends it); other fields are
 *   read-only and ignored; a wrong type → 400. Answer: the whole system.
 * - DELETE /api/systems/{id} → 200 with the system; its group memberships, bindings and command bindings go too.
 * - Built-in commands (systems_commandBuiltin*): 201 without a body (spec: "Command created", no content). A
 *   macOS device → 400 (the spec: "Only supported on Linux and Windows devices. Use Apple MDM security commands
 *   for macOS devices"; the status is the simulator's choice). Every accepted command is logged
 *   (`actions()`), nothing else changes.
 * - Apple MDM commands (applemdms_devices{lock,erase,restart,shutdown}): 204; lock and erase of a macOS device
 *   need `{"pin": "<6 digits>"}` (spec: "required for MacOS"), else 400 `{message}`; an unknown MDM or device → 404.
 * - Associations and members behave like user-group members (fact sheet §5, §6 "assumed the same"): add of an
 *   existing edge → 409 "Already Exists", remove/update of a missing one → 404, an id of no such user or system →
 *   400; `targets` is required on GET …/associations (400 without). Supported edge types: system ↔ user,
 *   system ↔ command. `/systems/{id}/users` lists the direct bindings (paths of one step; user groups bound to
 *   systems are not simulated).
 * - POST /api/runCommand `{_id, systemIds?}` → 200 `{queueIds, workflowInstanceId}`: one queue id per device;
 *   without systemIds the devices bound to the command (none → 400); an unknown command → 404, a device of no
 *   such system → 400. Active devices answer at once (a result with exit code 0 and output naming the device);
 *   inactive ones stay queued (no result). Not declared for x-org-id in the spec, accepted like every org route.
 * - POST /api/command/trigger/{name} → 200 `{"triggered": [<command names>]}`, each command listening to the
 *   trigger run on its bound devices as above (the JSON body, if any, becomes the result's `variables` note);
 *   no command listening → 200 `{"triggered": []}` (assumption). A body that is not a JSON object → 400.
 * - POST /api/search/commands: as /search/systemusers (index.js runSearch), default text field name, results
 *   in the commands list's shape.
 * - GET /api/commands/{id}/results: the results of that command, oldest first, limit/skip (an array, no total).
 * - System group names are unique per organization, not case-sensitively (409 "Already Exists"), as for user
 *   groups; `/systemgroups` accepts the spec's filter fields (name disabled type membershipMethod
 *   memberQueryErrorFlags). DELETE → 204.
 */

const { ApiError, badRequest, notFound, isObjectId, paging, v1QueryFilter, v2QueryFilter, sortBy, spaceList, commaList, project, valuesAt } = require('./query');
const { ORGS } = require('./directory');

/** @typedef {Record<string, any>} SystemRecord v1 `system` shape */
/** @typedef {Record<string, any>} SystemGroupRecord v2 `SystemGroup` shape */
/** @typedef {Record<string, any>} CommandRecord v1 `command` shape (with `_id`) */
/** @typedef {Record<string, any>} CommandResultRecord v1 `commandresult` shape */
/**
 * @typedef {{
 *   systems: Map<string, SystemRecord>,
 *   groups: Map<string, SystemGroupRecord>,
 *   members: Map<string, Map<string, unknown>>,
 *   bindings: Map<string, Map<string, unknown>>,
 *   commands: Map<string, CommandRecord>,
 *   commandSystems: Map<string, Set<string>>,
 *   results: CommandResultRecord[],
 *   queue: Array<{ id: string, workflowInstanceId: string, command: string, system: string, pending: boolean }>,
 *   mdm: Record<string, any> | null,
 *   mdmDevices: Map<string, Record<string, any>>,
 * }} OrgDevices
 * @typedef {{ orgId: string, systemId: string, action: string, via: 'builtin' | 'appleMdm', pin?: string, at: string }} DeviceAction
 * @typedef {import('./directory').Directory} Directory
 */

const SEED_CREATED = Date.parse('2025-09-01T08:00:00.000Z');
const RUNTIME_BASE = Date.parse('2026-03-01T09:00:00.000Z');
const ACTIONS = ['lock', 'restart', 'shutdown', 'erase'];
const SYSTEM_GROUP_FILTER_FIELDS = new Set(['name', 'disabled', 'type', 'membershipMethod', 'memberQueryErrorFlags']);
const MEMBERSHIP_METHODS = ['NOTSET', 'STATIC', 'DYNAMIC_REVIEW_REQUIRED', 'DYNAMIC_AUTOMATED'];
const SYSTEM_BOOLEANS = ['allowMultiFactorAuthentication', 'allowPublicKeyAuthentication', 'allowSshPasswordAuthentication', 'allowSshRootLogin'];
/** Fields a commands list shows (spec commandslist). */
const COMMAND_LIST_FIELDS = ['_id', 'command', 'commandType', 'launchType', 'listensTo', 'name', 'organization', 'schedule', 'scheduleRepeatType', 'trigger', 'description'];

/** @param {unknown} v @returns {v is Record<string, any>} */
const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/** @template T @param {T} v @returns {T} */
const clone = (v) => structuredClone(v);
/** @template T @param {T[]} items @param {number} skip @param {number} limit */
const page = (items, skip, limit) => items.slice(skip, skip + limit);
/** @param {string} id @param {string} what */
function requireId(id, what = 'id') {
	if (!isObjectId(id)) throw badRequest(`Bad Request: invalid ${what} "${id}": must be a 24-character hex ObjectId`, 'invalidId');
}

/** Per-seeding state, keyed by the directory's organization table (replaced on every reset). */
const STATES = new WeakMap();

/**
 * The device state of a simulator's directory, seeded on first use after each reset.
 * @param {Directory} dir
 * @returns {DeviceState}
 */
function devicesOf(dir) {
	const key = /** @type {any} */ (dir)._orgs;
	let state = STATES.get(key);
	if (!state) {
		state = new DeviceState(dir);
		STATES.set(key, state);
	}
	return state;
}

class DeviceState {
	/** @param {Directory} dir */
	constructor(dir) {
		/** @private */
		this._dir = dir;
		/** @type {Map<string, OrgDevices>} */
		this._orgs = new Map();
		/** Security commands accepted (built-in and Apple MDM), oldest first. @type {DeviceAction[]} */
		this._actions = [];
		this._counters = { system: 0, group: 0, command: 0, result: 0, mdm: 0, mdmDevice: 0, run: 0, queue: 0, clock: 0, seedMinute: 0 };
		this._seeding = true;
		if (dir.seed === 'demo') seedDemo(this);
		else seedDefault(this);
		this._seeding = false;
	}

	// ---- ids, time, organizations ---------------------------------------------------------------

	/** @param {'system' | 'group' | 'command' | 'result' | 'mdm' | 'mdmDevice' | 'run' | 'queue'} kind */
	_nextId(kind) {
		const prefix = { system: '69', group: '6a', command: '6b', result: '6c', mdm: '6d', mdmDevice: '6e', run: '6f', queue: '70' }[kind];
		this._counters[kind] += 1;
		return prefix + this._counters[kind].toString(16).padStart(22, '0');
	}

	_now() {
		if (this._seeding) {
			this._counters.seedMinute += 1;
			return new Date(SEED_CREATED + this._counters.seedMinute * 3_600_000).toISOString();
		}
		this._counters.clock += 1;
		return new Date(RUNTIME_BASE + this._counters.clock * 1000).toISOString();
	}

	/** @param {string} orgId @returns {OrgDevices} */
	_org(orgId) {
		let o = this._orgs.get(orgId);
		if (!o) {
			// The directory knows every organization (throws 404 for an unknown one).
			/** @type {any} */ (this._dir)._org(orgId);
			o = {
				systems: new Map(),
				groups: new Map(),
				members: new Map(),
				bindings: new Map(),
				commands: new Map(),
				commandSystems: new Map(),
				results: [],
				queue: [],
				mdm: null,
				mdmDevices: new Map(),
			};
			this._orgs.set(orgId, o);
		}
		return o;
	}

	/** @param {string} orgId @param {string} userId */
	_userExists(orgId, userId) {
		return /** @type {any} */ (this._dir)._org(orgId).users.has(userId);
	}

	// ---- read helpers for tests (copies) --------------------------------------------------------

	/** @param {string} orgId @returns {SystemRecord[]} in id (= creation) order */
	systems(orgId) {
		return [...this._org(orgId).systems.values()].map(clone);
	}

	/** @param {string} orgId @param {string} id */
	system(orgId, id) {
		const s = this._org(orgId).systems.get(id);
		return s ? clone(s) : undefined;
	}

	/** @param {string} orgId @param {string} hostname */
	systemByHostname(orgId, hostname) {
		for (const s of this._org(orgId).systems.values()) if (s.hostname === hostname) return clone(s);
		return undefined;
	}

	/** @param {string} orgId @returns {SystemGroupRecord[]} */
	groups(orgId) {
		return [...this._org(orgId).groups.values()].map(clone);
	}

	/** @param {string} orgId @param {string} name */
	groupByName(orgId, name) {
		for (const g of this._org(orgId).groups.values()) if (g.name === name) return clone(g);
		return undefined;
	}

	/** @param {string} orgId @param {string} groupId @returns {string[]} system ids */
	groupMembers(orgId, groupId) {
		return [...(this._org(orgId).members.get(groupId)?.keys() ?? [])];
	}

	/** Users bound directly to a system, with the edge's attributes. @param {string} orgId @param {string} systemId */
	boundUsers(orgId, systemId) {
		return this._bindingEdges(orgId, systemId).map(([userId, attributes]) => ({ userId, attributes: clone(attributes) }));
	}

	/** Systems a user is bound to directly. @param {string} orgId @param {string} userId */
	systemsOfUser(orgId, userId) {
		const o = this._org(orgId);
		return [...o.systems.keys()].filter((systemId) => o.bindings.get(systemId)?.has(userId));
	}

	/** @param {string} orgId @returns {CommandRecord[]} */
	commands(orgId) {
		return [...this._org(orgId).commands.values()].map(clone);
	}

	/** @param {string} orgId @param {string} name */
	commandByName(orgId, name) {
		for (const c of this._org(orgId).commands.values()) if (c.name === name) return clone(c);
		return undefined;
	}

	/** @param {string} orgId @returns {CommandResultRecord[]} */
	results(orgId) {
		return this._org(orgId).results.map(clone);
	}

	/** Queue entries (one per device per run), with `pending` while the device has not answered. @param {string} orgId */
	queue(orgId) {
		return this._org(orgId).queue.map(clone);
	}

	/** @param {string} orgId */
	appleMdm(orgId) {
		const m = this._org(orgId).mdm;
		return m ? clone(m) : undefined;
	}

	/** Security commands accepted so far, oldest first. @returns {DeviceAction[]} */
	actions() {
		return clone(this._actions);
	}

	// ---- systems ----------------------------------------------------------------------------------

	/** @param {string} orgId @param {string} id @returns {SystemRecord} live */
	_getSystem(orgId, id) {
		requireId(id);
		const s = this._org(orgId).systems.get(id);
		if (!s) throw notFound();
		return s;
	}

	/**
	 * Adds a device as its agent would (there is no API to create one).
	 * @param {string} orgId
	 * @param {{ hostname: string, os: 'macOS' | 'Windows' | 'Linux', displayName?: string, active?: boolean, lastContact?: string | null,
	 *   mdm?: boolean, serialNumber?: string, description?: string, users?: Array<string | { id: string, sudo?: boolean }> }} def
	 * @returns {SystemRecord}
	 */
	addSystem(orgId, def) {
		const o = this._org(orgId);
		const id = this._nextId('system');
		const created = this._now();
		const n = this._counters.system;
		const family = { macOS: 'darwin', Windows: 'windows', Linux: 'linux' }[def.os];
		const osName = { macOS: 'Mac OS X', Windows: 'Windows', Linux: 'Ubuntu' }[def.os];
		const version = { macOS: '14.6', Windows: '11 Pro 23H2', Linux: '22.04' }[def.os];
		const active = def.active ?? true;
		/** @type {SystemRecord} */
		const s = {
			_id: id,
			active,
			agentVersion: '1.170.0',
			allowMultiFactorAuthentication: false,
			allowPublicKeyAuthentication: true,
			allowSshPasswordAuthentication: def.os === 'Linux',
			allowSshRootLogin: false,
			arch: def.os === 'macOS' ? 'arm64' : 'x86_64',
			attributes: [],
			builtInCommands: def.os === 'macOS' ? [] : ACTIONS.map((name) => ({ type: 'security', name })),
			created,
			description: def.description ?? '',
			displayName: def.displayName ?? def.hostname,
			fde: { active: def.os !== 'Linux', keyPresent: def.os !== 'Linux' },
			hostname: def.hostname,
			lastContact: def.lastContact !== undefined ? def.lastContact : active ? new Date(Date.parse('2026-02-20T12:00:00.000Z') + n * 60_000).toISOString() : null,
			modifySSHDConfig: def.os === 'Linux',
			networkInterfaces: [{ address: `10.20.${Math.floor(n / 250)}.${(n % 250) + 2}`, family: 'IPv4', internal: false, name: def.os === 'Windows' ? 'Ethernet' : 'en0' }],
			organization: orgId,
			os: osName,
			osFamily: family,
			remoteIP: `203.0.113.${(n % 250) + 2}`,
			serialNumber: def.serialNumber ?? `SN${String(n).padStart(8, '0')}`,
			systemTimezone: 0,
			tags: [],
			version,
			mdm: { vendor: 'none' },
		};
		if (def.mdm && def.os === 'macOS') {
			const mdm = o.mdm ?? this._createAppleMdm(orgId);
			const deviceId = this._nextId('mdmDevice');
			o.mdmDevices.set(deviceId, {
				id: deviceId,
				serialNumber: s.serialNumber,
				udid: `UDID-${s.serialNumber}`,
				osVersion: version,
				depRegistered: true,
				enrolled: true,
				createdAt: created,
				hasActivationLockBypassCodes: false,
				modelFamily: 'Mac',
				mdmOsFamily: 'macos',
				systemId: id,
				appleMdmId: mdm.id,
			});
			s.mdm = { vendor: 'internal', internal: { deviceId }, dep: true, userApproved: true, enrollmentType: 'automated device', profileIdentifier: 'com.jumpcloud.mdm' };
		}
		o.systems.set(id, s);
		o.bindings.set(id, new Map());
		for (const user of def.users ?? []) {
			const entry = typeof user === 'string' ? { id: user } : user;
			o.bindings.get(id)?.set(entry.id, entry.sudo ? { sudo: { enabled: true, withoutPassword: false } } : null);
		}
		return clone(s);
	}

	/** @param {string} orgId */
	_createAppleMdm(orgId) {
		const o = this._org(orgId);
		o.mdm = {
			id: this._nextId('mdm'),
			name: `${/** @type {any} */ (this._dir).org(orgId)?.displayName ?? 'Organization'} MDM`,
			organization: orgId,
			apnsPushTopic: 'com.apple.mgmt.External.00000000-0000-0000-0000-000000000001',
			apnsCertExpiry: '2026-12-31T00:00:00.000Z',
			depServerTokenState: 'valid',
			depAccessTokenExpiry: '2026-12-31T00:00:00.000Z',
			defaultSystemGroupID: null,
			allowMobileUserEnrollment: false,
		};
		return o.mdm;
	}

	/**
	 * Adds `count` devices `<prefix>-00001`… at once (Windows, Linux, macOS in turn; every 7th inactive).
	 * @param {string} orgId
	 * @param {number} count
	 * @param {string} [prefix]
	 */
	generateSystems(orgId, count, prefix = 'gen-device') {
		const width = Math.max(5, String(count).length);
		/** @type {Array<'Windows' | 'Linux' | 'macOS'>} */
		const kinds = ['Windows', 'Linux', 'macOS'];
		for (let i = 1; i <= count; i++) {
			this.addSystem(orgId, { hostname: `${prefix}-${String(i).padStart(width, '0')}`, os: kinds[i % 3], active: i % 7 !== 0 });
		}
	}

	/** @param {string} orgId @returns {SystemRecord[]} live, in id order */
	_systemList(orgId) {
		return [...this._org(orgId).systems.values()];
	}

	/**
	 * PUT /api/systems/{id} (systems_put). Returns the updated system (copy).
	 * @param {string} orgId @param {string} id @param {unknown} body
	 */
	updateSystem(orgId, id, body) {
		const s = this._getSystem(orgId, id);
		if (!isPlainObject(body)) throw badRequest('Bad Request: request body must be a JSON object');
		/** @type {Record<string, any>} */
		const patch = {};
		for (const [k, v] of Object.entries(body)) {
			if (k === 'displayName' || k === 'description') {
				if (typeof v !== 'string') throw badRequest(`Bad Request: "${k}" must be a string`);
				if (v.length > 1024) throw badRequest(`Bad Request: "${k}" exceeds maximum length of 1024`);
				if (k === 'displayName' && v.trim() === '') throw badRequest('Bad Request: "displayName" cannot be empty');
				patch[k] = v;
			} else if (SYSTEM_BOOLEANS.includes(k)) {
				if (typeof v !== 'boolean') throw badRequest(`Bad Request: "${k}" must be a boolean`);
				patch[k] = v;
			} else if (k === 'attributes') {
				if (!Array.isArray(v) || !v.every((a) => isPlainObject(a) && typeof a.name === 'string' && typeof (a.value ?? '') === 'string')) {
					throw badRequest('Bad Request: "attributes" must be an array of {name, value} strings');
				}
				if (v.some((a) => String(a.value ?? '').length > 1024)) throw badRequest('Bad Request: "attributes[].value" exceeds maximum length of 1024');
				patch.attributes = v.map((a) => ({ name: a.name, value: a.value ?? '' }));
			} else if (k === 'tags') {
				if (!Array.isArray(v) || !v.every((t) => typeof t === 'string')) throw badRequest('Bad Request: "tags" must be an array of strings');
				patch.tags = [...v];
			}
			// anything else: read-only or unknown, ignored
		}
		Object.assign(s, patch);
		return clone(s);
	}

	/** DELETE /api/systems/{id} (systems_delete). @param {string} orgId @param {string} id */
	deleteSystem(orgId, id) {
		const o = this._org(orgId);
		const s = this._getSystem(orgId, id);
		o.systems.delete(id);
		o.bindings.delete(id);
		for (const members of o.members.values()) members.delete(id);
		for (const systems of o.commandSystems.values()) systems.delete(id);
		for (const [deviceId, device] of o.mdmDevices) if (device.systemId === id) o.mdmDevices.delete(deviceId);
		return clone(s);
	}

	/**
	 * POST /api/systems/{id}/command/builtin/{action} (systems_commandBuiltin*).
	 * @param {string} orgId @param {string} id @param {string} action
	 */
	builtinCommand(orgId, id, action) {
		const s = this._getSystem(orgId, id);
		if (s.osFamily === 'darwin') {
			throw badRequest(`Bad Request: the built-in ${action} command runs on Linux and Windows devices only; use the Apple MDM ${action} command for macOS`);
		}
		this._actions.push({ orgId, systemId: id, action, via: 'builtin', at: this._now() });
	}

	// ---- bindings (system ↔ user, system ↔ command) -------------------------------------------------

	/** @param {string} orgId @param {string} systemId @returns {[string, unknown][]} */
	_bindingEdges(orgId, systemId) {
		const bindings = this._org(orgId).bindings.get(systemId) ?? new Map();
		for (const userId of [...bindings.keys()]) if (!this._userExists(orgId, userId)) bindings.delete(userId);
		return [...bindings.entries()];
	}

	/**
	 * One association change from either side: `{op, type, id, attributes}`.
	 * @param {string} orgId
	 * @param {string} systemId
	 * @param {string} otherType 'user' | 'command'
	 * @param {string} otherId
	 * @param {unknown} op
	 * @param {unknown} attributes
	 */
	_changeEdge(orgId, systemId, otherType, otherId, op, attributes) {
		const o = this._org(orgId);
		if (op === undefined || op === null || op === '') throw badRequest('Bad Request: op is required', 'nullOp');
		if (!['add', 'remove', 'update'].includes(String(op))) throw badRequest('Bad Request: op must be one of add, remove, update', 'invalidOp');
		if (attributes !== undefined && attributes !== null && !isPlainObject(attributes)) throw badRequest('Bad Request: attributes must be an object or null', 'invalidAttributes');
		if (otherId === undefined || otherId === null || otherId === '') throw badRequest('Bad Request: id is required', 'nullId');
		requireId(otherId);
		/** @type {Map<string, unknown>} */
		let edges;
		if (otherType === 'user') {
			if (!this._userExists(orgId, otherId)) throw badRequest(`Bad Request: user "${otherId}" does not exist in this organization`, 'invalidId');
			this._bindingEdges(orgId, systemId);
			edges = /** @type {Map<string, unknown>} */ (o.bindings.get(systemId));
		} else if (otherType === 'command') {
			if (!o.commands.has(otherId)) throw badRequest(`Bad Request: command "${otherId}" does not exist in this organization`, 'invalidId');
			const systems = /** @type {Set<string>} */ (o.commandSystems.get(otherId));
			if (op === 'add' && systems.has(systemId)) throw new ApiError(409, 'Already Exists');
			if (op !== 'add' && !systems.has(systemId)) throw notFound();
			if (op === 'add') systems.add(systemId);
			if (op === 'remove') systems.delete(systemId);
			return;
		} else {
			throw badRequest(`Bad Request: associations of type "${otherType}" are not simulated (user, command)`, 'invalidType');
		}
		if (op === 'add') {
			if (edges.has(otherId)) throw new ApiError(409, 'Already Exists');
			edges.set(otherId, attributes ?? null);
		} else if (op === 'remove') {
			if (!edges.has(otherId)) throw notFound();
			edges.delete(otherId);
		} else {
			if (!edges.has(otherId)) throw notFound();
			edges.set(otherId, attributes ?? null);
		}
	}

	/** POST /api/v2/systems/{id}/associations. @param {string} orgId @param {string} systemId @param {unknown} body */
	systemAssociationOp(orgId, systemId, body) {
		this._getSystem(orgId, systemId);
		if (!isPlainObject(body)) throw badRequest('Bad Request: request body must be a JSON object', 'invalidBody');
		if (body.type === undefined || body.type === null || body.type === '') throw badRequest('Bad Request: type is required', 'nullType');
		this._changeEdge(orgId, systemId, String(body.type), body.id, body.op, body.attributes);
	}

	/** POST /api/v2/users/{id}/associations. @param {string} orgId @param {string} userId @param {unknown} body */
	userAssociationOp(orgId, userId, body) {
		requireId(userId);
		if (!this._userExists(orgId, userId)) throw notFound();
		if (!isPlainObject(body)) throw badRequest('Bad Request: request body must be a JSON object', 'invalidBody');
		if (body.type !== 'system') {
			throw badRequest(`Bad Request: associations of type "${String(body.type)}" are not simulated for users (system)`, 'invalidType');
		}
		if (body.id === undefined || body.id === null || body.id === '') throw badRequest('Bad Request: id is required', 'nullId');
		requireId(String(body.id));
		if (!this._org(orgId).systems.has(String(body.id))) throw badRequest(`Bad Request: system "${String(body.id)}" does not exist in this organization`, 'invalidId');
		this._changeEdge(orgId, String(body.id), 'user', userId, body.op, body.attributes);
	}

	/** Binds a user as a setup step. @param {string} orgId @param {string} systemId @param {string} userId @param {boolean} [sudo] */
	bindUser(orgId, systemId, userId, sudo = false) {
		this.systemAssociationOp(orgId, systemId, { op: 'add', type: 'user', id: userId, ...(sudo ? { attributes: { sudo: { enabled: true, withoutPassword: false } } } : {}) });
	}

	// ---- system groups -----------------------------------------------------------------------------

	/** @param {string} orgId @param {string} id */
	_getGroup(orgId, id) {
		requireId(id);
		const g = this._org(orgId).groups.get(id);
		if (!g) throw notFound();
		return g;
	}

	/** @param {string} orgId @param {unknown} body @param {string | undefined} selfId */
	_validateGroupBody(orgId, body, selfId) {
		if (!isPlainObject(body)) throw badRequest('Bad Request: request body must be a JSON object', 'invalidBody');
		if (body.name === undefined || body.name === null || body.name === '') throw badRequest('Bad Request: name is required', 'nullName');
		if (typeof body.name !== 'string' || body.name.trim() === '') throw badRequest('Bad Request: name must be a non-empty string', 'invalidName');
		for (const f of ['description', 'email']) {
			if (body[f] !== undefined && body[f] !== null && typeof body[f] !== 'string') throw badRequest(`Bad Request: ${f} must be a string`, `invalid${f[0].toUpperCase()}${f.slice(1)}`);
		}
		if (body.attributes !== undefined && body.attributes !== null && !isPlainObject(body.attributes)) throw badRequest('Bad Request: attributes must be an object or null', 'invalidAttributes');
		if (body.membershipMethod !== undefined && !MEMBERSHIP_METHODS.includes(body.membershipMethod)) {
			throw badRequest(`Bad Request: membershipMethod must be one of ${MEMBERSHIP_METHODS.join(', ')}`, 'invalidMembershipMethod');
		}
		const lower = body.name.toLowerCase();
		for (const g of this._org(orgId).groups.values()) {
			if (g.id !== selfId && String(g.name).toLowerCase() === lower) throw new ApiError(409, 'Already Exists');
		}
		return body;
	}

	/**
	 * POST /api/v2/systemgroups (groups_system_post) → the new group (copy).
	 * @param {string} orgId @param {unknown} body
	 */
	createGroup(orgId, body) {
		const o = this._org(orgId);
		const valid = this._validateGroupBody(orgId, body, undefined);
		const id = this._nextId('group');
		/** @type {SystemGroupRecord} */
		const g = {
			attributes: valid.attributes === undefined ? null : clone(valid.attributes),
			description: valid.description ?? '',
			email: valid.email ?? '',
			id,
			memberQueryErrorFlags: [],
			memberQueryExemptions: [],
			memberSuggestionsNotify: valid.memberSuggestionsNotify === true,
			membershipMethod: valid.membershipMethod ?? 'STATIC',
			name: valid.name,
			organizationObjectId: orgId,
			type: 'system_group',
		};
		o.groups.set(id, g);
		o.members.set(id, new Map());
		return clone(g);
	}

	/** DELETE /api/v2/systemgroups/{id}. @param {string} orgId @param {string} id */
	deleteGroup(orgId, id) {
		const o = this._org(orgId);
		const g = this._getGroup(orgId, id);
		o.groups.delete(id);
		o.members.delete(id);
		return clone(g);
	}

	/**
	 * POST /api/v2/systemgroups/{id}/members `{op, type: "system", id}`: 409 add of a member, 404 remove of a
	 * non-member, 400 for a system of no such id.
	 * @param {string} orgId @param {string} groupId @param {unknown} body
	 */
	memberOp(orgId, groupId, body) {
		const o = this._org(orgId);
		this._getGroup(orgId, groupId);
		if (!isPlainObject(body)) throw badRequest('Bad Request: request body must be a JSON object', 'invalidBody');
		const { op, type, id, attributes } = body;
		if (op === undefined || op === null || op === '') throw badRequest('Bad Request: op is required', 'nullOp');
		if (!['add', 'remove', 'update'].includes(op)) throw badRequest('Bad Request: op must be one of add, remove, update', 'invalidOp');
		if (type === undefined || type === null || type === '') throw badRequest('Bad Request: type is required', 'nullType');
		if (type !== 'system') throw badRequest('Bad Request: type must be "system" for system group members', 'invalidType');
		if (id === undefined || id === null || id === '') throw badRequest('Bad Request: id is required', 'nullId');
		requireId(String(id));
		if (attributes !== undefined && attributes !== null && !isPlainObject(attributes)) throw badRequest('Bad Request: attributes must be an object or null', 'invalidAttributes');
		if (!o.systems.has(id)) throw badRequest(`Bad Request: system "${id}" does not exist in this organization`, 'invalidId');
		const members = /** @type {Map<string, unknown>} */ (o.members.get(groupId));
		if (op === 'add') {
			if (members.has(id)) throw new ApiError(409, 'Already Exists');
			members.set(id, attributes ?? null);
		} else {
			if (!members.has(id)) throw notFound();
			if (op === 'remove') members.delete(id);
			else members.set(id, attributes ?? null);
		}
	}

	// ---- commands ----------------------------------------------------------------------------------

	/**
	 * Adds a saved command (setup; the node does not create commands).
	 * @param {string} orgId
	 * @param {{ name: string, command: string, commandType: 'linux' | 'windows' | 'mac', trigger?: string, systems?: string[], description?: string, user?: string }} def
	 */
	addCommand(orgId, def) {
		const o = this._org(orgId);
		const id = this._nextId('command');
		/** @type {CommandRecord} */
		const c = {
			_id: id,
			command: def.command,
			commandRunners: [],
			commandType: def.commandType,
			description: def.description ?? '',
			files: [],
			launchType: def.trigger ? 'trigger' : 'manual',
			listensTo: '',
			name: def.name,
			organization: orgId,
			schedule: '',
			scheduleRepeatType: '',
			shell: def.commandType === 'windows' ? 'powershell' : '/bin/bash',
			sudo: false,
			systems: [],
			timeout: '120',
			timeToLiveSeconds: 86400,
			trigger: def.trigger ?? '',
			user: def.user ?? '000000000000000000000000',
		};
		o.commands.set(id, c);
		o.commandSystems.set(id, new Set(def.systems ?? []));
		return clone(c);
	}

	/** @param {string} orgId @param {string} id */
	_getCommand(orgId, id) {
		requireId(id);
		const c = this._org(orgId).commands.get(id);
		if (!c) throw notFound();
		return c;
	}

	/**
	 * One run of a command on devices: a queue id per device, a result at once for the active ones.
	 * @param {string} orgId @param {CommandRecord} c @param {string[]} systemIds @param {unknown} [variables]
	 */
	_run(orgId, c, systemIds, variables) {
		const o = this._org(orgId);
		const workflowInstanceId = this._nextId('run');
		const queueIds = [];
		for (const systemId of systemIds) {
			const s = /** @type {SystemRecord} */ (o.systems.get(systemId));
			const queueId = this._nextId('queue');
			queueIds.push(queueId);
			o.queue.push({ id: queueId, workflowInstanceId, command: c._id, system: systemId, pending: !s.active });
			if (!s.active) continue;
			const requestTime = this._now();
			const note = variables && Object.keys(variables).length ? ` with ${JSON.stringify(variables)}` : '';
			o.results.push({
				_id: this._nextId('result'),
				command: c.command,
				files: [],
				name: c.name,
				organization: orgId,
				requestTime,
				response: { id: queueId, data: { exitCode: 0, output: `${c.name} ran on ${s.hostname}${note}` }, error: '' },
				responseTime: this._now(),
				sudo: c.sudo === true,
				system: s.displayName,
				systemId,
				user: c.user,
				workflowId: c._id,
				workflowInstanceId,
			});
		}
		return { queueIds, workflowInstanceId };
	}

	/**
	 * POST /api/runCommand `{_id, systemIds?}` (commands_run).
	 * @param {string} orgId @param {unknown} body
	 */
	runCommand(orgId, body) {
		const o = this._org(orgId);
		if (!isPlainObject(body)) throw badRequest('Bad Request: request body must be a JSON object');
		if (typeof body._id !== 'string' || body._id === '') throw badRequest('Bad Request: "_id" (the command ID) is required');
		const c = this._getCommand(orgId, body._id);
		/** @type {string[]} */
		let systemIds;
		if (body.systemIds === undefined || body.systemIds === null) {
			systemIds = [.../** @type {Set<string>} */ (o.commandSystems.get(c._id))].filter((id) => o.systems.has(id));
			if (systemIds.length === 0) throw badRequest(`Bad Request: command "${c.name}" is bound to no device; send systemIds`);
		} else {
			if (!Array.isArray(body.systemIds) || !body.systemIds.every((id) => typeof id === 'string')) throw badRequest('Bad Request: "systemIds" must be an array of strings');
			if (body.systemIds.length === 0) throw badRequest('Bad Request: "systemIds" is empty');
			for (const id of body.systemIds) {
				requireId(id, 'system id');
				if (!o.systems.has(id)) throw badRequest(`Bad Request: system "${id}" does not exist in this organization`);
			}
			systemIds = [...new Set(/** @type {string[]} */ (body.systemIds))];
		}
		return this._run(orgId, c, systemIds);
	}

	/**
	 * POST /api/command/trigger/{name} (command_trigger_webhook_post) → `{triggered: [names]}`.
	 * @param {string} orgId @param {string} name @param {unknown} body
	 */
	trigger(orgId, name, body) {
		const o = this._org(orgId);
		if (body !== undefined && !isPlainObject(body)) throw badRequest('Bad Request: the request body must be a JSON object');
		const triggered = [];
		for (const c of o.commands.values()) {
			if (c.launchType !== 'trigger' || c.trigger !== name) continue;
			const systemIds = [.../** @type {Set<string>} */ (o.commandSystems.get(c._id))].filter((id) => o.systems.has(id));
			this._run(orgId, c, systemIds, body);
			triggered.push(c.name);
		}
		return { triggered };
	}

	// ---- Apple MDM ------------------------------------------------------------------------------------

	/**
	 * POST /api/v2/applemdms/{mdm}/devices/{device}/{action} (applemdms_devices*): 204.
	 * @param {string} orgId @param {string} mdmId @param {string} deviceId @param {string} action @param {unknown} body
	 */
	mdmCommand(orgId, mdmId, deviceId, action, body) {
		const o = this._org(orgId);
		requireId(mdmId);
		requireId(deviceId);
		if (!o.mdm || o.mdm.id !== mdmId) throw notFound();
		const device = o.mdmDevices.get(deviceId);
		if (!device || device.appleMdmId !== mdmId) throw notFound();
		if (body !== undefined && !isPlainObject(body)) throw badRequest('Bad Request: the request body must be a JSON object');
		const b = body ?? {};
		/** @type {string | undefined} */
		let pin;
		if (action === 'lock' || action === 'erase') {
			if (b.pin === undefined || b.pin === null || b.pin === '') {
				if (device.mdmOsFamily === 'macos') throw badRequest(`Bad Request: a 6-digit pin is required to ${action} a macOS device`);
			} else if (typeof b.pin !== 'string' || !/^[0-9]{6}$/.test(b.pin)) {
				throw badRequest('Bad Request: pin must be 6 digits');
			} else pin = b.pin;
		}
		if (action === 'restart' && b.kextPaths !== undefined && (!Array.isArray(b.kextPaths) || !b.kextPaths.every((p) => typeof p === 'string'))) {
			throw badRequest('Bad Request: kextPaths must be an array of strings');
		}
		this._actions.push({ orgId, systemId: device.systemId, action, via: 'appleMdm', ...(pin ? { pin } : {}), at: this._now() });
	}
}

// ---------------------------------------------------------------------------------------------------
// HTTP handlers (index.js puts DEVICE_ROUTES into its ROUTES table)

/** @typedef {import('./index').Ctx} Ctx */
/** @typedef {import('./index').HandlerResult} HandlerResult */

/** index.js's shared pieces, read when a request comes (index.js requires this file while it loads). */
const shared = () => /** @type {{ runSearch: Function, v1SearchParam: Function }} */ (require('./index'));

/** @param {Ctx} c */
const dev = (c) => devicesOf(c.dir);

/** v2 list answer: a page of the array and its total in `x-total-count`. @param {Ctx} c @param {unknown[]} items */
function v2Page(c, items) {
	const { limit, skip } = paging(c.query);
	return { status: 200, body: page(items, skip, limit), headers: { 'x-total-count': String(items.length) } };
}

/** @param {Ctx} c @returns {HandlerResult} systems_list */
function listSystems(c) {
	const { limit, skip } = paging(c.query);
	const ec = String(c.headers['x-eventually-consistent']).toLowerCase() === 'true';
	const filter = v1QueryFilter(c.query, ec);
	const search = shared().v1SearchParam(c.query, ['hostname', 'displayName']);
	const matching = dev(c)._systemList(c.orgId).filter((s) => filter(s) && search(s));
	const sorted = sortBy(matching, spaceList(c.query.sort));
	const fields = spaceList(c.query.fields);
	return { status: 200, body: { totalCount: sorted.length, results: page(sorted, skip, limit).map((s) => project(clone(s), fields, '_id')) } };
}

/** @param {Ctx} c @returns {HandlerResult} systems_get */
function getSystem(c) {
	return { status: 200, body: project(clone(dev(c)._getSystem(c.orgId, c.params[0])), spaceList(c.query.fields), '_id') };
}

/** @param {Ctx} c @returns {HandlerResult} systems_put */
function updateSystem(c) {
	return { status: 200, body: dev(c).updateSystem(c.orgId, c.params[0], c.body) };
}

/** @param {Ctx} c @returns {HandlerResult} systems_delete */
function deleteSystem(c) {
	return { status: 200, body: dev(c).deleteSystem(c.orgId, c.params[0]) };
}

/** @param {Ctx} c @returns {HandlerResult} search_systems_post */
function searchSystems(c) {
	return shared().runSearch(c, dev(c)._systemList(c.orgId), ['hostname', 'displayName'], (/** @type {SystemRecord} */ s) => s);
}

/** @param {string} action @returns {(c: Ctx) => HandlerResult} systems_commandBuiltin* */
const builtin = (action) => (c) => {
	dev(c).builtinCommand(c.orgId, c.params[0], action);
	return { status: 201 };
};

/** @param {Ctx} c @returns {HandlerResult} graph_systemAssociationsList */
function systemAssociations(c) {
	const d = dev(c);
	d._getSystem(c.orgId, c.params[0]);
	const targets = commaList(c.query.targets);
	if (targets.length === 0) throw badRequest('Bad Request: targets is required', 'invalidTargets');
	const o = d._org(c.orgId);
	const edges = [];
	if (targets.includes('user')) {
		for (const [id, attributes] of d._bindingEdges(c.orgId, c.params[0])) edges.push({ attributes: attributes ?? null, to: { attributes: null, id, type: 'user' } });
	}
	if (targets.includes('command')) {
		for (const [commandId, systems] of o.commandSystems) if (systems.has(c.params[0])) edges.push({ attributes: null, to: { attributes: null, id: commandId, type: 'command' } });
	}
	return v2Page(c, edges);
}

/** @param {Ctx} c @returns {HandlerResult} graph_systemAssociationsPost */
function systemAssociationOp(c) {
	dev(c).systemAssociationOp(c.orgId, c.params[0], c.body);
	return { status: 204 };
}

/** @param {Ctx} c @returns {HandlerResult} graph_systemTraverseUser */
function systemUsers(c) {
	const d = dev(c);
	d._getSystem(c.orgId, c.params[0]);
	const objects = d._bindingEdges(c.orgId, c.params[0]).map(([id, attributes]) => ({
		compiledAttributes: attributes ?? null,
		id,
		paths: [[{ attributes: attributes ?? null, to: { attributes: null, id, type: 'user' } }]],
		type: 'user',
	}));
	return v2Page(c, objects.filter(v2QueryFilter(c.query, undefined)));
}

/** @param {Ctx} c @returns {HandlerResult} graph_systemMemberOf */
function systemMemberOf(c) {
	const d = dev(c);
	d._getSystem(c.orgId, c.params[0]);
	const o = d._org(c.orgId);
	const objects = [...o.groups.keys()]
		.filter((gid) => o.members.get(gid)?.has(c.params[0]))
		.map((gid) => ({ compiledAttributes: null, id: gid, paths: [[{ attributes: null, to: { attributes: null, id: gid, type: 'system_group' } }]], type: 'system_group' }));
	const filter = v2QueryFilter(c.query, new Set(['object_id', 'type']), (r, field) => valuesAt(r, field === 'object_id' ? 'id' : field));
	return v2Page(c, sortBy(objects.filter(filter), commaList(c.query.sort).map((s) => s.replace(/^(-?)object_id$/, '$1id'))));
}

/** @param {Ctx} c @returns {HandlerResult} graph_userAssociationsList */
function userAssociations(c) {
	const d = dev(c);
	requireId(c.params[0]);
	if (!d._userExists(c.orgId, c.params[0])) throw notFound();
	const targets = commaList(c.query.targets);
	if (targets.length === 0) throw badRequest('Bad Request: targets is required', 'invalidTargets');
	const edges = [];
	if (targets.includes('system')) {
		for (const systemId of d.systemsOfUser(c.orgId, c.params[0])) {
			const attributes = d._org(c.orgId).bindings.get(systemId)?.get(c.params[0]);
			edges.push({ attributes: attributes ?? null, to: { attributes: null, id: systemId, type: 'system' } });
		}
	}
	return v2Page(c, edges);
}

/** @param {Ctx} c @returns {HandlerResult} graph_userAssociationsPost */
function userAssociationOp(c) {
	dev(c).userAssociationOp(c.orgId, c.params[0], c.body);
	return { status: 204 };
}

/** @param {Ctx} c @returns {HandlerResult} groups_system_list */
function listGroups(c) {
	const filter = v2QueryFilter(c.query, SYSTEM_GROUP_FILTER_FIELDS);
	const sorted = sortBy([...dev(c)._org(c.orgId).groups.values()].filter(filter), commaList(c.query.sort));
	const fields = commaList(c.query.fields);
	const { limit, skip } = paging(c.query);
	return { status: 200, body: page(sorted, skip, limit).map((g) => project(clone(g), fields, 'id')), headers: { 'x-total-count': String(sorted.length) } };
}

/** @param {Ctx} c @returns {HandlerResult} */
const createGroup = (c) => ({ status: 201, body: dev(c).createGroup(c.orgId, c.body) });
/** @param {Ctx} c @returns {HandlerResult} */
const getGroup = (c) => ({ status: 200, body: clone(dev(c)._getGroup(c.orgId, c.params[0])) });
/** @param {Ctx} c @returns {HandlerResult} */
function deleteGroup(c) {
	dev(c).deleteGroup(c.orgId, c.params[0]);
	return { status: 204 };
}

/** @param {Ctx} c @returns {HandlerResult} graph_systemGroupMembersList */
function listMembers(c) {
	const d = dev(c);
	d._getGroup(c.orgId, c.params[0]);
	const edges = [.../** @type {Map<string, unknown>} */ (d._org(c.orgId).members.get(c.params[0])).entries()].map(([id, attributes]) => ({
		attributes: attributes ?? null,
		to: { attributes: null, id, type: 'system' },
	}));
	return v2Page(c, edges);
}

/** @param {Ctx} c @returns {HandlerResult} graph_systemGroupMembersPost */
function memberOp(c) {
	dev(c).memberOp(c.orgId, c.params[0], c.body);
	return { status: 204 };
}

/** @param {Ctx} c @returns {HandlerResult} commands_list */
function listCommands(c) {
	const { limit, skip } = paging(c.query);
	const filter = v1QueryFilter(c.query, String(c.headers['x-eventually-consistent']).toLowerCase() === 'true');
	const sorted = sortBy([...dev(c)._org(c.orgId).commands.values()].filter(filter), spaceList(c.query.sort));
	const fields = spaceList(c.query.fields);
	const results = page(sorted, skip, limit).map((cmd) => project(clone(cmd), fields.length ? fields : COMMAND_LIST_FIELDS, '_id'));
	return { status: 200, body: { totalCount: sorted.length, results } };
}

/** @param {Ctx} c @returns {HandlerResult} search_commands_post */
function searchCommands(c) {
	return shared().runSearch(c, [...dev(c)._org(c.orgId).commands.values()], ['name'], (/** @type {CommandRecord} */ cmd) => project(cmd, COMMAND_LIST_FIELDS, '_id'));
}

/** @param {Ctx} c @returns {HandlerResult} commands_get */
const getCommand = (c) => ({ status: 200, body: project(clone(dev(c)._getCommand(c.orgId, c.params[0])), spaceList(c.query.fields), '_id') });

/** @param {Ctx} c @returns {HandlerResult} commands_getResults */
function commandResults(c) {
	const d = dev(c);
	d._getCommand(c.orgId, c.params[0]);
	const { limit, skip } = paging(c.query);
	return { status: 200, body: page(d._org(c.orgId).results.filter((r) => r.workflowId === c.params[0]), skip, limit).map(clone) };
}

/** @param {Ctx} c @returns {HandlerResult} commands_run */
const runCommand = (c) => ({ status: 200, body: dev(c).runCommand(c.orgId, c.body) });

/** @param {Ctx} c @returns {HandlerResult} command_trigger_webhook_post */
const trigger = (c) => ({ status: 200, body: dev(c).trigger(c.orgId, c.params[0], c.body) });

/** @param {Ctx} c @returns {HandlerResult} applemdms_list */
function listAppleMdms(c) {
	const mdm = dev(c)._org(c.orgId).mdm;
	const { skip } = paging(c.query);
	const limit = c.query.limit === undefined ? 1 : paging(c.query).limit;
	return { status: 200, body: page(mdm ? [clone(mdm)] : [], skip, limit) };
}

/** @param {string} action @returns {(c: Ctx) => HandlerResult} applemdms_devices* */
const mdmAction = (action) => (c) => {
	dev(c).mdmCommand(c.orgId, c.params[0], c.params[1], action, c.body);
	return { status: 204 };
};

/** @type {Array<{ method: string, pattern: RegExp, orgScoped: boolean, handler: (ctx: Ctx) => HandlerResult }>} */
const DEVICE_ROUTES = [
	{ method: 'GET', pattern: /^\/api\/systems$/, orgScoped: true, handler: listSystems },
	{ method: 'GET', pattern: /^\/api\/systems\/([^/]+)$/, orgScoped: true, handler: getSystem },
	{ method: 'PUT', pattern: /^\/api\/systems\/([^/]+)$/, orgScoped: true, handler: updateSystem },
	{ method: 'DELETE', pattern: /^\/api\/systems\/([^/]+)$/, orgScoped: true, handler: deleteSystem },
	{ method: 'POST', pattern: /^\/api\/search\/systems$/, orgScoped: true, handler: searchSystems },
	...ACTIONS.map((action) => ({ method: 'POST', pattern: new RegExp(`^\\/api\\/systems\\/([^/]+)\\/command\\/builtin\\/${action}$`), orgScoped: true, handler: builtin(action) })),
	{ method: 'GET', pattern: /^\/api\/v2\/systems\/([^/]+)\/associations$/, orgScoped: true, handler: systemAssociations },
	{ method: 'POST', pattern: /^\/api\/v2\/systems\/([^/]+)\/associations$/, orgScoped: true, handler: systemAssociationOp },
	{ method: 'GET', pattern: /^\/api\/v2\/systems\/([^/]+)\/users$/, orgScoped: true, handler: systemUsers },
	{ method: 'GET', pattern: /^\/api\/v2\/systems\/([^/]+)\/memberof$/, orgScoped: true, handler: systemMemberOf },
	{ method: 'GET', pattern: /^\/api\/v2\/users\/([^/]+)\/associations$/, orgScoped: true, handler: userAssociations },
	{ method: 'POST', pattern: /^\/api\/v2\/users\/([^/]+)\/associations$/, orgScoped: true, handler: userAssociationOp },
	{ method: 'GET', pattern: /^\/api\/v2\/systemgroups$/, orgScoped: true, handler: listGroups },
	{ method: 'POST', pattern: /^\/api\/v2\/systemgroups$/, orgScoped: true, handler: createGroup },
	{ method: 'GET', pattern: /^\/api\/v2\/systemgroups\/([^/]+)$/, orgScoped: true, handler: getGroup },
	{ method: 'DELETE', pattern: /^\/api\/v2\/systemgroups\/([^/]+)$/, orgScoped: true, handler: deleteGroup },
	{ method: 'GET', pattern: /^\/api\/v2\/systemgroups\/([^/]+)\/members$/, orgScoped: true, handler: listMembers },
	{ method: 'POST', pattern: /^\/api\/v2\/systemgroups\/([^/]+)\/members$/, orgScoped: true, handler: memberOp },
	{ method: 'GET', pattern: /^\/api\/commands$/, orgScoped: true, handler: listCommands },
	{ method: 'POST', pattern: /^\/api\/search\/commands$/, orgScoped: true, handler: searchCommands },
	{ method: 'GET', pattern: /^\/api\/commands\/([^/]+)$/, orgScoped: true, handler: getCommand },
	{ method: 'GET', pattern: /^\/api\/commands\/([^/]+)\/results$/, orgScoped: true, handler: commandResults },
	{ method: 'POST', pattern: /^\/api\/runCommand$/, orgScoped: true, handler: runCommand },
	{ method: 'POST', pattern: /^\/api\/command\/trigger\/([^/]+)$/, orgScoped: true, handler: trigger },
	{ method: 'GET', pattern: /^\/api\/v2\/applemdms$/, orgScoped: true, handler: listAppleMdms },
	...ACTIONS.map((action) => ({
		method: 'POST',
		pattern: new RegExp(`^\\/api\\/v2\\/applemdms\\/([^/]+)\\/devices\\/([^/]+)\\/${action}$`),
		orgScoped: true,
		handler: mdmAction(action),
	})),
];

// ---------------------------------------------------------------------------------------------------
// Seeds

/**
 * @param {DeviceState} d
 * @param {string} orgId
 * @param {string} username
 */
function userId(d, orgId, username) {
	const user = /** @type {any} */ (d)._dir.userByUsername(orgId, username);
	if (!user) throw new Error(`device seed: no user ${username}`);
	return String(user._id);
}

/**
 * @param {DeviceState} d
 * @param {string} orgId
 * @param {string} name
 * @param {string} description
 * @param {string[]} systemIds
 */
function seedGroup(d, orgId, name, description, systemIds) {
	const g = d.createGroup(orgId, { name, description });
	for (const id of systemIds) d.memberOp(orgId, g.id, { op: 'add', type: 'system', id });
	return g;
}

/**
 * The three saved commands of both seeds, and two earlier results of the first.
 * @param {DeviceState} d @param {string} orgId @param {{ linux: string[], windows: string[], hotfix: string[] }} bound
 */
function seedCommands(d, orgId, bound) {
	const admin = userId(d, orgId, 'msmith');
	const diagnostics = d.addCommand(orgId, {
		name: 'Collect Diagnostics',
		command: 'journalctl -n 200 --no-pager',
		commandType: 'linux',
		systems: bound.linux,
		description: 'Recent system log lines',
		user: admin,
	});
	d.addCommand(orgId, { name: 'Restart Print Spooler', command: 'Restart-Service -Name Spooler', commandType: 'windows', systems: bound.windows, description: 'Fixes stuck print queues' });
	d.addCommand(orgId, {
		name: 'Deploy Hotfix',
		command: 'apt-get install -y acme-hotfix',
		commandType: 'linux',
		trigger: 'deploy-hotfix',
		systems: bound.hotfix,
		description: 'Run by the deploy-hotfix webhook',
		user: admin,
	});
	d._run(orgId, /** @type {CommandRecord} */ (d._org(orgId).commands.get(diagnostics._id)), bound.linux.slice(0, 1));
	d._run(orgId, /** @type {CommandRecord} */ (d._org(orgId).commands.get(diagnostics._id)), bound.linux.slice(0, 1));
}

/** @param {DeviceState} d */
function seedDefault(d) {
	const acme = ORGS.acme;
	const u = (/** @type {string} */ name) => userId(d, acme, name);
	const mbpMsmith = d.addSystem(acme, { hostname: 'acme-mbp-msmith', displayName: "Mary's MacBook Pro", os: 'macOS', mdm: true, users: [{ id: u('msmith'), sudo: true }] });
	const mbpJdoe = d.addSystem(acme, { hostname: 'acme-mbp-jdoe', displayName: "Jane's MacBook Pro", os: 'macOS', mdm: true, users: [u('jdoe')] });
	const winUser001 = d.addSystem(acme, { hostname: 'acme-win-user001', os: 'Windows', users: [u('user001')] });
	const build01 = d.addSystem(acme, { hostname: 'acme-ubuntu-build01', displayName: 'Build server 01', os: 'Linux', description: 'CI runner', users: [{ id: u('jdoe'), sudo: true }, u('user002')] });
	const kiosk = d.addSystem(acme, { hostname: 'acme-win-kiosk', displayName: 'Lobby kiosk', os: 'Windows', active: false, lastContact: '2025-11-02T17:30:00.000Z' });
	const mbp120 = d.addSystem(acme, { hostname: 'acme-mbp-user120', os: 'macOS', mdm: true, users: [u('user120')] });
	const win120 = d.addSystem(acme, { hostname: 'acme-win-user120', os: 'Windows', users: [u('user120')] });
	d.addSystem(acme, { hostname: 'acme-mac-legacy', os: 'macOS', active: false, lastContact: '2025-12-15T08:00:00.000Z', users: [u('user010')] });
	const db01 = d.addSystem(acme, { hostname: 'acme-ubuntu-db01', displayName: 'Database 01', os: 'Linux' });
	seedGroup(d, acme, 'Engineering Laptops', 'Laptops of the engineering team', [mbpMsmith._id, mbpJdoe._id, build01._id]);
	seedGroup(d, acme, 'Windows Fleet', 'Every Windows device', [winUser001._id, kiosk._id, win120._id]);
	seedGroup(d, acme, 'Servers', 'Linux servers', [build01._id, db01._id]);
	seedGroup(d, acme, 'Kiosks', 'Shared kiosks', [kiosk._id]);
	seedGroup(d, acme, 'Quarantine', 'Devices held for investigation', []);
	void mbp120;
	seedCommands(d, acme, { linux: [build01._id, db01._id], windows: [winUser001._id, kiosk._id, win120._id], hotfix: [build01._id] });

	const globex = ORGS.globex;
	const hq = d.addSystem(globex, { hostname: 'globex-win-hq', os: 'Windows', users: [userId(d, globex, 'gadmin')] });
	const lab = d.addSystem(globex, { hostname: 'globex-linux-lab', os: 'Linux', users: [userId(d, globex, 'mlee')] });
	seedGroup(d, globex, 'Globex Devices', 'Every Globex device', [hq._id, lab._id]);
}

/** @param {DeviceState} d */
function seedDemo(d) {
	const acme = ORGS.acme;
	const u = (/** @type {string} */ name) => userId(d, acme, name);
	const mbpMsmith = d.addSystem(acme, { hostname: 'acme-mbp-msmith', displayName: "Mary's MacBook Pro", os: 'macOS', mdm: true, users: [{ id: u('msmith'), sudo: true }] });
	const mbpJdoe = d.addSystem(acme, { hostname: 'acme-mbp-jdoe', displayName: "Jane's MacBook Pro", os: 'macOS', mdm: true, users: [u('jdoe')] });
	const bkim = d.addSystem(acme, { hostname: 'acme-ubuntu-bkim', os: 'Linux', users: [{ id: u('bkim'), sudo: true }] });
	const cgarcia = d.addSystem(acme, { hostname: 'acme-win-cgarcia', os: 'Windows', users: [u('cgarcia')] });
	const dpatel = d.addSystem(acme, { hostname: 'acme-win-dpatel', os: 'Windows', users: [u('dpatel')] });
	const kiosk = d.addSystem(acme, { hostname: 'acme-win-kiosk', displayName: 'Lobby kiosk', os: 'Windows', active: false, lastContact: '2025-11-02T17:30:00.000Z' });
	seedGroup(d, acme, 'Engineering Laptops', 'Laptops of the engineering team', [mbpMsmith._id, mbpJdoe._id, bkim._id]);
	seedGroup(d, acme, 'Windows Fleet', 'Every Windows device', [cgarcia._id, dpatel._id, kiosk._id]);
	seedCommands(d, acme, { linux: [bkim._id], windows: [cgarcia._id, dpatel._id, kiosk._id], hotfix: [bkim._id] });
}

module.exports = { DEVICE_ROUTES, devicesOf, DeviceState };
