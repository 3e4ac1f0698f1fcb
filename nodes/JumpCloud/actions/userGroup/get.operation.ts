import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorOf } from '../../helpers/locators';
import type { Scope } from '../../helpers/locators';
import { jumpCloudApiRequest } from '../../transport';
import { ifNotFoundOption, optionsCollection, userGroupLocator } from '../common.descriptions';
import { groupNotFound } from './membership';
import { groupIdOf, groupPath } from './shared';

const properties: INodeProperties[] = [userGroupLocator(), optionsCollection(ifNotFoundOption('user group'))];

export const description = updateDisplayOptions({ show: { resource: ['userGroup'], operation: ['get'] } }, properties);

export const cacheLookups = true;
/** With All Organizations: the group from whichever organizations have it (by name, typically). */
export const fanOut = 'lookup';

export function notFoundResult(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const { mode, value } = locatorOf(this.getNodeParameter('userGroup', itemIndex));
	return { userGroup: value, by: mode };
}

/** One user group's record (`GET /api/v2/usergroups/{id}`). */
export async function execute(this: IExecuteFunctions, scope: Scope) {
	const id = await groupIdOf.call(this, scope);
	return await jumpCloudApiRequest.call(this, { method: 'GET', path: groupPath(id), notFoundHint: groupNotFound(id), ...scope });
}
