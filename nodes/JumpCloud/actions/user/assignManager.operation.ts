import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorOf } from '../../helpers/locators';
import type { Scope } from '../../helpers/locators';
import { withoutSecrets } from '../../helpers/users';
import { isObjectId, jumpCloudApiRequest } from '../../transport';
import { optionsCollection, userLocator } from '../common.descriptions';
import { userIdOf, userPath } from './shared';

const properties: INodeProperties[] = [
	userLocator('user', 'User', 'The JumpCloud user'),
	userLocator('manager', 'Manager', 'The user who becomes the manager'),
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['assignManager'] } }, properties);

/** Membership and manager changes change no user: lookups come from the execution's cache, in batches. */
export const cacheLookups = true;
export const prefetch = [{ parameter: 'user' }, { parameter: 'manager' }];

export async function execute(this: IExecuteFunctions, scope: Scope) {
	const ownManager = () =>
		new NodeOperationError(this.getNode(), 'A user cannot be their own manager', {
			itemIndex: scope.itemIndex,
			description: "'User' and 'Manager' point at the same person; choose a different manager.",
		});
	const userRef = locatorOf(this.getNodeParameter('user', scope.itemIndex));
	const managerRef = locatorOf(this.getNodeParameter('manager', scope.itemIndex));
	// The same reference twice is wrong before anything is looked up.
	if (userRef.value !== '' && userRef.value === managerRef.value && (userRef.mode === managerRef.mode || isObjectId(userRef.value))) throw ownManager();
	const id = await userIdOf.call(this, scope);
	const managerId = await userIdOf.call(this, scope, 'manager', 'Manager');
	if (managerId === id) throw ownManager();
	const user = await jumpCloudApiRequest.call(this, {
		method: 'PUT',
		path: userPath(id),
		body: { manager: managerId },
		notFoundHint: `Check 'User' and 'Manager': one of them (${id}, ${managerId}) does not exist in this organization.`,
		...scope,
	});
	return withoutSecrets(user);
}
