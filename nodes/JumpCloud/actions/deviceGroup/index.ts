import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as addDevice from './addDevice.operation';
import * as create from './create.operation';
import * as deleteGroup from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getMembers from './getMembers.operation';
import * as removeDevice from './removeDevice.operation';

export const operations: ResourceOperations = { addDevice, create, delete: deleteGroup, get, getAll, getMembers, removeDevice };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['deviceGroup'] } },
		options: [
			{
				name: 'Add Device',
				value: 'addDevice',
				description: 'Make a device a member of a device group. Needs the group and the device (ID or hostname); returns added: true, or added: false when already a member.',
				action: 'Add a device to a device group',
			},
			{ name: 'Create', value: 'create', description: 'Create a device group. Needs a unique name; optional description and email. Returns the new group.', action: 'Create a device group' },
			{ name: 'Delete', value: 'delete', description: 'Delete a device group (the devices stay). Needs the group; returns deleted: true with its ID and name.', action: 'Delete a device group' },
			{ name: 'Get', value: 'get', description: "Get one device group's record by ID, name or from the list", action: 'Get a device group' },
			{ name: 'Get Many', value: 'getAll', description: 'List device groups, optionally by exact name or part of a name. Returns one item per group.', action: 'Get many device groups' },
			{
				name: 'Get Members',
				value: 'getMembers',
				description: "List a device group's members as devices (hostname, names, OS). Needs the group; returns one item per device.",
				action: 'Get members of a device group',
			},
			{
				name: 'Remove Device',
				value: 'removeDevice',
				description: 'Take a device out of a device group. Needs the group and the device; returns removed: true, or removed: false when not a member.',
				action: 'Remove a device from a device group',
			},
		],
		default: 'getAll',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
