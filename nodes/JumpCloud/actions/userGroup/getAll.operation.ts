import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Scope } from '../../helpers/locators';
import { returnAllAndLimitOf } from '../../helpers/parameters';
import { jumpCloudApiRequestAllItems, v2AllOf, v2Contains, v2ExactMatch } from '../../transport';
import type { V2Condition } from '../../transport';
import { optionsCollection, returnAllAndLimit } from '../common.descriptions';

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. Engineering',
				description: 'Exact group name (case-sensitive)',
			},
			{
				displayName: 'Name Contains',
				name: 'nameContains',
				type: 'string',
				default: '',
				placeholder: 'e.g. eng',
				description: 'Part of the group name (not case-sensitive)',
			},
		],
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['userGroup'], operation: ['getAll'] } }, properties);

/** The v2 filter for the Filters collection (see v2ExactMatch for values holding a comma). */
export function userGroupFilters(filters: IDataObject): V2Condition {
	const conditions: V2Condition[] = [];
	const name = String(filters.name ?? '').trim();
	const nameContains = String(filters.nameContains ?? '').trim();
	if (name !== '') conditions.push(v2ExactMatch('name', name));
	if (nameContains !== '') conditions.push(v2Contains('name', nameContains));
	return v2AllOf(conditions);
}

export const fanOut = 'list';

export async function execute(this: IExecuteFunctions, scope: Scope) {
	const i = scope.itemIndex;
	const { returnAll, limit } = returnAllAndLimitOf.call(this, i);
	const { filter, matches } = userGroupFilters(this.getNodeParameter('filters', i, {}) as IDataObject);
	const qs: IDataObject = {};
	if (filter.length) qs.filter = filter;
	return await jumpCloudApiRequestAllItems.call(
		this,
		{ method: 'GET', path: '/api/v2/usergroups', qs, ...scope },
		{ returnAll, limit, matches },
	);
}
