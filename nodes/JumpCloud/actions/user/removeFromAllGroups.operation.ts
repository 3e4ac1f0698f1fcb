import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { applyToEach } from '../../helpers/batch';
import { userGroupsById } from '../../helpers/groups';
import type { Scope } from '../../helpers/locators';
import { optionsCollection, userLocator } from '../common.descriptions';
import { setMembership } from '../userGroup/membership';
import { isDirect, membershipsOf } from './getGroups.operation';
import { userIdOf } from './shared';

const properties: INodeProperties[] = [userLocator('user', 'User', 'The JumpCloud user to take out of every user group'), optionsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['removeFromAllGroups'] } }, properties);

export const cacheLookups = true;
export const prefetch = [{ parameter: 'user' }];

/**
 * Offboarding in one step: every user group the user is directly in, left side by side (a group reached only
 * through another group goes with that group).
 */
export async function execute(this: IExecuteFunctions, scope: Scope) {
	const userId = await userIdOf.call(this, scope);
	const memberships = await membershipsOf.call(this, userId, scope, { returnAll: true });
	const direct = memberships.filter(isDirect).map((membership) => String(membership.id));
	const groups = await userGroupsById.call(this, direct, scope);
	const named = (id: string) => ({ id, name: groups.get(id)?.name });
	const outcomes = await applyToEach(
		this,
		scope.itemIndex,
		direct,
		(id) => `group ${String(groups.get(id)?.name ?? id)}`,
		async (id) => await setMembership.call(this, scope, id, userId, 'remove'),
		(id) => `left group ${String(groups.get(id)?.name ?? id)}`,
	);
	return {
		id: userId,
		removedFrom: direct.filter((_, index) => outcomes[index] === 'changed').map(named),
		// Someone else removed these between the read and the removal: already as wanted.
		alreadyRemoved: direct.filter((_, index) => outcomes[index] === 'unchanged').map(named),
		count: outcomes.filter((outcome) => outcome === 'changed').length,
	};
}
