import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

/**
 * Building Directory Insights queries (the `search_term` of EventQuery; fact sheet §8 and the Insights spec's
 * "Search" section): the common event kinds the trigger offers, free-text event types, and search terms.
 * JumpCloud stores field values in lowercase ("Use lowercase values in your search_terms"), so values are sent
 * in lowercase.
 */

/** Authentication events that carry `success` (Insights spec, Event Types): console, user portal, devices, SSO, RADIUS, LDAP. */
export const LOGIN_EVENT_TYPES = ['admin_login_attempt', 'user_login_attempt', 'login_attempt', 'sso_auth', 'radius_auth', 'ldap_bind'];

interface EventPreset {
	name: string;
	description: string;
	/** One search-term clause (the clauses of several presets are ORed). */
	clause: IDataObject;
}

const types = (...eventTypes: string[]): IDataObject => ({ event_type: eventTypes.length === 1 ? eventTypes[0] : eventTypes });
const withSuccess = (clause: IDataObject, success: boolean): IDataObject => ({ and: [clause, { success: String(success) }] });

/** The event kinds the trigger lists (values are stable: they are stored in workflows). */
export const EVENT_PRESETS: Record<string, EventPreset> = {
	userCreated: { name: 'User Created', description: 'A user account is created (user_create)', clause: types('user_create') },
	userUpdated: { name: 'User Updated', description: 'A user account is changed (user_update)', clause: types('user_update') },
	userDeleted: { name: 'User Deleted', description: 'A user account is deleted (user_delete)', clause: types('user_delete') },
	userSuspended: { name: 'User Suspended', description: 'A user account is suspended (user_suspended)', clause: types('user_suspended') },
	userLockedOut: { name: 'User Locked Out', description: 'A user account is locked out (user_lockout)', clause: types('user_lockout') },
	passwordChanged: { name: 'Password Changed', description: "A user's password changes (user_password_change)", clause: types('user_password_change') },
	groupMembershipChanged: {
		name: 'Group Membership Changed',
		description: 'A user (or other resource) is added to or removed from a group (association_change)',
		clause: types('association_change'),
	},
	loginFailed: {
		name: 'Login Failed',
		description: `An admin or user login fails: console, user portal, device, SSO, RADIUS or LDAP (${LOGIN_EVENT_TYPES.join(', ')} with success false)`,
		clause: withSuccess(types(...LOGIN_EVENT_TYPES), false),
	},
	loginSucceeded: {
		name: 'Login Succeeded',
		description: `An admin or user logs in: console, user portal, device, SSO, RADIUS or LDAP (${LOGIN_EVENT_TYPES.join(', ')} with success true)`,
		clause: withSuccess(types(...LOGIN_EVENT_TYPES), true),
	},
	adminLoginFailed: { name: 'Admin Login Failed', description: 'An admin login to the console fails (admin_login_attempt with success false)', clause: withSuccess(types('admin_login_attempt'), false) },
	adminAction: {
		name: 'Admin Action',
		description: 'Anything an administrator did: changes in the directory, by console or API key (initiated_by.type admin)',
		clause: { 'initiated_by.type': 'admin' },
	},
	adminAccountChanged: {
		name: 'Admin Account Changed',
		description: 'An admin account is created, changed or deleted, or its password changes (admin_create, admin_update, admin_delete, admin_password_change)',
		clause: types('admin_create', 'admin_update', 'admin_delete', 'admin_password_change'),
	},
	deviceAdded: { name: 'Device Added', description: 'A device (system) is added (system_create)', clause: types('system_create') },
	deviceUpdated: { name: 'Device Updated', description: 'A device (system) is changed (system_update)', clause: types('system_update') },
	deviceRemoved: { name: 'Device Removed', description: 'A device (system) is deleted (system_delete)', clause: types('system_delete') },
	anyEvent: { name: 'Any Event', description: 'Every event of the organization', clause: {} },
};

/** The trigger's 'Events' list: the presets, sorted by name (n8n's convention for options). */
export const EVENT_PRESET_OPTIONS: INodePropertyOptions[] = Object.entries(EVENT_PRESETS)
	.map(([value, preset]) => ({ name: preset.name, value, description: preset.description }))
	.sort((a, b) => a.name.localeCompare(b.name));

/** A list typed as text (commas or new lines) or given as an array by an expression: trimmed, empty ones dropped. */
export function listOf(raw: unknown): string[] {
	const values = Array.isArray(raw) ? raw.map((value) => String(value ?? '')) : String(raw ?? '').split(/[,\n]/);
	return [...new Set(values.map((value) => value.trim()).filter((value) => value !== ''))];
}

/** Event types as JumpCloud stores them (lowercase), without duplicates. */
export function eventTypesOf(raw: unknown): string[] {
	return [...new Set(listOf(raw).map((value) => value.toLowerCase()))];
}

/**
 * The `search_term` that matches any of the chosen presets or event types (clauses ORed); undefined when any event
 * matches (no preset, or Any Event).
 */
export function triggerSearchTerm(presets: string[], customEventTypes: string[]): IDataObject | undefined {
	if (presets.includes('anyEvent')) return undefined;
	const clauses: IDataObject[] = presets.flatMap((preset) => (EVENT_PRESETS[preset] ? [EVENT_PRESETS[preset].clause] : []));
	if (customEventTypes.length) clauses.push(types(...customEventTypes));
	if (clauses.length === 0) return undefined;
	return { or: clauses };
}

/** Operators of the explicit search-term form (Insights spec, "Operator-based search terms"). */
export const SEARCH_OPERATORS: INodePropertyOptions[] = [
	{ name: 'After (Timestamp)', value: 'after' },
	{ name: 'Before (Timestamp)', value: 'before' },
	{ name: 'Contains', value: 'contains' },
	{ name: 'Ends With', value: 'endsWith' },
	{ name: 'Equals', value: 'eq' },
	{ name: 'Greater Than', value: 'gt' },
	{ name: 'Greater Than or Equal', value: 'gte' },
	{ name: 'In List', value: 'in' },
	{ name: 'Less Than', value: 'lt' },
	{ name: 'Less Than or Equal', value: 'lte' },
	{ name: 'Not Equal', value: 'ne' },
	{ name: 'Not in List', value: 'not_in' },
	{ name: 'Starts With', value: 'startsWith' },
];

const NUMERIC_OPERATORS = new Set(['gt', 'gte', 'lt', 'lte']);
const LIST_OPERATORS = new Set(['in', 'not_in']);
const TIME_OPERATORS = new Set(['after', 'before']);

export interface SearchTermInput {
	field: string;
	operator: string;
	value: string;
}

/** One search term in the operator form; values lowercased (except timestamps), lists split, numbers as numbers. */
export function searchTermOf({ field, operator, value }: SearchTermInput): IDataObject {
	const text = String(value ?? '').trim();
	let converted: unknown;
	if (LIST_OPERATORS.has(operator)) converted = listOf(text).map((entry) => entry.toLowerCase());
	else if (NUMERIC_OPERATORS.has(operator) && text !== '' && Number.isFinite(Number(text))) converted = Number(text);
	else if (TIME_OPERATORS.has(operator)) converted = text;
	else converted = text.toLowerCase();
	return { field: field.trim(), operator, value: converted as IDataObject };
}
