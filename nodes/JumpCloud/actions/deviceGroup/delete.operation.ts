import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Scope } from '../../helpers/locators';
import { deletedMeanwhileError, jumpCloudApiRequest, jumpCloudRequest } from '../../transport';
import { deviceGroupLocator, optionsCollection } from '../common.descriptions';
import { deviceGroupIdOf, deviceGroupNotFound, deviceGroupPath } from './shared';

const properties: INodeProperties[] = [deviceGroupLocator(), optionsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['deviceGroup'], operation: ['delete'] } }, properties);

/** Deletes a device group (`DELETE /api/v2/systemgroups/{id}`; the devices stay). Read first, as for user groups. */
export async function execute(this: IExecuteFunctions, scope: Scope) {
	const id = await deviceGroupIdOf.call(this, scope);
	const group = await jumpCloudApiRequest.call(this, { method: 'GET', path: deviceGroupPath(id), notFoundHint: deviceGroupNotFound(id), ...scope });
	const response = await jumpCloudRequest.call(this, { method: 'DELETE', path: deviceGroupPath(id), expect: 'any', acceptStatuses: [404], notFoundHint: deviceGroupNotFound(id), ...scope });
	if (response.statusCode === 404 && !response.afterUnclearAttempt) throw deletedMeanwhileError(this.getNode(), deviceGroupNotFound(id), scope.itemIndex);
	return { deleted: true, id, name: group.name };
}
