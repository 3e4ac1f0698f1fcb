import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Scope } from '../../helpers/locators';
import { withoutSecrets } from '../../helpers/users';
import { jumpCloudApiRequest } from '../../transport';
import { profileFields } from './profileFields';
import { userBody } from './shared';

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
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, scope: Scope) {
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
}
