import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Scope } from '../../helpers/locators';
import { jumpCloudApiRequest } from '../../transport';
import { userLocator } from '../common.descriptions';
import { userIdOf, userNotFound, userPath } from './shared';

const properties: INodeProperties[] = [
	userLocator('user', 'User', 'The JumpCloud user'),
	{
		displayName: 'New Password',
		name: 'newPassword',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description: "The new password; the organization's password policy applies. It is never returned in the output.",
	},
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['changePassword'] } }, properties);

export async function execute(this: IExecuteFunctions, scope: Scope) {
	const id = await userIdOf.call(this, scope);
	const password = this.getNodeParameter('newPassword', scope.itemIndex) as string;
	if (password === '') {
		throw new NodeOperationError(this.getNode(), "'New Password' is empty", {
			itemIndex: scope.itemIndex,
			description: 'Enter the password to set.',
		});
	}
	await jumpCloudApiRequest.call(this, { method: 'POST', path: `${userPath(id)}/password`, body: { password }, notFoundHint: userNotFound(id), ...scope });
	return { passwordChanged: true, id };
}
