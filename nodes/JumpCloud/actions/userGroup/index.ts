import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as addUser from './addUser.operation';
import * as getAll from './getAll.operation';
import * as removeUser from './removeUser.operation';

export const operations: ResourceOperations = { addUser, getAll, removeUser };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['userGroup'] } },
		options: [
			{ name: 'Add User', value: 'addUser', description: 'Make a user a member of a user group', action: 'Add a user to a user group' },
			{ name: 'Get Many', value: 'getAll', description: 'List user groups', action: 'Get many user groups' },
			{ name: 'Remove User', value: 'removeUser', description: 'Take a user out of a user group', action: 'Remove a user from a user group' },
		],
		default: 'getAll',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
