import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Scope } from '../../helpers/locators';
import { userBodyFrom, withoutSecrets } from '../../helpers/users';
import { jumpCloudApiRequest, jumpCloudRequest } from '../../transport';
import { sequentialOptionsCollection } from '../common.descriptions';
import { profileFields } from './profileFields';
import { checkUserBody, resolveManager, userFieldLabel, userPath } from './shared';

const properties: INodeProperties[] = [
	{ displayName: 'Username', name: 'username', type: 'string', required: true, default: '', placeholder: 'e.g. jdoe' },
	{ displayName: 'Email', name: 'email', type: 'string', required: true, default: '', placeholder: 'e.g. jane.doe@example.com' },
	{ displayName: 'First Name', name: 'firstname', type: 'string', default: '' },
	{ displayName: 'Last Name', name: 'lastname', type: 'string', default: '' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: profileFields('create'),
	},
	sequentialOptionsCollection({
		displayName: 'If User Exists',
		name: 'ifUserExists',
		type: 'options',
		default: 'error',
		description: 'What to do when a user with this username or email already exists, so the workflow can run again',
		options: [
			{ name: 'Error', value: 'error', description: 'Fail the item (JumpCloud refuses duplicates)' },
			{ name: 'Return Existing', value: 'returnExisting', description: 'Output the existing user unchanged' },
			{
				name: 'Update Existing',
				value: 'updateExisting',
				description: 'Set the given fields on the existing user (the password only on create)',
			},
		],
	}),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['create'] } }, properties);

/** Users whose username or email is exactly one of these (v1 `filter[or]`), full records. */
async function usersNamed(this: IExecuteFunctions, scope: Scope, username: string, email: string): Promise<IDataObject[]> {
	const { results } = (await jumpCloudApiRequest.call(this, {
		method: 'GET',
		path: '/api/systemusers',
		qs: { 'filter[or][0]': `username:$eq:${username}`, 'filter[or][1]': `email:$eq:${email}`, limit: 3 },
		...scope,
	})) as { results?: IDataObject[] };
	return results ?? [];
}

/** The existing user this create is about, or undefined; two different users for username and email fail. */
async function existingUser(this: IExecuteFunctions, scope: Scope, username: string, email: string): Promise<IDataObject | undefined> {
	const found = await usersNamed.call(this, scope, username, email);
	if (found.length > 1) {
		throw new NodeOperationError(this.getNode(), `The username "${username}" and the email "${email}" belong to two different JumpCloud users`, {
			itemIndex: scope.itemIndex,
			description: "Check 'Username' and 'Email': they must both be new, or both be the existing user's.",
		});
	}
	return found[0];
}

/** Items run one after another unless Concurrency is raised: a new user may be managed by one created just before. */
export const defaultConcurrency = 1;

export async function execute(this: IExecuteFunctions, scope: Scope) {
	const i = scope.itemIndex;
	const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const ifUserExists = this.getNodeParameter('options.ifUserExists', i, 'error') as string;
	const body: IDataObject = {
		username: String(this.getNodeParameter('username', i) ?? '').trim(),
		email: String(this.getNodeParameter('email', i) ?? '').trim(),
		...userBodyFrom(fields, { dropEmpty: true }),
	};
	for (const name of ['firstname', 'lastname']) {
		const value = String(this.getNodeParameter(name, i, '') ?? '').trim();
		if (value !== '') body[name] = value;
	}
	checkUserBody.call(this, body, userFieldLabel('Additional Fields', ['username', 'email', 'firstname', 'lastname']), i);
	await resolveManager.call(this, body, scope, 'Additional Fields');
	const username = String(body.username);
	const email = String(body.email);

	// Looking first gives a precise error (or the existing user), and tells a user created by a send whose
	// answer got lost apart from one that was there before.
	const existing = await existingUser.call(this, scope, username, email);
	if (existing) {
		const id = String(existing._id ?? existing.id);
		if (ifUserExists === 'error') {
			const same = existing.username === username ? `username "${username}"` : `email "${email}"`;
			throw new NodeOperationError(this.getNode(), `A JumpCloud user with the ${same} already exists (ID ${id})`, {
				itemIndex: i,
				description: "Use another 'Username' and 'Email', or set 'Options > If User Exists' to 'Return Existing' or 'Update Existing' so the workflow can run again.",
			});
		}
		if (ifUserExists === 'returnExisting') return withoutSecrets(existing);
		// The password is an initial one: setting it again on every run would undo the user's own change.
		const update = { ...body };
		delete update.password;
		if (update.state === 'STAGED') delete update.state;
		return withoutSecrets(await jumpCloudApiRequest.call(this, { method: 'PUT', path: userPath(id), body: update, ...scope }));
	}

	const { body: created } = await jumpCloudRequest.call(this, {
		method: 'POST',
		path: '/api/systemusers',
		body,
		// Nobody had this username or email a moment ago: if the answer got lost, a user with both now is ours.
		verify: async () => {
			const found = (await usersNamed.call(this, scope, username, email)).find(
				(user) => user.username === username && String(user.email).toLowerCase() === email.toLowerCase(),
			);
			return found ? { applied: true, body: found } : { applied: false };
		},
		...scope,
	});
	return withoutSecrets(created as IDataObject);
}
