import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { SIMPLIFIED_DEVICE_FIELDS, devicesById, simplifyDevice } from '../../helpers/devices';
import { locatorOf } from '../../helpers/locators';
import type { Scope } from '../../helpers/locators';
import { returnAllAndLimitOf } from '../../helpers/parameters';
import { jumpCloudApiRequestAllItems } from '../../transport';
import { deviceGroupLocator, optionsCollection, returnAllAndLimit, simplifyProperty } from '../common.descriptions';
import { deviceGroupIdOf, deviceGroupNotFound, deviceGroupPath } from './shared';

const properties: INodeProperties[] = [
	deviceGroupLocator(),
	...returnAllAndLimit(),
	simplifyProperty("Whether to return each device's key fields (hostname, names, OS, state, last contact) instead of its whole system record"),
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['deviceGroup'], operation: ['getMembers'] } }, properties);

export const cacheLookups = true;
export const fanOut = 'lookup';

export function notFoundResult(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const { mode, value } = locatorOf(this.getNodeParameter('deviceGroup', itemIndex));
	return { deviceGroup: value, by: mode };
}

/**
 * The group's devices, not bare IDs: the member list (`GET /api/v2/systemgroups/{id}/members`, limit and skip
 * only) in its own order, then the devices read in `_id` batches (`GET /api/systems?filter=_id:$in:…`).
 */
export async function execute(this: IExecuteFunctions, scope: Scope) {
	const i = scope.itemIndex;
	const { returnAll, limit } = returnAllAndLimitOf.call(this, i);
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const groupId = await deviceGroupIdOf.call(this, scope);
	const edges = await jumpCloudApiRequestAllItems.call(
		this,
		{ method: 'GET', path: `${deviceGroupPath(groupId)}/members`, notFoundHint: deviceGroupNotFound(groupId), ...scope },
		{ returnAll, limit, sortById: false },
	);
	const deviceIds = edges.map((edge) => String((edge.to as IDataObject | undefined)?.id ?? ''));
	const devices = await devicesById.call(this, deviceIds, scope, simplify ? SIMPLIFIED_DEVICE_FIELDS : undefined);
	// A device deleted between the two reads is no longer a member.
	return deviceIds.flatMap((id) => {
		const device = devices.get(id);
		return device ? [{ ...(simplify ? simplifyDevice(device) : device), groupId }] : [];
	});
}
