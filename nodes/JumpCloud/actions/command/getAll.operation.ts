import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Scope } from '../../helpers/locators';
import { returnAllAndLimitOf } from '../../helpers/parameters';
import { jumpCloudApiRequestAllItems } from '../../transport';
import { optionsCollection, returnAllAndLimit } from '../common.descriptions';

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description: 'Commands must match all filters added',
		options: [
			{
				displayName: 'Command Type',
				name: 'commandType',
				type: 'options',
				default: 'linux',
				description: 'The operating system the command runs on',
				options: [
					{ name: 'Linux', value: 'linux' },
					{ name: 'macOS', value: 'mac' },
					{ name: 'Windows', value: 'windows' },
				],
			},
			{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Collect Diagnostics', description: 'Exact command name (case-sensitive)' },
			{ displayName: 'Trigger', name: 'trigger', type: 'string', default: '', placeholder: 'e.g. deploy-hotfix', description: 'Only commands launched by this trigger name' },
		],
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['command'], operation: ['getAll'] } }, properties);

export const fanOut = 'list';

/** Lists saved commands (`GET /api/commands`, v1 `$eq` filters, in `_id` order with exact parallel paging). */
export async function execute(this: IExecuteFunctions, scope: Scope) {
	const i = scope.itemIndex;
	const { returnAll, limit } = returnAllAndLimitOf.call(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const filter = ['commandType', 'name', 'trigger'].flatMap((field) => {
		const value = String(filters[field] ?? '').trim();
		return value === '' ? [] : [`${field}:$eq:${value}`];
	});
	return await jumpCloudApiRequestAllItems.call(this, { method: 'GET', path: '/api/commands', qs: { filter }, ...scope }, { returnAll, limit });
}
