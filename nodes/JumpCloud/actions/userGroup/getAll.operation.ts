import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Scope } from '../../helpers/locators';
import { jumpCloudApiRequestAllItems } from '../../transport';
import { returnAllAndLimit } from '../common.descriptions';

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
				description: 'Part of the group name',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['userGroup'], operation: ['getAll'] } }, properties);

/** v2 filters are `field:op:value`, comma-joined (AND); a comma inside a value would split the term. */
export function userGroupFilters(filters: IDataObject): string[] {
	const terms: string[] = [];
	const name = String(filters.name ?? '').trim();
	const nameContains = String(filters.nameContains ?? '').trim();
	if (name !== '') terms.push(`name:eq:${name}`);
	if (nameContains !== '') terms.push(`name:search:${nameContains}`);
	return terms;
}

export async function execute(this: IExecuteFunctions, scope: Scope) {
	const i = scope.itemIndex;
	const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
	const limit = this.getNodeParameter('limit', i, 50) as number;
	const filters = userGroupFilters(this.getNodeParameter('filters', i, {}) as IDataObject);
	// Group names are unique per organization, so sorting by name pages stably.
	const qs: IDataObject = { sort: 'name' };
	if (filters.length) qs.filter = filters.join(',');
	return await jumpCloudApiRequestAllItems.call(
		this,
		{ method: 'GET', path: '/api/v2/usergroups', qs, ...scope },
		{ returnAll, limit },
	);
}
