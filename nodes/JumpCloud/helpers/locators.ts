import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeParameterResourceLocator } from 'n8n-workflow';

import { isObjectId } from '../transport/hosts';
import { jumpCloudApiRequest, jumpCloudApiRequestAllItems } from '../transport';
import type { JumpCloudContext } from '../transport';

/** Where a lookup runs: the item (for errors) and its organization. */
export interface Scope {
	itemIndex: number;
	organizationId?: string;
}

type UserKey = 'email' | 'username';

/** A locator's mode and trimmed value, whatever shape the parameter came in. */
export function locatorOf(raw: unknown): { mode: string; value: string } {
	if (raw && typeof raw === 'object' && 'value' in (raw as IDataObject)) {
		const locator = raw as INodeParameterResourceLocator;
		return { mode: String(locator.mode ?? 'id'), value: String(locator.value ?? '').trim() };
	}
	return { mode: 'id', value: String(raw ?? '').trim() };
}

/** How a free-text user reference reads: a 24-hex ID, else an email if it has an @, else a username. */
export function userReferenceKind(reference: string): 'id' | UserKey {
	if (isObjectId(reference)) return 'id';
	return reference.includes('@') ? 'email' : 'username';
}

/** Finds the one user whose email or username is exactly `value` (v1 `$eq` filter, case-sensitive). */
export async function findUserId(
	this: JumpCloudContext,
	key: UserKey,
	value: string,
	scope: Scope,
	parameterLabel: string,
): Promise<string> {
	const { results } = (await jumpCloudApiRequest.call(this, {
		method: 'GET',
		path: '/api/systemusers',
		qs: { filter: `${key}:$eq:${value}`, limit: 2, fields: '_id username email' },
		...scope,
	})) as { results?: IDataObject[] };
	const matches = results ?? [];
	if (matches.length !== 1) {
		throw new NodeOperationError(
			this.getNode(),
			matches.length === 0
				? `No JumpCloud user has the ${key} "${value}"`
				: `More than one JumpCloud user has the ${key} "${value}"`,
			{
				itemIndex: scope.itemIndex,
				description: `Check the '${parameterLabel}' parameter. Matching is exact and case-sensitive; pick the user from the list or use the ID to be certain.`,
			},
		);
	}
	return String(matches[0]._id ?? matches[0].id);
}

function requireObjectId(this: JumpCloudContext, value: string, noun: string, parameterLabel: string, itemIndex: number): string {
	if (!isObjectId(value)) {
		throw new NodeOperationError(this.getNode(), `'${parameterLabel}' is not a JumpCloud ${noun} ID: "${value}"`, {
			itemIndex,
			description: `Use the 24-character hexadecimal ID, or switch '${parameterLabel}' to another mode (from list, by email, by username…).`,
		});
	}
	return value;
}

function requireValue(this: JumpCloudContext, value: string, parameterLabel: string, itemIndex: number): void {
	if (value === '') {
		throw new NodeOperationError(this.getNode(), `'${parameterLabel}' is empty`, {
			itemIndex,
			description: `Choose a value for '${parameterLabel}' (from the list, or enter it by the selected mode).`,
		});
	}
}

/** The user ID a user locator points at; email and username are looked up. */
export async function resolveUserLocator(
	this: JumpCloudContext,
	raw: unknown,
	scope: Scope,
	parameterLabel: string,
): Promise<string> {
	const { mode, value } = locatorOf(raw);
	requireValue.call(this, value, parameterLabel, scope.itemIndex);
	if (mode === 'email' || mode === 'username') {
		return await findUserId.call(this, mode, value, scope, parameterLabel);
	}
	return requireObjectId.call(this, value, 'user', parameterLabel, scope.itemIndex);
}

/** The user ID a free-text reference (ID, email or username) points at. */
export async function resolveUserReference(
	this: JumpCloudContext,
	reference: string,
	scope: Scope,
	parameterLabel: string,
): Promise<string> {
	const value = reference.trim();
	requireValue.call(this, value, parameterLabel, scope.itemIndex);
	const kind = userReferenceKind(value);
	return kind === 'id' ? value : await findUserId.call(this, kind, value, scope, parameterLabel);
}

/** The group ID a user-group locator points at; a name is looked up exactly. */
export async function resolveUserGroupLocator(
	this: JumpCloudContext,
	raw: unknown,
	scope: Scope,
	parameterLabel = 'User Group',
): Promise<string> {
	const { mode, value } = locatorOf(raw);
	requireValue.call(this, value, parameterLabel, scope.itemIndex);
	if (mode !== 'name') return requireObjectId.call(this, value, 'user group', parameterLabel, scope.itemIndex);

	// v2 joins filters with commas, so a name holding one cannot be filtered on: list and compare instead.
	const groups = value.includes(',')
		? await jumpCloudApiRequestAllItems.call(
				this,
				{ method: 'GET', path: '/api/v2/usergroups', qs: { sort: 'name', fields: 'id,name' }, ...scope },
				{ returnAll: true },
			)
		: ((await jumpCloudApiRequest.call(this, {
				method: 'GET',
				path: '/api/v2/usergroups',
				qs: { filter: `name:eq:${value}`, limit: 2, fields: 'id,name' },
				...scope,
			})) as unknown as IDataObject[]);
	const matches = (Array.isArray(groups) ? groups : []).filter((group) => group.name === value);
	if (matches.length !== 1) {
		throw new NodeOperationError(this.getNode(), `No JumpCloud user group is named "${value}"`, {
			itemIndex: scope.itemIndex,
			description: `Check the '${parameterLabel}' parameter. Names are matched exactly and case-sensitively.`,
		});
	}
	return String(matches[0].id);
}
