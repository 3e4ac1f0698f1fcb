import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resolveUserRecord } from '../../helpers/locators';
import type { Scope } from '../../helpers/locators';
import { simplifyUser, withoutSecrets } from '../../helpers/users';
import { optionsCollection, userLocator } from '../common.descriptions';

const properties: INodeProperties[] = [
	userLocator('user', 'User', 'The JumpCloud user'),
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['get'] } }, properties);

/** Reads change no user: repeated lookups come from the execution's cache, emails and usernames in batches. */
export const cacheLookups = true;
export const prefetch = [{ parameter: 'user' }];

export async function execute(this: IExecuteFunctions, scope: Scope) {
	// A lookup by email or username already returns the whole record: no second call.
	const user = await resolveUserRecord.call(this, this.getNodeParameter('user', scope.itemIndex), scope, 'User');
	const simplify = this.getNodeParameter('simplify', scope.itemIndex, true) as boolean;
	return simplify ? simplifyUser(user) : withoutSecrets(user);
}
