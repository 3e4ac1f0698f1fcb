import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { resolveUserLocator, resolveUserReference } from '../helpers/locators';
import type { Scope } from '../helpers/locators';
import { simplifyUser, userBodyFrom, withoutSecrets } from '../helpers/users';
import { jumpCloudApiRequest } from '../transport';
import type { OperationsOf } from './types';

const userPath = (id: string) => `/api/systemusers/${id}`;
const notFound = (id: string, parameterLabel = 'User') =>
	`Check the '${parameterLabel}' parameter: no user with ID ${id} exists in this organization.`;

async function userIdOf(this: IExecuteFunctions, scope: Scope, parameter = 'user', label = 'User') {
	return await resolveUserLocator.call(this, this.getNodeParameter(parameter, scope.itemIndex), scope, label);
}

/** Builds a create/update body and resolves a manager given by email or username to its ID. */
async function userBody(this: IExecuteFunctions, fields: IDataObject, scope: Scope, collectionLabel: 'Additional Fields' | 'Update Fields') {
	const body = userBodyFrom(fields, { dropEmpty: collectionLabel === 'Additional Fields' });
	if (typeof body.manager === 'string' && body.manager.trim() !== '') {
		body.manager = await resolveUserReference.call(this, body.manager, scope, `${collectionLabel} > Manager`);
	}
	return body;
}

export const userOperations: OperationsOf<
	'get' | 'create' | 'update' | 'delete' | 'assignManager' | 'changePassword'
> = {
	async get(scope) {
		const id = await userIdOf.call(this, scope);
		const user = await jumpCloudApiRequest.call(this, { method: 'GET', path: userPath(id), notFoundHint: notFound(id), ...scope });
		const simplify = this.getNodeParameter('simplify', scope.itemIndex, true) as boolean;
		return simplify ? simplifyUser(user) : withoutSecrets(user);
	},

	async create(scope) {
		const i = scope.itemIndex;
		const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const body: IDataObject = {
			username: (this.getNodeParameter('username', i) as string).trim(),
			email: (this.getNodeParameter('email', i) as string).trim(),
			...(await userBody.call(this, fields, scope, 'Additional Fields')),
		};
		for (const name of ['firstname', 'lastname']) {
			const value = (this.getNodeParameter(name, i, '') as string).trim();
			if (value !== '') body[name] = value;
		}
		const user = await jumpCloudApiRequest.call(this, { method: 'POST', path: '/api/systemusers', body, ...scope });
		return withoutSecrets(user);
	},

	async update(scope) {
		const id = await userIdOf.call(this, scope);
		const fields = this.getNodeParameter('updateFields', scope.itemIndex, {}) as IDataObject;
		if (Object.keys(fields).length === 0) {
			throw new NodeOperationError(this.getNode(), 'Nothing to update', {
				itemIndex: scope.itemIndex,
				description: "Add at least one field under 'Update Fields'.",
			});
		}
		const body = await userBody.call(this, fields, scope, 'Update Fields');
		const user = await jumpCloudApiRequest.call(this, { method: 'PUT', path: userPath(id), body, notFoundHint: notFound(id), ...scope });
		return withoutSecrets(user);
	},

	async delete(scope) {
		const id = await userIdOf.call(this, scope);
		const options = this.getNodeParameter('deleteOptions', scope.itemIndex, {}) as IDataObject;
		const qs: IDataObject = {};
		if (options.directReports === 'clear') qs.cascade_manager = 'null';
		if (options.directReports === 'reassign') {
			qs.cascade_manager = await resolveUserReference.call(this, String(options.newManager ?? ''), scope, 'Options > New Manager');
		}
		await jumpCloudApiRequest.call(this, { method: 'DELETE', path: userPath(id), qs, notFoundHint: notFound(id), ...scope });
		return { deleted: true, id };
	},

	async assignManager(scope) {
		const id = await userIdOf.call(this, scope);
		const managerId = await userIdOf.call(this, scope, 'manager', 'Manager');
		if (managerId === id) {
			throw new NodeOperationError(this.getNode(), 'A user cannot be their own manager', {
				itemIndex: scope.itemIndex,
				description: "'User' and 'Manager' point at the same person; choose a different manager.",
			});
		}
		const user = await jumpCloudApiRequest.call(this, {
			method: 'PUT',
			path: userPath(id),
			body: { manager: managerId },
			notFoundHint: `Check 'User' and 'Manager': one of them (${id}, ${managerId}) does not exist in this organization.`,
			...scope,
		});
		return withoutSecrets(user);
	},

	async changePassword(scope) {
		const id = await userIdOf.call(this, scope);
		const password = this.getNodeParameter('newPassword', scope.itemIndex) as string;
		if (password === '') {
			throw new NodeOperationError(this.getNode(), "'New Password' is empty", {
				itemIndex: scope.itemIndex,
				description: 'Enter the password to set.',
			});
		}
		await jumpCloudApiRequest.call(this, { method: 'POST', path: `${userPath(id)}/password`, body: { password }, notFoundHint: notFound(id), ...scope });
		return { passwordChanged: true, id };
	},
};
