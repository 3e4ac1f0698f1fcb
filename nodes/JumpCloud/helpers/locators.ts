import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

import type { UserPrefetch } from '../actions/types';
import { isEmailAddress } from './users';
import { isObjectId, jumpCloudApiRequest, jumpCloudApiRequestAllItems, jumpCloudRequest, markNotFound, v2ExactMatch } from '../transport';
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

/** The fields a read by ID asks for when the caller names some (a lookup by email or username reads whole records). */
const LOOKUP_FIELDS = ['_id', 'username', 'email'];

/**
 * The records a lookup finds, asked once per execution when the operation allows it (the same email or group
 * name in many items costs one call); a failed lookup is forgotten, so the next item asks again.
 */
export async function cachedLookup(scope: Scope, key: string, lookup: () => Promise<IDataObject[]>): Promise<IDataObject[]> {
	const cache = scope.cacheLookups ? scope.run?.lookups : undefined;
	if (!cache) return await lookup();
	const fullKey = `${scope.organizationId ?? ''}|${key}`;
	let found = cache.get(fullKey);
	if (!found) {
		found = lookup();
		cache.set(fullKey, found);
		found.catch(() => cache.delete(fullKey));
	}
	return await found;
}

/** The one user whose email or username is exactly `value` (v1 `$eq` filter, case-sensitive), whole record. */
export async function findUser(
	this: JumpCloudContext,
	key: UserKey,
	value: string,
	scope: Scope,
	parameterLabel: string,
): Promise<IDataObject> {
	const matches = await cachedLookup(scope, `user|${key}|${value}`, async () => {
		const { results } = (await jumpCloudApiRequest.call(this, {
			method: 'GET',
			path: '/api/systemusers',
			qs: { filter: `${key}:$eq:${value}`, limit: 2 },
			...scope,
		})) as { results?: IDataObject[] };
		return results ?? [];
	});
	if (matches.length !== 1) {
		const error = new NodeOperationError(
			this.getNode(),
			matches.length === 0
				? `No JumpCloud user has the ${key} "${value}"`
				: `More than one JumpCloud user has the ${key} "${value}"`,
			{
				itemIndex: scope.itemIndex,
				description: `Check the '${parameterLabel}' parameter. Matching is exact and case-sensitive; pick the user from the list or use the ID to be certain.`,
			},
		);
		throw matches.length === 0 ? markNotFound(error) : error;
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

export function requireObjectId(this: JumpCloudContext, value: string, noun: string, parameterLabel: string, itemIndex: number): string {
	if (!isObjectId(value)) {
		throw new NodeOperationError(this.getNode(), `'${parameterLabel}' is not a JumpCloud ${noun} ID: "${value}"`, {
			itemIndex,
			description: `Use the 24-character hexadecimal ID, or switch '${parameterLabel}' to another mode (from list, by email, by username…).`,
		});
	}
	return value;
}

export function requireValue(this: JumpCloudContext, value: string, parameterLabel: string, itemIndex: number): void {
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
	if (!isEmailAddress(value)) {
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
 * The user a locator points at, in one call that also proves the user exists right now: the lookup by email
 * or username (a whole record), or a read by ID (of `fields` beyond `_id`, `username` and `email` when given,
 * else the whole record).
 */
export async function resolveUserRecord(
	this: JumpCloudContext,
	raw: unknown,
	scope: Scope,
	parameterLabel: string,
	fields?: string[],
): Promise<IDataObject> {
	const { mode, value } = locatorOf(raw);
	requireValue.call(this, value, parameterLabel, scope.itemIndex);
	if (mode === 'email') requireEmail.call(this, value, parameterLabel, scope.itemIndex);
	if (mode === 'email' || mode === 'username') return await findUser.call(this, mode, value, scope, parameterLabel);
	const id = requireObjectId.call(this, value, 'user', parameterLabel, scope.itemIndex);
	return await jumpCloudApiRequest.call(this, {
		method: 'GET',
		path: `/api/systemusers/${id}`,
		qs: fields ? { fields: [...LOOKUP_FIELDS, ...fields].join(' ') } : undefined,
		notFoundHint: `Check the '${parameterLabel}' parameter: no user with ID ${id} exists in this organization.`,
		...scope,
	});
}

/** Values per `$in` lookup: a page holds them all, and the URL stays short. */
const BATCH_VALUES = 50;
const BATCH_CHARACTERS = 2000;

/**
 * Looks up, before the items run, every email and username the given user locators name across all items:
 * one v1 `$in` call per 50 values instead of one call per item. The results fill the execution's lookup
 * cache; a value whose batch fails is looked up again by its own item.
 */
export async function prefetchUsers(
	this: IExecuteFunctions,
	prefetch: UserPrefetch[],
	itemCount: number,
	organizationOf: (itemIndex: number) => string,
	baseScope: Scope,
): Promise<void> {
	const cache = baseScope.cacheLookups ? baseScope.run?.lookups : undefined;
	if (!cache) return;
	const wanted = new Map<string, { scope: Scope; key: UserKey; values: Set<string> }>();
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		let organizationId: string;
		try {
			organizationId = organizationOf(itemIndex);
		} catch {
			continue; // the item fails on its own, with its own error
		}
		for (const { parameter } of prefetch) {
			let raw: unknown;
			try {
				raw = this.getNodeParameter(parameter, itemIndex);
			} catch {
				continue;
			}
			const { mode, value } = locatorOf(raw);
			if (mode !== 'email' && mode !== 'username') continue;
			// Values that would fail anyway, or that a `|` list cannot carry plainly, are left to their items.
			if (value === '' || value.length > 1024 || value.includes('\\') || (mode === 'email' && !isEmailAddress(value))) continue;
			if (cache.has(`${organizationId}|user|${mode}|${value}`)) continue;
			const group = `${organizationId}|${mode}`;
			if (!wanted.has(group)) {
				// The batches get a retry budget of their own: they serve many items.
				const scope: Scope = { ...baseScope, organizationId, retryBudget: { ...baseScope.retryBudget! } };
				wanted.set(group, { scope, key: mode, values: new Set() });
			}
			wanted.get(group)!.values.add(value);
		}
	}
	await Promise.all([...wanted.values()].map(async ({ scope, key, values }) => await lookupInBatches.call(this, scope, key, [...values])));
}

/**
 * Fills the execution's lookup cache with the users having these emails (or usernames): one `$in` call per 50
 * values. A batch pays off from two values on; a single one is looked up by its item, after its own checks.
 */
async function lookupInBatches(this: IExecuteFunctions, scope: Scope, key: UserKey, values: string[]): Promise<void> {
	if (values.length < 2 || !scope.cacheLookups || !scope.run) return;
	const batches: Array<Promise<void>> = [];
	let batch: string[] = [];
	const flush = () => {
		if (batch.length) batches.push(lookupBatch.call(this, scope, key, batch));
		batch = [];
	};
	for (const value of values) {
		if (batch.length >= BATCH_VALUES || batch.join('|').length + value.length > BATCH_CHARACTERS) flush();
		batch.push(value);
	}
	flush();
	await Promise.all(batches);
}

/**
 * The user IDs of several free-text references (IDs, emails, usernames) one item names, in order; emails and
 * usernames are looked up in `$in` batches first. Fails, naming the reference, when one matches no user.
 */
export async function resolveUserReferences(this: IExecuteFunctions, references: string[], scope: Scope, parameterLabel: string): Promise<string[]> {
	const values = references.map((reference) => reference.trim());
	for (const key of ['email', 'username'] as const) {
		const named = values.filter((value) => value !== '' && !value.includes('\\') && userReferenceKind(value) === key);
		const uncached = [...new Set(named)].filter((value) => !scope.run?.lookups.has(`${scope.organizationId ?? ''}|user|${key}|${value}`));
		await lookupInBatches.call(this, scope, key, uncached);
	}
	return await Promise.all(values.map(async (value) => await resolveUserReference.call(this, value, scope, parameterLabel)));
}

/** One `$in` lookup; every value's cache entry is the records with exactly that value. */
async function lookupBatch(this: IExecuteFunctions, scope: Scope, key: UserKey, values: string[]): Promise<void> {
	const found = jumpCloudApiRequest
		.call(this, {
			method: 'GET',
			path: '/api/systemusers',
			// `|` separates $in terms; one inside a value is escaped (v1 spec, trait_filter_filter).
			qs: { filter: `${key}:$in:${values.map((value) => value.replace(/\|/g, '\\|')).join('|')}`, limit: values.length },
			...scope,
		})
		.then(({ results }) => (results ?? []) as IDataObject[]);
	for (const value of values) {
		await cachedLookup(scope, `user|${key}|${value}`, async () => (await found).filter((user) => user[key] === value)).catch(() => undefined);
	}
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
 * The two kinds of v2 groups, which share their API shape (fact sheet §5, §6): user groups (`/api/v2/usergroups`)
 * and system groups, the node's device groups (`/api/v2/systemgroups`).
 */
export type GroupKind = 'user' | 'system';

const GROUPS: Record<GroupKind, { path: string; noun: string; cacheKey: string }> = {
	user: { path: '/api/v2/usergroups', noun: 'user group', cacheKey: 'group' },
	system: { path: '/api/v2/systemgroups', noun: 'device group', cacheKey: 'systemGroup' },
};

/** The collection path of a kind of group, e.g. `/api/v2/systemgroups`. */
export const groupsPath = (kind: GroupKind) => GROUPS[kind].path;

/** What a kind of group is called in messages, e.g. 'device group'. */
export const groupNoun = (kind: GroupKind) => GROUPS[kind].noun;

/**
 * The group ID a group locator points at; a name is looked up exactly. A name holding a comma (the v2 filter
 * separator) is narrowed by its parts on the server and compared exactly here, never by listing all.
 */
export async function resolveGroupLocator(this: JumpCloudContext, kind: GroupKind, raw: unknown, scope: Scope, parameterLabel: string): Promise<string> {
	const { noun } = GROUPS[kind];
	const { mode, value } = locatorOf(raw);
	requireValue.call(this, value, parameterLabel, scope.itemIndex);
	if (mode !== 'name') return requireObjectId.call(this, value, noun, parameterLabel, scope.itemIndex);

	const groups = await groupsNamed.call(this, kind, value, scope);
	if (groups.length !== 1) {
		const error = new NodeOperationError(
			this.getNode(),
			groups.length === 0 ? `No JumpCloud ${noun} is named "${value}"` : `More than one JumpCloud ${noun} is named "${value}"`,
			{
				itemIndex: scope.itemIndex,
				description: `Check the '${parameterLabel}' parameter. Names are matched exactly and case-sensitively.`,
			},
		);
		throw groups.length === 0 ? markNotFound(error) : error;
	}
	return String(groups[0].id);
}

/**
 * The group a group locator points at, with its name (for outputs people read): a lookup by name has it; an ID
 * is read once per execution, which also proves the group exists before anything changes.
 */
export async function resolveGroup(this: JumpCloudContext, kind: GroupKind, raw: unknown, scope: Scope, parameterLabel: string): Promise<{ id: string; name: string }> {
	const { path, noun, cacheKey } = GROUPS[kind];
	const { mode, value } = locatorOf(raw);
	const id = await resolveGroupLocator.call(this, kind, raw, scope, parameterLabel);
	if (mode === 'name') return { id, name: value };
	const [group] = await cachedLookup({ ...scope, cacheLookups: true }, `${cacheKey}|id|${id}`, async () => {
		const { statusCode, body } = await jumpCloudRequest.call(this, { method: 'GET', path: `${path}/${id}`, acceptStatuses: [404], ...scope });
		return statusCode === 404 ? [] : [body as IDataObject];
	});
	if (!group) {
		throw markNotFound(
			new NodeOperationError(this.getNode(), `No JumpCloud ${noun} has the ID ${id}`, {
				itemIndex: scope.itemIndex,
				description: `Check the '${parameterLabel}' parameter: no ${noun} with ID ${id} exists in this organization.`,
			}),
		);
	}
	return { id, name: String(group.name ?? '') };
}

/** The groups of a kind named exactly `name` (IDs and names; names holding a comma are narrowed, then compared). */
export async function groupsNamed(this: JumpCloudContext, kind: GroupKind, name: string, scope: Scope): Promise<IDataObject[]> {
	const { path, cacheKey } = GROUPS[kind];
	const { filter, matches } = v2ExactMatch('name', name);
	return await cachedLookup(scope, `${cacheKey}|name|${name}`, async () =>
		await jumpCloudApiRequestAllItems.call(this, { method: 'GET', path, qs: { filter, fields: ['id', 'name'] }, ...scope }, { returnAll: true, matches }),
	);
}

/** The group ID a user-group locator points at (see resolveGroupLocator). */
export async function resolveUserGroupLocator(this: JumpCloudContext, raw: unknown, scope: Scope, parameterLabel = 'User Group'): Promise<string> {
	return await resolveGroupLocator.call(this, 'user', raw, scope, parameterLabel);
}

/** The user group a locator points at, with its name (see resolveGroup). */
export async function resolveUserGroup(this: JumpCloudContext, raw: unknown, scope: Scope, parameterLabel = 'User Group'): Promise<{ id: string; name: string }> {
	return await resolveGroup.call(this, 'user', raw, scope, parameterLabel);
}

/** The user groups named exactly `name` (see groupsNamed). */
export async function userGroupsNamed(this: JumpCloudContext, name: string, scope: Scope): Promise<IDataObject[]> {
	return await groupsNamed.call(this, 'user', name, scope);
}

/** IDs per `_id:$in` read: 50 IDs of 24 characters keep the URL short, and a page holds them all. */
const IDS_PER_READ = 50;

/**
 * Records of a v1 collection (`/api/systemusers`, `/api/systems`) by ID, read in `_id` `$in` batches side by side
 * (with `fields` when given); a missing ID is absent.
 */
export async function v1RecordsById(
	this: JumpCloudContext,
	collectionPath: string,
	ids: string[],
	scope: Scope,
	fields?: readonly string[],
): Promise<Map<string, IDataObject>> {
	const wanted = [...new Set(ids)].filter(isObjectId);
	const batches: string[][] = [];
	for (let start = 0; start < wanted.length; start += IDS_PER_READ) batches.push(wanted.slice(start, start + IDS_PER_READ));
	const records = new Map<string, IDataObject>();
	await Promise.all(
		batches.map(async (batch) => {
			const { results } = (await jumpCloudApiRequest.call(this, {
				method: 'GET',
				path: collectionPath,
				qs: { filter: `_id:$in:${batch.join('|')}`, limit: batch.length, fields: fields ? [...fields] : undefined },
				...scope,
			})) as { results?: IDataObject[] };
			for (const record of results ?? []) records.set(String(record._id ?? record.id), record);
		}),
	);
	return records;
}

/** Users by ID (see v1RecordsById). */
export async function usersById(this: JumpCloudContext, ids: string[], scope: Scope, fields?: readonly string[]): Promise<Map<string, IDataObject>> {
	return await v1RecordsById.call(this, '/api/systemusers', ids, scope, fields);
}
