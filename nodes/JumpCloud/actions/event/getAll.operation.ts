import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listOf } from '../../helpers/insightsQuery';
import type { Scope } from '../../helpers/locators';
import { returnAllAndLimitOf } from '../../helpers/parameters';
import { insightsEvents } from '../../transport';
import { optionsCollection, returnAllAndLimit } from '../common.descriptions';
import { eventQueryOf, queryProperties } from './shared';

const properties: INodeProperties[] = [
	...queryProperties,
	...returnAllAndLimit(),
	optionsCollection(
		{
			displayName: 'Fields',
			name: 'fields',
			type: 'string',
			default: '',
			placeholder: 'e.g. timestamp, event_type, initiated_by, success, client_ip',
			description: 'Only these event fields (separated by commas; dot notation for nested ones). Empty returns every field.',
		},
		{
			displayName: 'Sort',
			name: 'sort',
			type: 'options',
			default: 'DESC',
			description: 'Order by event time',
			options: [
				{ name: 'Newest First', value: 'DESC' },
				{ name: 'Oldest First', value: 'ASC' },
			],
		},
	),
];

export const description = updateDisplayOptions({ show: { resource: ['event'], operation: ['getAll'] } }, properties);

export const fanOut = 'list';

/**
 * Directory Insights events (`POST /insights/directory/v1/events`): one item per event. Return All follows the
 * `X-Search_after` cursor page after page (1,000 events a page); otherwise the first Limit events.
 */
export async function execute(this: IExecuteFunctions, scope: Scope) {
	const i = scope.itemIndex;
	const { returnAll, limit } = returnAllAndLimitOf.call(this, i);
	const query = eventQueryOf.call(this, i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const fields = listOf(options.fields);
	if (fields.length) query.fields = fields;
	query.sort = options.sort === 'ASC' ? 'ASC' : 'DESC';
	return await insightsEvents.call(this, scope, query, { returnAll, limit });
}
