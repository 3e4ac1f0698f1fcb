import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as addUser from './addUser.operation';
import * as addUsers from './addUsers.operation';
import * as create from './create.operation';
import * as deleteGroup from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getMembers from './getMembers.operation';
import * as removeUser from './removeUser.operation';
import * as removeUsers from './removeUsers.operation';
import * as update from './update.operation';

export const operations: ResourceOperations = { addUser, addUsers, create, delete: deleteGroup, get, getAll, getMembers, removeUser, removeUsers, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['userGroup'] } },
		options: [
			{
				name: 'Add User',
				value: 'addUser',
				description: 'Make one user a member of a user group. Needs the group and the user (ID, email or username); returns added: true, or added: false when already a member.',
				action: 'Add a user to a user group',
			},
			{
				name: 'Add Users',
				value: 'addUsers',
				description: 'Make several users members of one user group. Needs the group and a list of user IDs, emails or usernames; returns how many were added and the outcome per user.',
				action: 'Add users to a user group',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a user group. Needs a unique name; optional description, email and attributes. Returns the new group.',
				action: 'Create a user group',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a user group (its memberships go with it). Needs the group; returns deleted: true with its ID and name.',
				action: 'Delete a user group',
			},
			{ name: 'Get', value: 'get', description: "Get one user group's record by ID, name or from the list", action: 'Get a user group' },
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List user groups, optionally by exact name or part of a name. Returns one item per group.',
				action: 'Get many user groups',
			},
			{
				name: 'Get Members',
				value: 'getMembers',
				description: "List a user group's members as users (username, email, name). Needs the group; returns one item per member.",
				action: 'Get members of a user group',
			},
			{
				name: 'Remove User',
				value: 'removeUser',
				description: 'Take one user out of a user group. Needs the group and the user; returns removed: true, or removed: false when not a member.',
				action: 'Remove a user from a user group',
			},
			{
				name: 'Remove Users',
				value: 'removeUsers',
				description: 'Take several users out of one user group. Needs the group and a list of user IDs, emails or usernames; returns how many were removed and the outcome per user.',
				action: 'Remove users from a user group',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Change a user group's name, description, email or attributes; other fields are kept. Returns the updated group.",
				action: 'Update a user group',
			},
		],
		default: 'getAll',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
