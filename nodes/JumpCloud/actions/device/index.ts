import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as bindUser from './bindUser.operation';
import * as deleteDevice from './delete.operation';
import * as erase from './erase.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getGroups from './getGroups.operation';
import * as getUsers from './getUsers.operation';
import * as lock from './lock.operation';
import * as restart from './restart.operation';
import * as shutdown from './shutdown.operation';
import * as unbindUser from './unbindUser.operation';
import * as update from './update.operation';

export const operations: ResourceOperations = { bindUser, delete: deleteDevice, erase, get, getAll, getGroups, getUsers, lock, restart, shutdown, unbindUser, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['device'] } },
		options: [
			{
				name: 'Bind User',
				value: 'bindUser',
				description: 'Give a user an account on a device, optionally with sudo. Needs the device and the user; returns bound: true, or bound: false when already bound.',
				action: 'Bind a user to a device',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a device from JumpCloud (a connected agent uninstalls itself). Needs the device; returns deleted: true with its ID and hostname.',
				action: 'Delete a device',
			},
			{
				name: 'Erase',
				value: 'erase',
				description: "Wipe a device: every file is destroyed. Needs the device and its hostname or ID typed again as confirmation (and a PIN for a Mac); returns what JumpCloud queued.",
				action: 'Erase a device',
			},
			{ name: 'Get', value: 'get', description: 'Get one device by ID, hostname or from the list. Returns the device (key fields, or the whole record).', action: 'Get a device' },
			{
				name: 'Get Groups',
				value: 'getGroups',
				description: 'List the device groups a device is in, with their names. Needs the device; returns one item per group.',
				action: 'Get the groups of a device',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List devices, filtered by OS, hostname, active state and last contact, or found by free text. Returns one item per device.',
				action: 'Get many devices',
			},
			{
				name: 'Get Users',
				value: 'getUsers',
				description: 'List the users bound to a device, as users (username, email, name), with direct and sudo flags. Needs the device; returns one item per user.',
				action: 'Get the users of a device',
			},
			{
				name: 'Lock',
				value: 'lock',
				description: 'Lock a device (a Mac through Apple MDM, with a PIN). JumpCloud queues it until the device is online; returns what was queued.',
				action: 'Lock a device',
			},
			{ name: 'Restart', value: 'restart', description: 'Restart a device. JumpCloud queues it until the device is online; returns what was queued.', action: 'Restart a device' },
			{ name: 'Shut Down', value: 'shutdown', description: 'Shut a device down. JumpCloud queues it until the device is online; returns what was queued.', action: 'Shut down a device' },
			{
				name: 'Unbind User',
				value: 'unbindUser',
				description: "Take a user's account off a device. Needs the device and the user; returns unbound: true, or unbound: false when not bound.",
				action: 'Unbind a user from a device',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Change a device's display name, description, login settings or custom attributes; only the fields given change. Returns the updated device.",
				action: 'Update a device',
			},
		],
		default: 'getAll',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
