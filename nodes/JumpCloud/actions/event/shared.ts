import { DateTime } from 'luxon';
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { eventTypesOf, listOf, SEARCH_OPERATORS, searchTermOf } from '../../helpers/insightsQuery';
import type { SearchTermInput } from '../../helpers/insightsQuery';
import { INSIGHTS_SERVICES } from '../../transport';
import type { InsightsQuery } from '../../transport';

/** Display names of the Insights services (the spec's `service` values). */
const SERVICE_NAMES: Record<string, string> = {
	all: 'All',
	access_management: 'Access Management',
	aigw: 'AI Gateway',
	ai_admin: 'AI Admin',
	alerts: 'Alerts',
	asset_management: 'Asset Management',
	directory: 'Directory',
	genai: 'GenAI',
	generic_di: 'Generic DI',
	ldap: 'LDAP',
	mdm: 'MDM',
	notifications: 'Notifications',
	object_storage: 'Object Storage',
	password_manager: 'Password Manager',
	password_vault: 'Password Vault',
	radius: 'RADIUS',
	reports: 'Reports',
	saas_app_management: 'SaaS App Management',
	software: 'Software',
	sso: 'SSO',
	systems: 'Systems (Devices)',
	workflows: 'Workflows',
};

/** What every Event operation asks: which services, which time range, which events. */
export const queryProperties: INodeProperties[] = [
	{
		displayName: 'Services',
		name: 'services',
		type: 'multiOptions',
		default: ['all'],
		description: 'The Directory Insights services to read events of (All: every service)',
		options: INSIGHTS_SERVICES.map((service) => ({ name: SERVICE_NAMES[service] ?? service, value: service })).sort((a, b) => a.name.localeCompare(b.name)),
	},
	{
		displayName: 'Time Range',
		name: 'timeRange',
		type: 'options',
		default: 'lastHours',
		options: [
			{ name: 'Last Hours', value: 'lastHours', description: 'Events of the last N hours, up to now' },
			{ name: 'Between', value: 'between', description: 'Events from a start time to an end time (or now)' },
		],
	},
	{
		displayName: 'Hours',
		name: 'hours',
		type: 'number',
		default: 24,
		typeOptions: { minValue: 0.01 },
		description: 'How many hours back from now (JumpCloud keeps events for 90 days)',
		displayOptions: { show: { timeRange: ['lastHours'] } },
	},
	{
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		required: true,
		default: '',
		description: "The earliest event time (in the workflow's time zone unless it names one)",
		displayOptions: { show: { timeRange: ['between'] } },
	},
	{
		displayName: 'End Time',
		name: 'endTime',
		type: 'dateTime',
		default: '',
		description: 'The latest event time; empty means now',
		displayOptions: { show: { timeRange: ['between'] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Event Types',
				name: 'eventTypes',
				type: 'string',
				default: '',
				placeholder: 'e.g. user_create, admin_login_attempt',
				description: 'Only these event types (separated by commas), e.g. user_create, user_update, user_delete, association_change, admin_login_attempt, user_login_attempt, sso_auth',
			},
			{
				displayName: 'Exclude Provider Activity',
				name: 'excludeProviderActivity',
				type: 'boolean',
				default: false,
				description: "Whether to leave out the MSP provider's own events and keep only the organization's",
			},
			{
				displayName: 'Full-Text Query',
				name: 'query',
				type: 'string',
				default: '',
				placeholder: 'e.g. jane.doe',
				description: "Free text JumpCloud searches the events for (the query's q)",
			},
			{
				displayName: 'Match',
				name: 'matchTerms',
				type: 'options',
				default: 'all',
				description: 'How the search terms combine',
				options: [
					{ name: 'All Search Terms', value: 'all' },
					{ name: 'Any Search Term', value: 'any' },
				],
			},
			{
				displayName: 'Search Terms',
				name: 'searchTerms',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Search Term',
				default: {},
				description: 'Conditions on event fields (dot notation for nested ones, e.g. initiated_by.username). Values are sent in lowercase, as JumpCloud stores them.',
				options: [
					{
						displayName: 'Term',
						name: 'term',
						values: [
							{ displayName: 'Field', name: 'field', type: 'string', default: '', placeholder: 'e.g. initiated_by.username' },
							{ displayName: 'Operator', name: 'operator', type: 'options', default: 'eq', options: SEARCH_OPERATORS },
							{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'e.g. jane.doe (a list: a, b)' },
						],
					},
				],
			},
			{
				displayName: 'Success',
				name: 'success',
				type: 'options',
				default: 'any',
				description: 'For authentication events: only successful or only failed ones',
				options: [
					{ name: 'Any', value: 'any' },
					{ name: 'Failed Only', value: 'false' },
					{ name: 'Successful Only', value: 'true' },
				],
			},
		],
	},
];

/** Milliseconds of a date-time parameter (an ISO string, a Luxon DateTime or a Date); zone-less strings in the workflow's zone. */
function timeOf(this: IExecuteFunctions, raw: unknown, label: string, itemIndex: number): number | undefined {
	if (raw === undefined || raw === null || raw === '') return undefined;
	let ms: number | undefined;
	if (raw instanceof Date) ms = raw.getTime();
	else if (DateTime.isDateTime(raw)) ms = raw.toMillis();
	else if (typeof raw === 'string') {
		const parsed = DateTime.fromISO(raw.trim(), { zone: this.getTimezone() });
		ms = parsed.isValid ? parsed.toMillis() : undefined;
	}
	if (ms === undefined || !Number.isFinite(ms)) {
		throw new NodeOperationError(this.getNode(), `'${label}' is not a date and time: ${JSON.stringify(raw)}`, {
			itemIndex,
			description: `Give '${label}' as an ISO 8601 date and time, e.g. 2026-05-01T14:00:00Z.`,
		});
	}
	return ms;
}

const isoOf = (ms: number) => new Date(ms).toISOString();

/**
 * The query body of an item (services, times, search terms), without `fields`, `sort` and paging. Wrong input
 * fails here, naming the parameter, before anything is sent.
 */
export function eventQueryOf(this: IExecuteFunctions, itemIndex: number, nowMs = Date.now()): InsightsQuery {
	const node = this.getNode();
	const services = listOf(this.getNodeParameter('services', itemIndex, ['all']));
	const unknown = services.filter((service) => !(INSIGHTS_SERVICES as readonly string[]).includes(service));
	if (services.length === 0 || unknown.length) {
		throw new NodeOperationError(node, services.length ? `'Services' has unknown services: ${unknown.join(', ')}` : "'Services' is empty", {
			itemIndex,
			description: `Choose from: ${INSIGHTS_SERVICES.join(', ')}.`,
		});
	}
	let startMs: number;
	let endMs: number | undefined;
	if (this.getNodeParameter('timeRange', itemIndex, 'lastHours') === 'between') {
		startMs = timeOf.call(this, this.getNodeParameter('startTime', itemIndex, ''), 'Start Time', itemIndex) as number;
		if (startMs === undefined) {
			throw new NodeOperationError(node, "'Start Time' is empty", { itemIndex, description: 'Set the earliest event time, or use Time Range > Last Hours.' });
		}
		endMs = timeOf.call(this, this.getNodeParameter('endTime', itemIndex, ''), 'End Time', itemIndex);
		if (startMs > nowMs) {
			throw new NodeOperationError(node, `'Start Time' ${isoOf(startMs)} is in the future`, { itemIndex, description: 'JumpCloud refuses a start in the future: pick an earlier time.' });
		}
		if (endMs !== undefined && endMs <= startMs) {
			throw new NodeOperationError(node, `'End Time' ${isoOf(endMs)} is not after 'Start Time' ${isoOf(startMs)}`, { itemIndex, description: 'Set an end after the start, or leave End Time empty for now.' });
		}
	} else {
		const raw = this.getNodeParameter('hours', itemIndex, 24) as unknown;
		const hours = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
		if (typeof hours !== 'number' || !Number.isFinite(hours) || hours <= 0) {
			throw new NodeOperationError(node, `'Hours' must be a number of hours above 0, not ${JSON.stringify(raw)}`, { itemIndex, description: 'Set Hours to e.g. 24.' });
		}
		startMs = nowMs - Math.round(hours * 3_600_000);
	}

	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const conditions: IDataObject[] = [];
	const eventTypes = eventTypesOf(filters.eventTypes);
	if (eventTypes.length) conditions.push({ event_type: eventTypes.length === 1 ? eventTypes[0] : eventTypes });
	if (filters.success === 'true' || filters.success === 'false') conditions.push({ success: filters.success });
	const terms = (((filters.searchTerms as IDataObject | undefined)?.term ?? []) as SearchTermInput[]).filter((term) => String(term.field ?? '').trim() !== '');
	const searchTerms = terms.map(searchTermOf);
	if (searchTerms.length > 1 && filters.matchTerms === 'any') conditions.push({ or: searchTerms });
	else conditions.push(...searchTerms);

	const query: InsightsQuery = { service: services, start_time: isoOf(startMs) };
	if (endMs !== undefined) query.end_time = isoOf(endMs);
	if (conditions.length) query.search_term = { and: conditions };
	const text = String(filters.query ?? '').trim();
	if (text !== '') query.q = text;
	if (filters.excludeProviderActivity === true) query.exclude_provider_activity = true;
	return query;
}
