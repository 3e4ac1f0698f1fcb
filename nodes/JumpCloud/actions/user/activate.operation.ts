import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Scope } from '../../helpers/locators';
import { isEmailAddress } from '../../helpers/users';
import { optionsCollection, userLocator } from '../common.descriptions';
import { userAction } from './shared';

const properties: INodeProperties[] = [
	userLocator('user', 'User', 'The staged JumpCloud user to activate'),
	{
		displayName: 'Email',
		name: 'activationEmail',
		type: 'options',
		default: 'default',
		description: 'Whether JumpCloud emails the user on activation',
		options: [
			{ name: "To the User's Email", value: 'default', description: 'A welcome email if a password is set, else an email to set one' },
			{ name: 'To Another Address', value: 'address', description: 'The same email, sent to the address below' },
			{ name: 'None', value: 'none', description: 'Activate silently' },
		],
	},
	{
		displayName: 'Send To',
		name: 'activationEmailAddress',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. manager@example.com',
		displayOptions: { show: { activationEmail: ['address'] } },
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['activate'] } }, properties);

export const cacheLookups = true;
export const prefetch = [{ parameter: 'user' }];

/** Activates a staged user, so they can log in (`POST /api/systemusers/{id}/state/activate`). */
export async function execute(this: IExecuteFunctions, scope: Scope) {
	const i = scope.itemIndex;
	const email = this.getNodeParameter('activationEmail', i, 'default') as string;
	const body: IDataObject = {};
	if (email === 'none') body.email = false;
	if (email === 'address') {
		const address = String(this.getNodeParameter('activationEmailAddress', i, '') ?? '').trim();
		if (!isEmailAddress(address)) {
			throw new NodeOperationError(this.getNode(), `'Send To' is not an email address: "${address.slice(0, 100)}"`, {
				itemIndex: i,
				description: "Enter the address the activation email goes to, or set 'Email' to another choice.",
			});
		}
		body.email = address;
	}
	const id = await userAction.call(
		this,
		scope,
		'state/activate',
		body,
		"Activate turns a staged user into an active one; this user is suspended. To restore a suspended user, use User > Update with 'Update Fields > State' set to Activated.",
	);
	return { id, activated: true, email: email === 'none' ? false : email === 'address' ? body.email : true };
}
