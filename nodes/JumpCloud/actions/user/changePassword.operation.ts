import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resolveUserRecord } from '../../helpers/locators';
import type { Scope } from '../../helpers/locators';
import { jumpCloudApiRequest, jumpCloudRequest } from '../../transport';
import { optionsCollection, userLocator } from '../common.descriptions';
import { userNotFound, userPath } from './shared';

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
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['changePassword'] } }, properties);

export async function execute(this: IExecuteFunctions, scope: Scope) {
	const password = this.getNodeParameter('newPassword', scope.itemIndex) as string;
	if (password === '') {
		throw new NodeOperationError(this.getNode(), "'New Password' is empty", {
			itemIndex: scope.itemIndex,
			description: 'Enter the password to set.',
		});
	}
	// password_date before the change tells whether a set whose answer got lost went through: setting it again
	// could be refused by the password-history rule and report a change that happened as failed.
	const user = await resolveUserRecord.call(this, this.getNodeParameter('user', scope.itemIndex), scope, 'User', ['password_date']);
	const id = String(user._id ?? user.id);
	await jumpCloudRequest.call(this, {
		method: 'POST',
		path: `${userPath(id)}/password`,
		body: { password },
		expect: 'empty',
		notFoundHint: userNotFound(id),
		verify: async () => {
			const now = await jumpCloudApiRequest.call(this, { method: 'GET', path: userPath(id), qs: { fields: 'password_date' }, ...scope });
			return now.password_date !== user.password_date ? { applied: true, body: '' } : { applied: false };
		},
		...scope,
	});
	return { passwordChanged: true, id };
}
