import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Scope } from '../../helpers/locators';
import { insightsDistinct } from '../../transport';
import { optionsCollection } from '../common.descriptions';
import { eventQueryOf, queryProperties } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Field',
		name: 'field',
		type: 'string',
		required: true,
		default: 'event_type',
		placeholder: 'e.g. event_type, initiated_by.username, client_ip',
		description: 'The event field whose values to list (dot notation for nested ones)',
	},
	...queryProperties,
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['event'], operation: ['getDistinct'] } }, properties);

export const fanOut = 'list';

/**
 * The values a field takes among the matching events, most frequent first
 * (`POST /insights/directory/v1/events/distinct`) → one item per value `{ field, value, count }`.
 */
export async function execute(this: IExecuteFunctions, scope: Scope) {
	const i = scope.itemIndex;
	const field = String(this.getNodeParameter('field', i, '') ?? '').trim();
	if (field === '') {
		throw new NodeOperationError(this.getNode(), "'Field' is empty", { itemIndex: i, description: 'Name the event field whose values to list, e.g. event_type.' });
	}
	const query = eventQueryOf.call(this, i);
	const { buckets } = await insightsDistinct.call(this, scope, { ...query, field });
	return buckets.map((bucket) => ({ field, value: bucket.value as string, count: bucket.count }));
}
