import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { ALL_ORGANIZATIONS, managedOrganizations } from '../helpers/organizations';

/**
 * The JumpCloud Trigger's 'Organizations' list: All Organizations first, then every organization the key manages
 * (`GET /api/organizations`, no `x-org-id`), by name.
 */
export async function getOrganizations(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const organizations = await managedOrganizations.call(this, { itemIndex: 0 });
	return [
		{ name: 'All Organizations', value: ALL_ORGANIZATIONS, description: 'Every organization this key manages, also those added later' },
		...organizations.map((organization) => ({ name: organization.name, value: organization.id, description: organization.id })),
	];
}
