import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { userGroupsById } from '../../helpers/groups';
import type { Scope } from '../../helpers/locators';
import { returnAllAndLimitOf } from '../../helpers/parameters';
import { jumpCloudApiRequestAllItems } from '../../transport';
import type { JumpCloudContext } from '../../transport';
import { optionsCollection, returnAllAndLimit, simplifyProperty, userLocator } from '../common.descriptions';
import { userIdOf, userNotFound } from './shared';

const properties: INodeProperties[] = [
	userLocator('user', 'User', 'The JumpCloud user whose groups to get'),
	...returnAllAndLimit(),
	simplifyProperty("Whether to return each group's ID, name, description and whether the membership is direct, instead of JumpCloud's graph record (with the name added)"),
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['getGroups'] } }, properties);

export const cacheLookups = true;
export const prefetch = [{ parameter: 'user' }];

/** A membership record of `memberof`: the group, and the paths (direct: one step) that lead to it. */
export const isDirect = (membership: IDataObject) =>
	Array.isArray(membership.paths) && (membership.paths as unknown[][]).some((path) => Array.isArray(path) && path.length === 1);

/** The user groups a user is in, directly or through another group (`GET /api/v2/users/{id}/memberof`). */
export async function membershipsOf(this: JumpCloudContext, userId: string, scope: Scope, list: { returnAll: boolean; limit?: number }) {
	const memberships = await jumpCloudApiRequestAllItems.call(
		this,
		{ method: 'GET', path: `/api/v2/users/${userId}/memberof`, notFoundHint: userNotFound(userId), ...scope },
		list,
	);
	return memberships.filter((membership) => membership.type === undefined || membership.type === 'user_group');
}

export async function execute(this: IExecuteFunctions, scope: Scope) {
	const i = scope.itemIndex;
	const { returnAll, limit } = returnAllAndLimitOf.call(this, i);
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const userId = await userIdOf.call(this, scope);
	const memberships = await membershipsOf.call(this, userId, scope, { returnAll, limit });
	const groups = await userGroupsById.call(this, memberships.map((membership) => String(membership.id)), scope);
	return memberships.map((membership) => {
		const group = groups.get(String(membership.id));
		if (!simplify) return { ...membership, name: group?.name };
		const simplified: IDataObject = { id: membership.id, name: group?.name, direct: isDirect(membership), userId };
		if (group?.description) simplified.description = group.description;
		return simplified;
	});
}
