import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as request from './request.operation';

export const operations: ResourceOperations = { request };

export const description: INodeProperties[] = [
	{
		// One operation, listed so the node creator shows it among the node's actions.
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['apiRequest'] } },
		options: [
			{
				name: 'Make a Request',
				value: 'request',
				description:
					"Call any JumpCloud API endpoint with the credential's key and organization: method, path, query and JSON body; optionally read a whole list. Returns JumpCloud's answer.",
				action: 'Make an API request',
			},
		],
		default: 'request',
	},
	...request.description,
];
