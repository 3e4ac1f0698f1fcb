import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, userGroupLocator, userLocator } from './common';

const showFor = (...operation: string[]) => ({ resource: ['userGroup'], operation });

export const userGroupOperations: INodeProperties[] = [
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
];

export const userGroupFields: INodeProperties[] = [
	// ---- userGroup: getAll
	...returnAllAndLimit(showFor('getAll')),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: showFor('getAll') },
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

	// ---- userGroup: addUser / removeUser
	userGroupLocator(showFor('addUser', 'removeUser')),
	userLocator('user', 'User', 'The JumpCloud user', showFor('addUser', 'removeUser')),
	{
		displayName: 'Options',
		name: 'membershipOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showFor('addUser', 'removeUser') },
		options: [
			{
				displayName: 'Fail If Unchanged',
				name: 'failIfUnchanged',
				type: 'boolean',
				default: false,
				description:
					'Whether to fail when there is nothing to do: the user is already a member (add) or not a member (remove). By default that is reported as a success with added/removed set to false.',
			},
		],
	},
];
