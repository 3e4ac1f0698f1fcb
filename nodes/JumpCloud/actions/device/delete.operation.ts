import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { deviceNotFound, devicePath, resolveDeviceRecord } from '../../helpers/devices';
import type { Scope } from '../../helpers/locators';
import { deletedMeanwhileError, jumpCloudRequest } from '../../transport';
import { deviceLocator, optionsCollection } from '../common.descriptions';

const properties: INodeProperties[] = [deviceLocator(), optionsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['device'], operation: ['delete'] } }, properties);

/**
 * Deletes a device (`DELETE /api/systems/{id}`; a connected agent uninstalls itself). Read first: it proves the
 * device exists now, so a 404 to a DELETE repeated after a lost answer means the lost one deleted it.
 */
export async function execute(this: IExecuteFunctions, scope: Scope) {
	const device = await resolveDeviceRecord.call(this, this.getNodeParameter('device', scope.itemIndex), scope, 'Device', ['displayName']);
	const id = String(device._id);
	const response = await jumpCloudRequest.call(this, { method: 'DELETE', path: devicePath(id), acceptStatuses: [404], notFoundHint: deviceNotFound(id), ...scope });
	if (response.statusCode === 404 && !response.afterUnclearAttempt) throw deletedMeanwhileError(this.getNode(), deviceNotFound(id), scope.itemIndex);
	return { deleted: true, id, hostname: device.hostname, displayName: device.displayName };
}
