import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorOf, usersById } from '../../helpers/locators';
import type { Scope } from '../../helpers/locators';
import { returnAllAndLimitOf } from '../../helpers/parameters';
import { SIMPLIFIED_USER_FIELDS, simplifyUser, withoutSecrets } from '../../helpers/users';
import { jumpCloudApiRequestAllItems } from '../../transport';
import { optionsCollection, returnAllAndLimit, simplifyProperty, userGroupLocator } from '../common.descriptions';
import { groupNotFound } from './membership';
import { groupIdOf } from './shared';

const properties: INodeProperties[] = [
	userGroupLocator(),
	...returnAllAndLimit(),
	simplifyProperty("Whether to return each member's ID, username, email, name and state instead of their whole user record"),
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['userGroup'], operation: ['getMembers'] } }, properties);

export const cacheLookups = true;
/** With All Organizations: the members of the group in whichever organizations have it (by name). */
export const fanOut = 'lookup';

export function notFoundResult(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const { mode, value } = locatorOf(this.getNodeParameter('userGroup', itemIndex));
	return { userGroup: value, by: mode };
}

/**
 * The group's direct members as users, not bare IDs: the membership list (`GET /api/v2/usergroups/{id}/members`,
 * which takes only limit and skip) in its own order, then the users read in `_id` batches.
 */
export async function execute(this: IExecuteFunctions, scope: Scope) {
	const i = scope.itemIndex;
	const { returnAll, limit } = returnAllAndLimitOf.call(this, i);
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const groupId = await groupIdOf.call(this, scope);
	const edges = await jumpCloudApiRequestAllItems.call(
		this,
		{ method: 'GET', path: `/api/v2/usergroups/${groupId}/members`, notFoundHint: groupNotFound(groupId), ...scope },
		{ returnAll, limit, sortById: false },
	);
	const userIds = edges.map((edge) => String((edge.to as IDataObject | undefined)?.id ?? ''));
	const users = await usersById.call(this, userIds, scope, simplify ? SIMPLIFIED_USER_FIELDS : undefined);
	// A member deleted between the two reads is no longer a member.
	return userIds.flatMap((id) => {
		const user = users.get(id);
		if (!user) return [];
		return [{ ...(simplify ? simplifyUser(user) : withoutSecrets(user)), groupId }];
	});
}
