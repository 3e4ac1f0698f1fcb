import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { SIMPLIFIED_DEVICE_FIELDS, simplifyDevice } from '../../helpers/devices';
import type { Scope } from '../../helpers/locators';
import { returnAllAndLimitOf } from '../../helpers/parameters';
import { jumpCloudApiRequestAllItems } from '../../transport';
import { optionsCollection, returnAllAndLimit, simplifyProperty } from '../common.descriptions';

/** Fields the free-text search looks in. */
const SEARCH_FIELDS = ['hostname', 'displayName', 'serialNumber'];

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		placeholder: 'e.g. macbook',
		description: 'Text to find in the hostname, display name or serial number (part of a word, not case-sensitive). Leave empty to list every device the filters match.',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description: 'Devices must match all filters added',
		options: [
			{ displayName: 'Active', name: 'active', type: 'boolean', default: true, description: 'Whether to list only devices whose agent is connected now (on) or only those that are not (off)' },
			{ displayName: 'Hostname', name: 'hostname', type: 'string', default: '', placeholder: 'e.g. jane-macbook-pro', description: 'Exact hostname (case-sensitive)' },
			{ displayName: 'Last Contact After', name: 'lastContactAfter', type: 'dateTime', default: '', description: 'Only devices whose agent last reported after this time' },
			{ displayName: 'Last Contact Before', name: 'lastContactBefore', type: 'dateTime', default: '', description: 'Only devices whose agent last reported before this time (e.g. to find stale devices)' },
			{
				displayName: 'OS',
				name: 'osFamily',
				type: 'options',
				default: 'darwin',
				description: "The device's operating system family",
				options: [
					{ name: 'Linux', value: 'linux' },
					{ name: 'macOS', value: 'darwin' },
					{ name: 'Windows', value: 'windows' },
				],
			},
		],
	},
	simplifyProperty("Whether to return each device's key fields (hostname, names, OS, state, last contact, serial number, MDM enrollment) instead of JumpCloud's whole system record"),
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['device'], operation: ['getAll'] } }, properties);

export const cacheLookups = true;
export const fanOut = 'list';

/** A date parameter as the ISO 8601 UTC time JumpCloud stores (`lastContact`), compared as text. */
function isoTime(this: IExecuteFunctions, value: unknown, label: string, itemIndex: number): string {
	const time = new Date(value as string);
	if (value === null || value === '' || Number.isNaN(time.getTime())) {
		throw new NodeOperationError(this.getNode(), `'${label}' is not a date and time: "${String(value)}"`, {
			itemIndex,
			description: `Enter a date such as 2026-01-31 or 2026-01-31T12:00:00Z in '${label}'.`,
		});
	}
	return time.toISOString();
}

/**
 * Lists devices: `GET /api/systems` with one v1 filter per condition, read in `_id` order (exact parallel paging),
 * or, with a search text, `POST /api/search/systems` (substring search plus the same conditions).
 */
export async function execute(this: IExecuteFunctions, scope: Scope) {
	const i = scope.itemIndex;
	const { returnAll, limit } = returnAllAndLimitOf.call(this, i);
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const search = String(this.getNodeParameter('search', i, '') ?? '').trim();
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const exact: Array<[string, string | boolean]> = [];
	const ranges: string[] = [];
	if (typeof filters.osFamily === 'string' && filters.osFamily !== '') exact.push(['osFamily', filters.osFamily]);
	const hostname = String(filters.hostname ?? '').trim();
	if (hostname !== '') exact.push(['hostname', hostname]);
	if (typeof filters.active === 'boolean') exact.push(['active', filters.active]);
	if (filters.lastContactAfter !== undefined && filters.lastContactAfter !== '') ranges.push(`lastContact:$gt:${isoTime.call(this, filters.lastContactAfter, 'Filters > Last Contact After', i)}`);
	if (filters.lastContactBefore !== undefined && filters.lastContactBefore !== '') ranges.push(`lastContact:$lt:${isoTime.call(this, filters.lastContactBefore, 'Filters > Last Contact Before', i)}`);
	const fields = simplify ? [...SIMPLIFIED_DEVICE_FIELDS] : undefined;
	const devices =
		search === ''
			? await jumpCloudApiRequestAllItems.call(
					this,
					{ method: 'GET', path: '/api/systems', qs: { filter: [...exact.map(([field, value]) => `${field}:$eq:${String(value)}`), ...ranges], fields }, ...scope },
					{ returnAll, limit },
				)
			: await jumpCloudApiRequestAllItems.call(
					this,
					{
						method: 'POST',
						path: '/api/search/systems',
						body: {
							searchFilter: { searchTerm: search, fields: SEARCH_FIELDS },
							...(exact.length || ranges.length ? { filter: { and: [...exact.map(([field, value]) => ({ [field]: value })), ...ranges] } } : {}),
							...(fields ? { fields: fields.join(' ') } : {}),
						},
						...scope,
					},
					// search_systems_post takes no sort (v1 spec); the read is still checked for consistency.
					{ returnAll, limit, sortById: false },
				);
	return simplify ? devices.map(simplifyDevice) : devices;
}
