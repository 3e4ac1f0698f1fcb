import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as activate from './activate.operation';
import * as assignManager from './assignManager.operation';
import * as changePassword from './changePassword.operation';
import * as create from './create.operation';
import * as deleteUser from './delete.operation';
import * as expirePassword from './expirePassword.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getGroups from './getGroups.operation';
import * as removeFromAllGroups from './removeFromAllGroups.operation';
import * as resetMfa from './resetMfa.operation';
import * as suspend from './suspend.operation';
import * as unlock from './unlock.operation';
import * as update from './update.operation';

export const operations: ResourceOperations = {
	activate,
	assignManager,
	changePassword,
	create,
	delete: deleteUser,
	expirePassword,
	get,
	getAll,
	getGroups,
	removeFromAllGroups,
	resetMfa,
	suspend,
	unlock,
	update,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Activate',
				value: 'activate',
				description: 'Activate a staged user so they can log in, with or without the activation email. Needs the user (ID, email or username); returns activated: true.',
				action: 'Activate a user',
			},
			{
				name: 'Assign Manager',
				value: 'assignManager',
				description: "Set a user's manager. Needs the user and the manager (ID, email or username); returns the updated user.",
				action: 'Assign a manager to a user',
			},
			{
				name: 'Change Password',
				value: 'changePassword',
				description: "Force-set a user's password (the organization's password policy applies). Needs the user and the new password; returns passwordChanged: true.",
				action: 'Change the password of a user',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a user. Needs a username and an email; optional name, profile fields, manager and password. Returns the new user.',
				action: 'Create a user',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a user, saying what happens to their direct reports. Needs the user; returns deleted: true with ID, username and email.',
				action: 'Delete a user',
			},
			{
				name: 'Expire Password',
				value: 'expirePassword',
				description: 'Make a user\'s password expire now, so they choose a new one at the next login. Needs the user; returns passwordExpired: true.',
				action: 'Expire the password of a user',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get one user by ID, email or username. Returns the user (key fields, or the whole record), or found: false when asked to.',
				action: 'Get a user',
			},
			{
				name: 'Get Groups',
				value: 'getGroups',
				description: 'List the user groups a user is in, with their names. Needs the user; returns one item per group.',
				action: 'Get the groups of a user',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List users, filtered by state, email, username, department, manager, custom attribute and more, or found by free text. Returns one item per user.',
				action: 'Get many users',
			},
			{
				name: 'Remove From All Groups',
				value: 'removeFromAllGroups',
				description: 'Take a user out of every user group they are in (offboarding). Needs the user; returns the groups they were removed from.',
				action: 'Remove a user from all groups',
			},
			{
				name: 'Reset MFA',
				value: 'resetMfa',
				description: "Reset a user's TOTP multi-factor authentication so they enroll again, optionally with days of grace. Needs the user; returns mfaReset: true.",
				action: 'Reset MFA of a user',
			},
			{
				name: 'Suspend',
				value: 'suspend',
				description: 'Suspend a user: every login is blocked, the account is kept. Needs the user; returns suspended: true.',
				action: 'Suspend a user',
			},
			{
				name: 'Unlock',
				value: 'unlock',
				description: 'Unlock a user locked out after failed logins. Needs the user; returns unlocked: true.',
				action: 'Unlock a user',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Change a user's fields; only the fields given change. Needs the user; returns the updated user.",
				action: 'Update a user',
			},
		],
		default: 'get',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
