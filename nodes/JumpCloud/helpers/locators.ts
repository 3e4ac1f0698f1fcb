import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeParameterResourceLocator } from 'n8n-workflow';

import { isObjectId, jumpCloudApiRequest, jumpCloudApiRequestAllItems, v2ExactMatch } from '../transport';
import type { JumpCloudContext, Scope } from '../transport';

export type { Scope } from '../transport';

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

/** The fields every user lookup reads; callers may ask for more. */
const LOOKUP_FIELDS = ['_id', 'username', 'email'];

/**
 * The one user whose email or username is exactly `value` (v1 `$eq` filter, case-sensitive), with the
 * lookup fields and any `extraFields`.
 */
export async function findUser(
	this: JumpCloudContext,
	key: UserKey,
	value: string,
	scope: Scope,
	parameterLabel: string,
	extraFields: string[] = [],
): Promise<IDataObject> {
	const { results } = (await jumpCloudApiRequest.call(this, {
		method: 'GET',
		path: '/api/systemusers',
		qs: { filter: `${key}:$eq:${value}`, limit: 2, fields: [...LOOKUP_FIELDS, ...extraFields].join(' ') },
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
	return matches[0];
}

export async function findUserId(
	this: JumpCloudContext,
	key: UserKey,
	value: string,
	scope: Scope,
	parameterLabel: string,
): Promise<string> {
	const user = await findUser.call(this, key, value, scope, parameterLabel);
	return String(user._id ?? user.id);
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
	if (value.length > 1024) {
		throw new NodeOperationError(this.getNode(), `'${parameterLabel}' is longer than any JumpCloud username, email or name (${value.length} characters)`, {
			itemIndex,
			description: `Check the value of '${parameterLabel}': JumpCloud keeps at most 1024 characters.`,
		});
	}
}

/** An email locator value must be an address: anything else cannot match and would only cost a call. */
function requireEmail(this: JumpCloudContext, value: string, parameterLabel: string, itemIndex: number): void {
	if (!/^[^\s@]+@[^\s@]+$/.test(value)) {
		throw new NodeOperationError(this.getNode(), `'${parameterLabel}' is not an email address: "${value.slice(0, 100)}"`, {
			itemIndex,
			description: `Enter an address such as jane.doe@example.com, or switch '${parameterLabel}' to another mode.`,
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
	if (mode === 'email') requireEmail.call(this, value, parameterLabel, scope.itemIndex);
	if (mode === 'email' || mode === 'username') {
		return await findUserId.call(this, mode, value, scope, parameterLabel);
	}
	return requireObjectId.call(this, value, 'user', parameterLabel, scope.itemIndex);
}

/**
 * The user a locator points at, read with `fields` (beyond `_id`, `username` and `email`): one lookup by
 * email or username, or one read by ID, which also proves the user exists right now.
 */
export async function resolveUserRecord(
	this: JumpCloudContext,
	raw: unknown,
	scope: Scope,
	parameterLabel: string,
	fields: string[] = [],
): Promise<IDataObject> {
	const { mode, value } = locatorOf(raw);
	requireValue.call(this, value, parameterLabel, scope.itemIndex);
	if (mode === 'email') requireEmail.call(this, value, parameterLabel, scope.itemIndex);
	if (mode === 'email' || mode === 'username') return await findUser.call(this, mode, value, scope, parameterLabel, fields);
	const id = requireObjectId.call(this, value, 'user', parameterLabel, scope.itemIndex);
	return await jumpCloudApiRequest.call(this, {
		method: 'GET',
		path: `/api/systemusers/${id}`,
		qs: { fields: [...LOOKUP_FIELDS, ...fields].join(' ') },
		notFoundHint: `Check the '${parameterLabel}' parameter: no user with ID ${id} exists in this organization.`,
		...scope,
	});
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

/**
 * The group ID a user-group locator points at; a name is looked up exactly. A name holding a comma (the v2
 * filter separator) is narrowed by its parts on the server and compared exactly here, never by listing all.
 */
export async function resolveUserGroupLocator(
	this: JumpCloudContext,
	raw: unknown,
	scope: Scope,
	parameterLabel = 'User Group',
): Promise<string> {
	const { mode, value } = locatorOf(raw);
	requireValue.call(this, value, parameterLabel, scope.itemIndex);
	if (mode !== 'name') return requireObjectId.call(this, value, 'user group', parameterLabel, scope.itemIndex);

	const { filter, matches } = v2ExactMatch('name', value);
	const groups = await jumpCloudApiRequestAllItems.call(
		this,
		{ method: 'GET', path: '/api/v2/usergroups', qs: { filter, fields: ['id', 'name'] }, ...scope },
		{ returnAll: true, matches },
	);
	if (groups.length !== 1) {
		throw new NodeOperationError(
			this.getNode(),
			groups.length === 0 ? `No JumpCloud user group is named "${value}"` : `More than one JumpCloud user group is named "${value}"`,
			{
				itemIndex: scope.itemIndex,
				description: `Check the '${parameterLabel}' parameter. Names are matched exactly and case-sensitively.`,
			},
		);
	}
	return String(groups[0].id);
}
