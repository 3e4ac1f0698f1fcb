import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import * as apiRequest from './actions/apiRequest';
import * as command from './actions/command';
import * as device from './actions/device';
import * as deviceGroup from './actions/deviceGroup';
import * as event from './actions/event';
import * as organization from './actions/organization';
import { route } from './actions/router';
import * as user from './actions/user';
import * as userGroup from './actions/userGroup';
import { searchCommands, searchDeviceGroups, searchDevices, searchOrganizations, searchUserGroups, searchUsers } from './methods/listSearch';

export class JumpCloud implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'JumpCloud',
		name: 'jumpCloud',
		icon: { light: 'file:../../icons/jumpcloud.svg', dark: 'file:../../icons/jumpcloud.dark.svg' },
		group: ['transform'],
		// A version list (with its default) rather than a plain number: n8n's loader then does not add its generic
		// "Custom API Call" entry to the resource and operation lists (it does so only for a description whose
		// version equals its default version), so API Request (pinned to the credential's host, with the
		// organization header, retries and paging) is the one way to make a raw call.
		version: [1],
		defaultVersion: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage JumpCloud users, user groups, devices, device groups, commands and organizations, read Directory Insights events, or call any JumpCloud API',
		defaults: { name: 'JumpCloud' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'jumpCloudApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'API Request', value: 'apiRequest', description: 'Any authenticated JumpCloud API call' },
					{ name: 'Command', value: 'command', description: 'Saved commands: run them on devices, trigger them, read their results' },
					{ name: 'Device', value: 'device', description: 'Devices (JumpCloud systems): read, update, bind users, lock, restart, shut down, erase' },
					{ name: 'Device Group', value: 'deviceGroup', description: 'Device groups (JumpCloud system groups) and their members' },
					{ name: 'Event', value: 'event', description: 'Directory Insights events: logins, directory changes, admin actions' },
					{ name: 'Organization', value: 'organization' },
					{ name: 'User', value: 'user' },
					{ name: 'User Group', value: 'userGroup' },
				],
				default: 'user',
			},
			...user.description,
			...userGroup.description,
			...device.description,
			...deviceGroup.description,
			...command.description,
			...organization.description,
			...event.description,
			...apiRequest.description,
		],
	};

	methods = {
		listSearch: { searchUsers, searchUserGroups, searchOrganizations, searchDevices, searchDeviceGroups, searchCommands },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
