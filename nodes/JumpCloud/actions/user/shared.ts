import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { resolveUserLocator, resolveUserReference } from '../../helpers/locators';
import type { Scope } from '../../helpers/locators';
import { userBodyFrom } from '../../helpers/users';

export const userPath = (id: string) => `/api/systemusers/${id}`;

/** The 404 description for a user ID, naming the parameter to fix. */
export const userNotFound = (id: string, parameterLabel = 'User') =>
	`Check the '${parameterLabel}' parameter: no user with ID ${id} exists in this organization.`;

/** The user ID the item's user locator (by default the 'User' parameter) points at. */
export async function userIdOf(this: IExecuteFunctions, scope: Scope, parameter = 'user', label = 'User') {
	return await resolveUserLocator.call(this, this.getNodeParameter(parameter, scope.itemIndex), scope, label);
}

/** Builds a create/update body and resolves a manager given by email or username to its ID. */
export async function userBody(
	this: IExecuteFunctions,
	fields: IDataObject,
	scope: Scope,
	collectionLabel: 'Additional Fields' | 'Update Fields',
) {
	const body = userBodyFrom(fields, { dropEmpty: collectionLabel === 'Additional Fields' });
	if (typeof body.manager === 'string' && body.manager.trim() !== '') {
		body.manager = await resolveUserReference.call(this, body.manager, scope, `${collectionLabel} > Manager`);
	}
	return body;
}
