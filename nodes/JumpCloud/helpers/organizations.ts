import type { IDataObject } from 'n8n-workflow';

import { jumpCloudApiRequestAllItems } from '../transport';
import type { JumpCloudContext, Scope } from '../transport';
import { cachedLookup } from './locators';

/** The 'Organization' value that runs a reading operation in every organization the key manages. */
export const ALL_ORGANIZATIONS = 'all';

export interface ManagedOrganization {
	id: string;
	name: string;
}

/**
 * The organizations the API key manages (every one for an MSP key, its own for a single-organization key),
 * by name; listed once per execution. `/api/organizations` takes no `x-org-id` (fact sheet §9).
 */
export async function managedOrganizations(this: JumpCloudContext, scope: Scope): Promise<ManagedOrganization[]> {
	const records = await cachedLookup({ ...scope, organizationId: '', cacheLookups: true }, 'organizations|all', async () =>
		await jumpCloudApiRequestAllItems.call(
			this,
			{ method: 'GET', path: '/api/organizations', qs: { fields: ['_id', 'displayName'] }, ...scope, organizationId: undefined },
			{ returnAll: true },
		),
	);
	return records
		.map((record: IDataObject) => ({ id: String(record._id ?? record.id), name: String(record.displayName ?? record._id) }))
		.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
