import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import * as apiRequest from './actions/apiRequest';
import { organizationProperty } from './actions/common.descriptions';
import * as organization from './actions/organization';
import { route } from './actions/router';
import * as user from './actions/user';
import * as userGroup from './actions/userGroup';
import { searchOrganizations, searchUserGroups, searchUsers } from './methods/listSearch';

export class JumpCloud implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'JumpCloud',
		name: 'jumpCloud',
		icon: { light: 'file:../../icons/jumpcloud.svg', dark: 'file:../../icons/jumpcloud.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["resource"] === "apiRequest" ? "API request" : $parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage JumpCloud users, user groups and organizations, or call any JumpCloud API',
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
					{ name: 'Organization', value: 'organization' },
					{ name: 'User', value: 'user' },
					{ name: 'User Group', value: 'userGroup' },
				],
				default: 'user',
			},
			...user.description,
			...userGroup.description,
			...organization.description,
			...apiRequest.description,
			organizationProperty,
		],
	};

	methods = {
		listSearch: { searchUsers, searchUserGroups, searchOrganizations },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
