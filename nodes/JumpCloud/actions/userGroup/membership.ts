import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resolveUserGroupLocator, resolveUserLocator } from '../../helpers/locators';
import type { Scope } from '../../helpers/locators';
import { jumpCloudRequest } from '../../transport';
import { optionsCollection, userGroupLocator, userLocator } from '../common.descriptions';

/** The parameters Add User and Remove User share. */
export const membershipProperties: INodeProperties[] = [
	userGroupLocator(),
	userLocator('user', 'User', 'The JumpCloud user'),
	optionsCollection({
		displayName: 'Fail If Unchanged',
		name: 'failIfUnchanged',
		type: 'boolean',
		default: false,
		description:
			'Whether to fail when there is nothing to do: the user is already a member (add) or not a member (remove). By default that is reported as a success with added/removed set to false.',
	}),
];

/**
 * Adds or removes one membership. JumpCloud answers 409 to adding a member and 404 to removing a
 * non-member (fact sheet §5, pitfall 4): both mean the desired state already holds. That makes the call
 * safe to repeat after a lost answer; a 409/404 to such a repeat means the lost send made the change.
 */
export async function changeMembership(this: IExecuteFunctions, scope: Scope, op: 'add' | 'remove'): Promise<IDataObject> {
	const i = scope.itemIndex;
	const groupId = await resolveUserGroupLocator.call(this, this.getNodeParameter('userGroup', i), scope);
	const userId = await resolveUserLocator.call(this, this.getNodeParameter('user', i), scope, 'User');
	const { failIfUnchanged = false } = this.getNodeParameter('options', i, {}) as IDataObject;
	const done = op === 'add' ? 'added' : 'removed';
	const unchangedStatus = op === 'add' ? 409 : 404;
	const { statusCode, afterUnclearAttempt } = await jumpCloudRequest.call(this, {
		method: 'POST',
		path: `/api/v2/usergroups/${groupId}/members`,
		body: { op, type: 'user', id: userId },
		expect: 'empty',
		repeatable: true,
		acceptStatuses: [unchangedStatus],
		// Adding to a group that does not exist is a 404 (removing one is told apart below).
		notFoundHint: `Check the 'User Group' parameter: no user group with ID ${groupId} exists in this organization.`,
		...scope,
	});
	if (statusCode === unchangedStatus) {
		// On remove, a 404 may also mean the group or the user does not exist: tell those apart first.
		if (op === 'remove') await confirmExists.call(this, scope, groupId, userId);
		if (afterUnclearAttempt) return { [done]: true, groupId, userId };
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
