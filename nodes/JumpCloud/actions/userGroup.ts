import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { resolveUserGroupLocator, resolveUserLocator } from '../helpers/locators';
import type { Scope } from '../helpers/locators';
import { jumpCloudApiRequestAllItems, jumpCloudRequest } from '../transport';
import type { OperationsOf } from './types';

/** v2 filters are `field:op:value`, comma-joined (AND); a comma inside a value would split the term. */
export function userGroupFilters(filters: IDataObject): string[] {
	const terms: string[] = [];
	const name = String(filters.name ?? '').trim();
	const nameContains = String(filters.nameContains ?? '').trim();
	if (name !== '') terms.push(`name:eq:${name}`);
	if (nameContains !== '') terms.push(`name:search:${nameContains}`);
	return terms;
}

/**
 * Adds or removes one membership. JumpCloud answers 409 to adding a member and 404 to removing a
 * non-member (fact sheet §5, pitfall 4): both mean the desired state already holds.
 */
async function changeMembership(this: IExecuteFunctions, scope: Scope, op: 'add' | 'remove'): Promise<IDataObject> {
	const i = scope.itemIndex;
	const groupId = await resolveUserGroupLocator.call(this, this.getNodeParameter('userGroup', i), scope);
	const userId = await resolveUserLocator.call(this, this.getNodeParameter('user', i), scope, 'User');
	const { failIfUnchanged = false } = this.getNodeParameter('membershipOptions', i, {}) as IDataObject;
	const done = op === 'add' ? 'added' : 'removed';
	const unchangedStatus = op === 'add' ? 409 : 404;
	const { statusCode } = await jumpCloudRequest.call(this, {
		method: 'POST',
		path: `/api/v2/usergroups/${groupId}/members`,
		body: { op, type: 'user', id: userId },
		acceptStatuses: [unchangedStatus],
		...scope,
	});
	if (statusCode === unchangedStatus) {
		// On remove, a 404 may also mean the group or the user does not exist: tell those apart first.
		if (op === 'remove') await confirmExists.call(this, scope, groupId, userId);
		if (failIfUnchanged) {
			throw new NodeOperationError(
				this.getNode(),
				op === 'add' ? 'The user is already a member of the group' : 'The user is not a member of the group',
				{ itemIndex: i, description: "Turn off 'Fail If Unchanged' to treat this as success." },
			);
		}
		return { [done]: false, unchanged: true, reason: op === 'add' ? 'alreadyMember' : 'notMember', groupId, userId };
	}
	return { [done]: true, groupId, userId };
}

async function confirmExists(this: IExecuteFunctions, scope: Scope, groupId: string, userId: string) {
	await jumpCloudRequest.call(this, {
		method: 'GET',
		path: `/api/v2/usergroups/${groupId}`,
		notFoundHint: `Check the 'User Group' parameter: no user group with ID ${groupId} exists in this organization.`,
		...scope,
	});
	await jumpCloudRequest.call(this, {
		method: 'GET',
		path: `/api/systemusers/${userId}`,
		qs: { fields: '_id' },
		notFoundHint: `Check the 'User' parameter: no user with ID ${userId} exists in this organization.`,
		...scope,
	});
}

export const userGroupOperations: OperationsOf<'getAll' | 'addUser' | 'removeUser'> = {
	async getAll(scope) {
		const i = scope.itemIndex;
		const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
		const limit = this.getNodeParameter('limit', i, 50) as number;
		const filters = userGroupFilters(this.getNodeParameter('filters', i, {}) as IDataObject);
		// Group names are unique per organization, so sorting by name pages stably.
		const qs: IDataObject = { sort: 'name' };
		if (filters.length) qs.filter = filters.join(',');
		return await jumpCloudApiRequestAllItems.call(
			this,
			{ method: 'GET', path: '/api/v2/usergroups', qs, ...scope },
			{ returnAll, limit },
		);
	},

	async addUser(scope) {
		return await changeMembership.call(this, scope, 'add');
	},

	async removeUser(scope) {
		return await changeMembership.call(this, scope, 'remove');
	},
};
