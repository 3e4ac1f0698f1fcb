import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { applyToEach } from '../../helpers/batch';
import { changeGraphEdge } from '../../helpers/graph';
import type { EdgeOp, EdgeOutcome } from '../../helpers/graph';
import { resolveUserGroup, resolveUserLocator, resolveUserReferences } from '../../helpers/locators';
import type { Scope } from '../../helpers/locators';
import { jumpCloudRequest } from '../../transport';
import type { JumpCloudContext } from '../../transport';
import { optionsCollection, userGroupLocator, userLocator } from '../common.descriptions';

/** 'Options > Fail If Unchanged' of the operations that change memberships. */
export const failIfUnchangedOption: INodeProperties = {
	displayName: 'Fail If Unchanged',
	name: 'failIfUnchanged',
	type: 'boolean',
	default: false,
	description:
		'Whether to fail when there is nothing to do: the user is already a member (add) or not a member (remove). By default that is reported as a success with added/removed set to false.',
};

/** The parameters Add User and Remove User share. */
export const membershipProperties: INodeProperties[] = [userGroupLocator(), userLocator('user', 'User', 'The JumpCloud user'), optionsCollection(failIfUnchangedOption)];

/** The parameters Add Users and Remove Users share: many users per item. */
export const membershipsProperties: INodeProperties[] = [
	userGroupLocator(),
	{
		displayName: 'Users',
		name: 'users',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. jane.doe@example.com, jdoe, 5f0c1a2b3c4d5e6f7a8b9c0d',
		description: 'User IDs, emails or usernames, separated by commas or new lines (or an expression giving a list)',
		typeOptions: { rows: 2 },
	},
	optionsCollection(),
];

/** Add or remove (changeGraphEdge's op). */
export type MembershipOp = EdgeOp;

/** How one membership change went: made, or already so (the user was a member / was not). */
export type MembershipOutcome = EdgeOutcome;

/**
 * Adds or removes one membership (`POST /api/v2/usergroups/{id}/members`): a 409 to an add or a 404 to a remove
 * means the desired state already holds (see changeGraphEdge), so the call is safe to repeat after a lost answer.
 */
export async function setMembership(this: JumpCloudContext, scope: Scope, groupId: string, userId: string, op: MembershipOp): Promise<MembershipOutcome> {
	return await changeGraphEdge.call(this, scope, {
		path: `/api/v2/usergroups/${groupId}/members`,
		op,
		body: { op, type: 'user', id: userId },
		// Adding to a group that does not exist is a 404 (removing one is told apart by confirmExists).
		notFoundHint: groupNotFound(groupId),
		confirmExists: async () => await confirmExists.call(this, scope, groupId, userId),
	});
}

/** The 404 description for a user group ID, naming the parameter to fix. */
export const groupNotFound = (groupId: string, parameterLabel = 'User Group') =>
	`Check the '${parameterLabel}' parameter: no user group with ID ${groupId} exists in this organization.`;

/** Add User / Remove User: one membership, the no-op reported (or failed, with 'Fail If Unchanged'). */
export async function changeMembership(this: IExecuteFunctions, scope: Scope, op: MembershipOp): Promise<IDataObject> {
	const i = scope.itemIndex;
	const group = await resolveUserGroup.call(this, this.getNodeParameter('userGroup', i), scope);
	const userId = await resolveUserLocator.call(this, this.getNodeParameter('user', i), scope, 'User');
	const done = op === 'add' ? 'added' : 'removed';
	const names = { groupId: group.id, groupName: group.name, userId };
	if ((await setMembership.call(this, scope, group.id, userId, op)) === 'changed') return { [done]: true, ...names };
	failIfUnchanged.call(this, scope, op);
	return { [done]: false, unchanged: true, reason: unchangedReason(op), ...names };
}

export const unchangedReason = (op: MembershipOp) => (op === 'add' ? 'alreadyMember' : 'notMember');

/** Throws when 'Options > Fail If Unchanged' is on; the change was a no-op. */
export function failIfUnchanged(this: IExecuteFunctions, scope: Scope, op: MembershipOp, who = 'The user'): void {
	const { failIfUnchanged: fail = false } = this.getNodeParameter('options', scope.itemIndex, {}) as IDataObject;
	if (!fail) return;
	throw new NodeOperationError(this.getNode(), op === 'add' ? `${who} is already a member of the group` : `${who} is not a member of the group`, {
		itemIndex: scope.itemIndex,
		description: "Turn off 'Fail If Unchanged' to treat this as success.",
	});
}

async function confirmExists(this: JumpCloudContext, scope: Scope, groupId: string, userId: string) {
	await jumpCloudRequest.call(this, { method: 'GET', path: `/api/v2/usergroups/${groupId}`, notFoundHint: groupNotFound(groupId), ...scope });
	await jumpCloudRequest.call(this, {
		method: 'GET',
		path: `/api/systemusers/${userId}`,
		qs: { fields: '_id' },
		notFoundHint: `Check the 'User' parameter: no user with ID ${userId} exists in this organization.`,
		...scope,
	});
}

/** The 'Users' parameter as a list of references: a list from an expression, or text split on commas and lines. */
function userReferencesOf(this: IExecuteFunctions, itemIndex: number): string[] {
	const raw = this.getNodeParameter('users', itemIndex, '') as unknown;
	const entries = Array.isArray(raw) ? raw.map((entry) => String(entry ?? '')) : String(raw ?? '').split(/[\n,]/);
	const references = [...new Set(entries.map((entry) => entry.trim()).filter((entry) => entry !== ''))];
	if (references.length === 0) {
		throw new NodeOperationError(this.getNode(), "'Users' is empty", {
			itemIndex,
			description: 'Enter user IDs, emails or usernames, separated by commas or new lines.',
		});
	}
	return references;
}

/**
 * Add Users / Remove Users: every named user is found first (nothing changes when one is unknown), then the
 * memberships change side by side; each user is reported, a no-op as unchanged.
 */
export async function changeMemberships(this: IExecuteFunctions, scope: Scope, op: MembershipOp): Promise<IDataObject> {
	const i = scope.itemIndex;
	const references = userReferencesOf.call(this, i);
	const group = await resolveUserGroup.call(this, this.getNodeParameter('userGroup', i), scope);
	const userIds = await resolveUserReferences.call(this, references, scope, 'Users');
	const done = op === 'add' ? 'added' : 'removed';
	const entries = references.map((user, index) => ({ user, userId: userIds[index] }));
	const outcomes = await applyToEach(
		this,
		i,
		entries,
		({ user }) => user,
		async ({ userId }) => await setMembership.call(this, scope, group.id, userId, op),
		({ user }, outcome) => `${user} ${outcome === 'changed' ? done : 'unchanged'}`,
	);
	const users = entries.map((entry, index) =>
		outcomes[index] === 'changed' ? { ...entry, [done]: true } : { ...entry, [done]: false, unchanged: true, reason: unchangedReason(op) },
	);
	return { groupId: group.id, groupName: group.name, [done]: outcomes.filter((outcome) => outcome === 'changed').length, unchanged: outcomes.filter((outcome) => outcome === 'unchanged').length, users };
}
