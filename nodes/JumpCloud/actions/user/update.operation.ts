import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Scope } from '../../helpers/locators';
import { userBodyFrom, withoutSecrets } from '../../helpers/users';
import { jumpCloudApiRequest } from '../../transport';
import { optionsCollection, userLocator } from '../common.descriptions';
import { profileFields } from './profileFields';
import { checkUserBody, resolveManager, userFieldLabel, userIdOf, userNotFound, userPath } from './shared';

const properties: INodeProperties[] = [
	userLocator('user', 'User', 'The JumpCloud user'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields you add are changed; a field added but left empty is cleared (an empty Manager unassigns the manager)',
		options: profileFields('update'),
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, scope: Scope) {
	const fields = this.getNodeParameter('updateFields', scope.itemIndex, {}) as IDataObject;
	if (Object.keys(fields).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', {
			itemIndex: scope.itemIndex,
			description: "Add at least one field under 'Update Fields'.",
		});
	}
	const body = userBodyFrom(fields);
	checkUserBody.call(this, body, userFieldLabel('Update Fields'), scope.itemIndex);
	const id = await userIdOf.call(this, scope);
	await resolveManager.call(this, body, scope, 'Update Fields');
	if (body.manager === id) {
		throw new NodeOperationError(this.getNode(), 'A user cannot be their own manager', {
			itemIndex: scope.itemIndex,
			description: "'Update Fields > Manager' points at the user being updated; choose a different manager or leave it out.",
		});
	}
	const user = await jumpCloudApiRequest.call(this, { method: 'PUT', path: userPath(id), body, notFoundHint: userNotFound(id), ...scope });
	return withoutSecrets(user);
}
