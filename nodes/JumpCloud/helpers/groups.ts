import type { IDataObject } from 'n8n-workflow';

import { jumpCloudApiRequestAllItems, jumpCloudRequest } from '../transport';
import type { JumpCloudContext, Scope } from '../transport';
import { cachedLookup, groupsPath } from './locators';
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
