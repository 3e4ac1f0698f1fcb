import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as assignManager from './assignManager.operation';
import * as changePassword from './changePassword.operation';
import * as create from './create.operation';
import * as deleteUser from './delete.operation';
import * as get from './get.operation';
import * as update from './update.operation';

export const operations: ResourceOperations = { assignManager, changePassword, create, delete: deleteUser, get, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{ name: 'Assign Manager', value: 'assignManager', description: "Set a user's manager", action: 'Assign a manager to a user' },
			{ name: 'Change Password', value: 'changePassword', description: "Force-set a user's password", action: 'Change the password of a user' },
			{ name: 'Create', value: 'create', description: 'Create a user', action: 'Create a user' },
			{ name: 'Delete', value: 'delete', description: 'Delete a user', action: 'Delete a user' },
			{ name: 'Get', value: 'get', description: 'Get a user', action: 'Get a user' },
			{ name: 'Update', value: 'update', description: "Change a user's fields", action: 'Update a user' },
		],
		default: 'get',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
