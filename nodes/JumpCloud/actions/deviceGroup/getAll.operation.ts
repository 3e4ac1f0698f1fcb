import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Scope } from '../../helpers/locators';
import { returnAllAndLimitOf } from '../../helpers/parameters';
import { jumpCloudApiRequestAllItems } from '../../transport';
import { optionsCollection, returnAllAndLimit } from '../common.descriptions';
import { userGroupFilters } from '../userGroup/getAll.operation';

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Engineering Laptops', description: 'Exact group name (case-sensitive)' },
			{ displayName: 'Name Contains', name: 'nameContains', type: 'string', default: '', placeholder: 'e.g. laptop', description: 'Part of the group name (not case-sensitive)' },
		],
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['deviceGroup'], operation: ['getAll'] } }, properties);

export const fanOut = 'list';

/** Lists device groups (`GET /api/v2/systemgroups`, in creation order), by exact name or part of one. */
export async function execute(this: IExecuteFunctions, scope: Scope) {
	const i = scope.itemIndex;
	const { returnAll, limit } = returnAllAndLimitOf.call(this, i);
	// The same v2 name conditions as user groups (commas included).
	const { filter, matches } = userGroupFilters(this.getNodeParameter('filters', i, {}) as IDataObject);
	const qs: IDataObject = {};
	if (filter.length) qs.filter = filter;
	return await jumpCloudApiRequestAllItems.call(this, { method: 'GET', path: '/api/v2/systemgroups', qs, ...scope }, { returnAll, limit, matches });
}
