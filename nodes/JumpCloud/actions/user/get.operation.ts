import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Scope } from '../../helpers/locators';
import { simplifyUser, withoutSecrets } from '../../helpers/users';
import { jumpCloudApiRequest } from '../../transport';
import { optionsCollection, userLocator } from '../common.descriptions';
import { userIdOf, userNotFound, userPath } from './shared';

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

export async function execute(this: IExecuteFunctions, scope: Scope) {
	const id = await userIdOf.call(this, scope);
	const user = await jumpCloudApiRequest.call(this, { method: 'GET', path: userPath(id), notFoundHint: userNotFound(id), ...scope });
	const simplify = this.getNodeParameter('simplify', scope.itemIndex, true) as boolean;
	return simplify ? simplifyUser(user) : withoutSecrets(user);
}
