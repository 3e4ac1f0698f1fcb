import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { deviceNotFound, resolveDeviceLocator } from '../../helpers/devices';
import { groupsById } from '../../helpers/groups';
import type { Scope } from '../../helpers/locators';
import { returnAllAndLimitOf } from '../../helpers/parameters';
import { jumpCloudApiRequestAllItems } from '../../transport';
import { deviceLocator, optionsCollection, returnAllAndLimit, simplifyProperty } from '../common.descriptions';
import { isDirect } from '../user/getGroups.operation';

const properties: INodeProperties[] = [
	deviceLocator('device', 'Device', 'The JumpCloud device whose groups to get'),
	...returnAllAndLimit(),
	simplifyProperty("Whether to return each group's ID, name, description and whether the membership is direct, instead of JumpCloud's graph record (with the name added)"),
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['device'], operation: ['getGroups'] } }, properties);

export const cacheLookups = true;

/** The device groups a device is in (`GET /api/v2/systems/{id}/memberof`), with their names. */
export async function execute(this: IExecuteFunctions, scope: Scope) {
	const i = scope.itemIndex;
	const { returnAll, limit } = returnAllAndLimitOf.call(this, i);
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const deviceId = await resolveDeviceLocator.call(this, this.getNodeParameter('device', i), scope);
	const memberships = (
		await jumpCloudApiRequestAllItems.call(this, { method: 'GET', path: `/api/v2/systems/${deviceId}/memberof`, notFoundHint: deviceNotFound(deviceId), ...scope }, { returnAll, limit })
	).filter((membership) => membership.type === undefined || membership.type === 'system_group');
	const groups = await groupsById.call(this, 'system', memberships.map((membership) => String(membership.id)), scope);
	return memberships.map((membership) => {
		const group = groups.get(String(membership.id));
		if (!simplify) return { ...membership, name: group?.name };
		const simplified: IDataObject = { id: membership.id, name: group?.name, direct: isDirect(membership), deviceId };
		if (group?.description) simplified.description = group.description;
		return simplified;
	});
}
