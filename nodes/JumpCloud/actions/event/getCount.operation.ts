import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Scope } from '../../helpers/locators';
import { insightsCount } from '../../transport';
import { optionsCollection } from '../common.descriptions';
import { eventQueryOf, queryProperties } from './shared';

const properties: INodeProperties[] = [...queryProperties, optionsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['event'], operation: ['getCount'] } }, properties);

export const fanOut = 'list';

/** How many events match (`POST /insights/directory/v1/events/count`) → `{ count }`. */
export async function execute(this: IExecuteFunctions, scope: Scope) {
	const query = eventQueryOf.call(this, scope.itemIndex);
	return { count: await insightsCount.call(this, scope, query) };
}
