import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Scope } from '../../helpers/locators';
import { deletedMeanwhileError, jumpCloudApiRequest, jumpCloudRequest } from '../../transport';
import { optionsCollection, userGroupLocator } from '../common.descriptions';
import { groupNotFound } from './membership';
import { groupIdOf, groupPath } from './shared';

const properties: INodeProperties[] = [userGroupLocator(), optionsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['userGroup'], operation: ['delete'] } }, properties);

/**
 * Deletes a user group (`DELETE /api/v2/usergroups/{id}`; its memberships go with it). Read first: it proves the
 * group exists now, so a 404 to a DELETE repeated after a lost answer means the lost one deleted it.
 */
export async function execute(this: IExecuteFunctions, scope: Scope) {
	const id = await groupIdOf.call(this, scope);
	const group = await jumpCloudApiRequest.call(this, { method: 'GET', path: groupPath(id), notFoundHint: groupNotFound(id), ...scope });
	const response = await jumpCloudRequest.call(this, {
		method: 'DELETE',
		path: groupPath(id),
		expect: 'any',
		acceptStatuses: [404],
		notFoundHint: groupNotFound(id),
		...scope,
	});
	if (response.statusCode === 404 && !response.afterUnclearAttempt) throw deletedMeanwhileError(this.getNode(), groupNotFound(id), scope.itemIndex);
	return { deleted: true, id, name: group.name };
}
