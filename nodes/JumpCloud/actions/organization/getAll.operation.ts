import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Scope } from '../../helpers/locators';
import { returnAllAndLimitOf } from '../../helpers/parameters';
import { jumpCloudApiRequestAllItems } from '../../transport';
import { organizationlessOptionsCollection, returnAllAndLimit } from '../common.descriptions';

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Name Contains', name: 'nameContains', type: 'string', default: '', placeholder: 'e.g. acme', description: 'Part of the organization name (not case-sensitive)' },
		],
	},
	organizationlessOptionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['organization'], operation: ['getAll'] } }, properties);

/**
 * The organizations the API key manages: every client organization for an MSP key, its own for another key
 * (`GET /api/organizations`, or `POST /api/search/organizations` for a name part; both without `x-org-id`).
 */
export async function execute(this: IExecuteFunctions, scope: Scope) {
	const i = scope.itemIndex;
	const { returnAll, limit } = returnAllAndLimitOf.call(this, i);
	const nameContains = String((this.getNodeParameter('filters', i, {}) as { nameContains?: string }).nameContains ?? '').trim();
	if (nameContains === '') {
		return await jumpCloudApiRequestAllItems.call(this, { method: 'GET', path: '/api/organizations', ...scope }, { returnAll, limit });
	}
	return await jumpCloudApiRequestAllItems.call(
		this,
		{ method: 'POST', path: '/api/search/organizations', body: { searchFilter: { searchTerm: nameContains, fields: ['displayName'] } }, ...scope },
		// search_organizations_post takes no sort (v1 spec); the read is still checked for consistency.
		{ returnAll, limit, sortById: false },
	);
}
