import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { jumpCloudApiRequest, jumpCloudApiRequestAllItems, jumpCloudRequest } from '../transport';
import type { JumpCloudContext, Scope } from '../transport';
import { cachedLookup, groupNoun, groupsNamed, groupsPath } from './locators';
import type { GroupKind } from './locators';

/** Up to this many unknown groups are read one by one; more, and the organization's groups are listed once. */
const READ_ONE_BY_ONE = 20;

/**
 * Groups of a kind by ID (v2 `usergroups` and `systemgroups` have no ID filter): each read by ID when few, or
 * all listed once (ID, name, description) when many; either way once per execution. A group deleted meanwhile
 * is simply absent.
 */
export async function groupsById(this: JumpCloudContext, kind: GroupKind, ids: string[], scope: Scope): Promise<Map<string, IDataObject>> {
	const cached: Scope = { ...scope, cacheLookups: true };
	const path = groupsPath(kind);
	// User groups keep the cache keys they always had (other lookups share them).
	const cacheKey = kind === 'user' ? 'group' : 'systemGroup';
	const wanted = [...new Set(ids)];
	const known = (id: string) => scope.run?.lookups.has(`${scope.organizationId ?? ''}|${cacheKey}|id|${id}`) === true;
	const groups = new Map<string, IDataObject>();
	if (wanted.filter((id) => !known(id)).length > READ_ONE_BY_ONE) {
		const all = await cachedLookup(cached, `${cacheKey}|all`, async () =>
			await jumpCloudApiRequestAllItems.call(this, { method: 'GET', path, qs: { fields: ['id', 'name', 'description'] }, ...scope }, { returnAll: true }),
		);
		for (const group of all) groups.set(String(group.id), group);
		return groups;
	}
	await Promise.all(
		wanted.map(async (id) => {
			const [group] = await cachedLookup(cached, `${cacheKey}|id|${id}`, async () => {
				const { statusCode, body } = await jumpCloudRequest.call(this, { method: 'GET', path: `${path}/${id}`, acceptStatuses: [404], ...scope });
				return statusCode === 404 ? [] : [body as IDataObject];
			});
			if (group) groups.set(id, group);
		}),
	);
	return groups;
}

/** User groups by ID (see groupsById). */
export async function userGroupsById(this: JumpCloudContext, ids: string[], scope: Scope): Promise<Map<string, IDataObject>> {
	return await groupsById.call(this, 'user', ids, scope);
}

/**
 * Creates a v2 group of a kind (`POST /api/v2/usergroups` or `/api/v2/systemgroups`, 201) at most once. The name
 * is looked up first: a precise error, or the existing group with 'If Group Exists' > 'Return Existing'; a group
 * found after a send whose answer got lost is then the one this send created. Names are unique regardless of case:
 * a 409 means someone took the name since the lookup, or it differs only in case.
 */
export async function createGroupOnce(
	this: IExecuteFunctions,
	kind: GroupKind,
	body: IDataObject,
	ifGroupExists: string,
	scope: Scope,
): Promise<IDataObject> {
	const name = String(body.name);
	const noun = groupNoun(kind);
	const existing = async () => {
		const [group] = await groupsNamed.call(this, kind, name, { ...scope, cacheLookups: false });
		return group && (await jumpCloudApiRequest.call(this, { method: 'GET', path: `${groupsPath(kind)}/${String(group.id)}`, ...scope }));
	};
	const exists = (group: IDataObject) => {
		if (ifGroupExists === 'returnExisting') return group;
		throw new NodeOperationError(this.getNode(), `A JumpCloud ${noun} named "${name}" already exists (ID ${String(group.id)})`, {
			itemIndex: scope.itemIndex,
			description: "Use another 'Name', or set 'Options > If Group Exists' to 'Return Existing' so the workflow can run again.",
		});
	};
	const before = await existing();
	if (before) return exists(before);
	const { statusCode, body: created } = await jumpCloudRequest.call(this, {
		method: 'POST',
		path: groupsPath(kind),
		body,
		acceptStatuses: [409],
		verify: async () => {
			const group = await existing();
			return group ? { applied: true, body: group } : { applied: false };
		},
		...scope,
	});
	if (statusCode === 409) {
		const group = await existing();
		if (group) return exists(group);
		throw new NodeOperationError(this.getNode(), `A JumpCloud ${noun} named "${name}" already exists (the name differs only in case)`, {
			itemIndex: scope.itemIndex,
			description: "JumpCloud compares group names without case. Use another 'Name'.",
		});
	}
	return created as IDataObject;
}
