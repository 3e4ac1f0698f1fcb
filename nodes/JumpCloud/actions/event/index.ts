import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as getAll from './getAll.operation';
import * as getCount from './getCount.operation';
import * as getDistinct from './getDistinct.operation';

export const operations: ResourceOperations = { getAll, getCount, getDistinct };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['event'] } },
		options: [
			{
				name: 'Get Count',
				value: 'getCount',
				description: 'Count the Directory Insights events that match. Returns one item with the count.',
				action: 'Count events',
			},
			{
				name: 'Get Distinct Values',
				value: 'getDistinct',
				description: 'List the values a field takes among the matching events (e.g. which event types occurred). Returns one item per value with its count.',
				action: 'Get distinct event values',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Read Directory Insights events: logins, directory changes, admin actions. Needs the time range; returns one item per event.',
				action: 'Get many events',
			},
		],
		default: 'getAll',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
