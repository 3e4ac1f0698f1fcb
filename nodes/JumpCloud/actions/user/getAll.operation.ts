import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resolveUserReference } from '../../helpers/locators';
import type { Scope } from '../../helpers/locators';
import { returnAllAndLimitOf } from '../../helpers/parameters';
import { SIMPLIFIED_USER_FIELDS, simplifyUser, withoutSecrets } from '../../helpers/users';
import { jumpCloudApiRequestAllItems } from '../../transport';
import { optionsCollection, returnAllAndLimit, simplifyProperty } from '../common.descriptions';

/** Exact-match filters: the node's name for each, and the v1 field it compares. */
const EXACT_FILTERS: Array<{ name: string; displayName: string; field: string; placeholder: string }> = [
	{ name: 'company', displayName: 'Company', field: 'company', placeholder: 'e.g. Acme Inc.' },
	{ name: 'department', displayName: 'Department', field: 'department', placeholder: 'e.g. Sales' },
	{ name: 'email', displayName: 'Email', field: 'email', placeholder: 'e.g. jane.doe@example.com' },
	{ name: 'employeeType', displayName: 'Employee Type', field: 'employeeType', placeholder: 'e.g. Contractor' },
	{ name: 'jobTitle', displayName: 'Job Title', field: 'jobTitle', placeholder: 'e.g. Engineer' },
	{ name: 'location', displayName: 'Location', field: 'location', placeholder: 'e.g. Boulder' },
	{ name: 'username', displayName: 'Username', field: 'username', placeholder: 'e.g. jdoe' },
];

/** Fields the free-text search looks in. */
const SEARCH_FIELDS = ['username', 'email', 'firstname', 'lastname', 'displayname'];

/** The Filters collection's entries, by display name. */
const filterOptions: INodeProperties[] = (
	[
			{
				displayName: 'Account Locked',
				name: 'accountLocked',
				type: 'boolean',
				default: true,
				description: 'Whether to list only users locked out after failed logins (on) or only users who are not (off)',
			},
			{
				displayName: 'Custom Attribute',
				name: 'attribute',
				type: 'fixedCollection',
				default: {},
				description: 'A custom attribute the user has, with this exact value',
				options: [
					{
						displayName: 'Attribute',
						name: 'attribute',
						values: [
							{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. costCenter' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'e.g. 4711' },
						],
					},
				],
			},
			...EXACT_FILTERS.map((filter) => ({ displayName: filter.displayName, name: filter.name, type: 'string', default: '', placeholder: filter.placeholder })),
			{
				displayName: 'Manager',
				name: 'manager',
				type: 'string',
				default: '',
				placeholder: 'e.g. mary.smith@example.com',
				description: 'The manager, by user ID, email or username: lists their direct reports',
			},
			{
				displayName: 'State',
				name: 'state',
				type: 'options',
				default: 'ACTIVATED',
				options: [
					{ name: 'Activated', value: 'ACTIVATED', description: 'Can log in' },
					{ name: 'Staged', value: 'STAGED', description: 'Created, not yet activated' },
					{ name: 'Suspended', value: 'SUSPENDED', description: 'Cannot log in' },
				],
			},
	] as INodeProperties[]
).sort((a, b) => a.displayName.localeCompare(b.displayName));

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		placeholder: 'e.g. jane',
		description: 'Text to find in the username, email, first, last or display name (part of a word, not case-sensitive). Leave empty to list every user the filters match.',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description: 'Exact, case-sensitive matches; users must match all filters added',
		options: filterOptions,
	},
	simplifyProperty(),
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['getAll'] } }, properties);

export const cacheLookups = true;
export const fanOut = 'list';

/** One exact condition on a v1 user field. */
export interface UserCondition {
	field: string;
	value: string | boolean;
}

/** The Filters collection as exact conditions (the manager resolved to an ID), and the custom attribute. */
async function conditionsOf(this: IExecuteFunctions, filters: IDataObject, scope: Scope) {
	const conditions: UserCondition[] = [];
	for (const filter of EXACT_FILTERS) {
		const value = String(filters[filter.name] ?? '').trim();
		if (value !== '') conditions.push({ field: filter.field, value });
	}
	if (typeof filters.state === 'string' && filters.state !== '') conditions.push({ field: 'state', value: filters.state });
	if (typeof filters.accountLocked === 'boolean') conditions.push({ field: 'account_locked', value: filters.accountLocked });
	const manager = String(filters.manager ?? '').trim();
	if (manager !== '') conditions.push({ field: 'manager', value: await resolveUserReference.call(this, manager, scope, 'Filters > Manager') });
	const attribute = ((filters.attribute as IDataObject | undefined)?.attribute ?? undefined) as IDataObject | undefined;
	const attributeName = String(attribute?.name ?? '').trim();
	return { conditions, attribute: attributeName === '' ? undefined : { name: attributeName, value: String(attribute?.value ?? '') } };
}

/**
 * Lists users: `GET /api/systemusers` with one v1 `$eq` filter per condition, read in `_id` order (exact
 * parallel paging), or, with a search text, `POST /api/search/systemusers` (substring search plus the same
 * conditions). A custom attribute is narrowed on the server by its value and matched exactly here, since a v1
 * filter cannot tie a name to a value within one attribute.
 */
export async function execute(this: IExecuteFunctions, scope: Scope) {
	const i = scope.itemIndex;
	const { returnAll, limit } = returnAllAndLimitOf.call(this, i);
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const search = String(this.getNodeParameter('search', i, '') ?? '').trim();
	const { conditions, attribute } = await conditionsOf.call(this, this.getNodeParameter('filters', i, {}) as IDataObject, scope);
	if (attribute) conditions.push({ field: 'attributes.value', value: attribute.value });
	const matches = attribute
		? (user: IDataObject) => Array.isArray(user.attributes) && (user.attributes as IDataObject[]).some((entry) => entry.name === attribute.name && String(entry.value) === attribute.value)
		: undefined;
	// A custom attribute needs the attributes back, whatever Simplify says.
	const fields = simplify ? [...SIMPLIFIED_USER_FIELDS, ...(attribute ? ['attributes'] : [])] : undefined;

	const users =
		search === ''
			? await jumpCloudApiRequestAllItems.call(
					this,
					{
						method: 'GET',
						path: '/api/systemusers',
						qs: { filter: conditions.map(({ field, value }) => `${field}:$eq:${String(value)}`), fields },
						...scope,
					},
					{ returnAll, limit, matches },
				)
			: await jumpCloudApiRequestAllItems.call(
					this,
					{
						method: 'POST',
						path: '/api/search/systemusers',
						body: {
							searchFilter: { searchTerm: search, fields: SEARCH_FIELDS },
							...(conditions.length ? { filter: { and: conditions.map(({ field, value }) => ({ [field]: value })) } } : {}),
							...(fields ? { fields: fields.join(' ') } : {}),
						},
						...scope,
					},
					// search_systemusers_post takes no sort (v1 spec); the read is still checked for consistency.
					{ returnAll, limit, matches, sortById: false },
				);
	return users.map((user) => (simplify ? simplifyUser(user) : withoutSecrets(user)));
}
