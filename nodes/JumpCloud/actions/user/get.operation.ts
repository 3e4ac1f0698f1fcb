import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorOf, resolveUserRecord } from '../../helpers/locators';
import type { Scope } from '../../helpers/locators';
import { simplifyUser, withoutSecrets } from '../../helpers/users';
import { ifNotFoundOption, optionsCollection, simplifyProperty, userLocator } from '../common.descriptions';

const properties: INodeProperties[] = [
	userLocator('user', 'User', 'The JumpCloud user'),
	simplifyProperty(),
	optionsCollection(ifNotFoundOption('user')),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['get'] } }, properties);

/** Reads change no user: repeated lookups come from the execution's cache, emails and usernames in batches. */
export const cacheLookups = true;
export const prefetch = [{ parameter: 'user' }];
/** With All Organizations: the user from whichever organizations have it. */
export const fanOut = 'lookup';

/** 'If Not Found' > Output an Item: what was asked for, so the workflow can say who is missing. */
export function notFoundResult(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const { mode, value } = locatorOf(this.getNodeParameter('user', itemIndex));
	return { user: value, by: mode };
}

export async function execute(this: IExecuteFunctions, scope: Scope) {
	// A lookup by email or username already returns the whole record: no second call.
	const user = await resolveUserRecord.call(this, this.getNodeParameter('user', scope.itemIndex), scope, 'User');
	const simplify = this.getNodeParameter('simplify', scope.itemIndex, true) as boolean;
	return simplify ? simplifyUser(user) : withoutSecrets(user);
}
