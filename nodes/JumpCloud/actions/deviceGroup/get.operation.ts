import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorOf } from '../../helpers/locators';
import type { Scope } from '../../helpers/locators';
import { jumpCloudApiRequest } from '../../transport';
import { deviceGroupLocator, ifNotFoundOption, optionsCollection } from '../common.descriptions';
import { deviceGroupIdOf, deviceGroupNotFound, deviceGroupPath } from './shared';

const properties: INodeProperties[] = [deviceGroupLocator(), optionsCollection(ifNotFoundOption('device group'))];

export const description = updateDisplayOptions({ show: { resource: ['deviceGroup'], operation: ['get'] } }, properties);

export const cacheLookups = true;
export const fanOut = 'lookup';

export function notFoundResult(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const { mode, value } = locatorOf(this.getNodeParameter('deviceGroup', itemIndex));
	return { deviceGroup: value, by: mode };
}

/** One device group's record (`GET /api/v2/systemgroups/{id}`). */
export async function execute(this: IExecuteFunctions, scope: Scope) {
	const id = await deviceGroupIdOf.call(this, scope);
	return await jumpCloudApiRequest.call(this, { method: 'GET', path: deviceGroupPath(id), notFoundHint: deviceGroupNotFound(id), ...scope });
}
