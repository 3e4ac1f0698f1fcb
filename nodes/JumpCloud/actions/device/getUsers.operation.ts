import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { deviceNotFound, resolveDeviceLocator } from '../../helpers/devices';
import { usersById } from '../../helpers/locators';
import type { Scope } from '../../helpers/locators';
import { returnAllAndLimitOf } from '../../helpers/parameters';
import { SIMPLIFIED_USER_FIELDS, simplifyUser, withoutSecrets } from '../../helpers/users';
import { jumpCloudApiRequestAllItems } from '../../transport';
import { deviceLocator, optionsCollection, returnAllAndLimit, simplifyProperty } from '../common.descriptions';
import { isDirect } from '../user/getGroups.operation';

const properties: INodeProperties[] = [
	deviceLocator('device', 'Device', 'The JumpCloud device whose users to get'),
	...returnAllAndLimit(),
	simplifyProperty("Whether to return each user's ID, username, email, name and state instead of their whole user record"),
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['device'], operation: ['getUsers'] } }, properties);

export const cacheLookups = true;

/**
 * The users bound to a device, as users rather than bare IDs: the graph (`GET /api/v2/systems/{id}/users`, direct
 * bindings and those through groups) in its own order, then the users read in `_id` batches. Each user says
 * whether the binding is direct and whether it gives sudo.
 */
export async function execute(this: IExecuteFunctions, scope: Scope) {
	const i = scope.itemIndex;
	const { returnAll, limit } = returnAllAndLimitOf.call(this, i);
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const deviceId = await resolveDeviceLocator.call(this, this.getNodeParameter('device', i), scope);
	// graph_systemTraverseUser takes no sort: read in JumpCloud's order, checked for consistency.
	const bindings = await jumpCloudApiRequestAllItems.call(
		this,
		{ method: 'GET', path: `/api/v2/systems/${deviceId}/users`, notFoundHint: deviceNotFound(deviceId), ...scope },
		{ returnAll, limit, sortById: false },
	);
	const users = await usersById.call(this, bindings.map((binding) => String(binding.id)), scope, simplify ? SIMPLIFIED_USER_FIELDS : undefined);
	// A user deleted between the two reads is no longer bound.
	return bindings.flatMap((binding) => {
		const user = users.get(String(binding.id));
		if (!user) return [];
		const sudo = ((binding.compiledAttributes as IDataObject | null | undefined)?.sudo as IDataObject | undefined)?.enabled === true;
		return [{ ...(simplify ? simplifyUser(user) : withoutSecrets(user)), direct: isDirect(binding), sudo, deviceId }];
	});
}
