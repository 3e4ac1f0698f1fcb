import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resolveUserReference } from '../../helpers/locators';
import type { Scope } from '../../helpers/locators';
import { jumpCloudApiRequest } from '../../transport';
import { userLocator } from '../common.descriptions';
import { userIdOf, userNotFound, userPath } from './shared';

const properties: INodeProperties[] = [
	userLocator('user', 'User', 'The JumpCloud user'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Direct Reports',
				name: 'directReports',
				type: 'options',
				default: 'keep',
				description: 'What to do when the user manages others; JumpCloud refuses to delete a manager unless told',
				options: [
					{ name: 'Fail If Any', value: 'keep', description: 'Delete only a user who manages nobody' },
					{ name: 'Clear Their Manager', value: 'clear', description: 'Direct reports are left without a manager' },
					{ name: 'Reassign To', value: 'reassign', description: 'Direct reports get the manager named below' },
				],
			},
			{
				displayName: 'New Manager',
				name: 'newManager',
				type: 'string',
				default: '',
				placeholder: 'e.g. mary.smith@example.com',
				description: 'User ID, email or username of the manager who takes over the direct reports',
				displayOptions: { show: { directReports: ['reassign'] } },
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, scope: Scope) {
	const id = await userIdOf.call(this, scope);
	const options = this.getNodeParameter('options', scope.itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (options.directReports === 'clear') qs.cascade_manager = 'null';
	if (options.directReports === 'reassign') {
		qs.cascade_manager = await resolveUserReference.call(this, String(options.newManager ?? ''), scope, 'Options > New Manager');
	}
	await jumpCloudApiRequest.call(this, { method: 'DELETE', path: userPath(id), qs, notFoundHint: userNotFound(id), ...scope });
	return { deleted: true, id };
}
