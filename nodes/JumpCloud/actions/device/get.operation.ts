import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { SIMPLIFIED_DEVICE_FIELDS, resolveDeviceRecord, simplifyDevice } from '../../helpers/devices';
import { locatorOf } from '../../helpers/locators';
import type { Scope } from '../../helpers/locators';
import { deviceLocator, ifNotFoundOption, optionsCollection, simplifyProperty } from '../common.descriptions';

const properties: INodeProperties[] = [
	deviceLocator(),
	simplifyProperty("Whether to return the device's key fields (hostname, names, OS, state, last contact, serial number, MDM enrollment) instead of JumpCloud's whole system record"),
	optionsCollection(ifNotFoundOption('device')),
];

export const description = updateDisplayOptions({ show: { resource: ['device'], operation: ['get'] } }, properties);

export const cacheLookups = true;
/** With All Organizations: the device from whichever organizations have it (by hostname, typically). */
export const fanOut = 'lookup';

export function notFoundResult(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const { mode, value } = locatorOf(this.getNodeParameter('device', itemIndex));
	return { device: value, by: mode };
}

/** One device (`GET /api/systems/{id}`, or the hostname lookup, which returns the record). */
export async function execute(this: IExecuteFunctions, scope: Scope) {
	const simplify = this.getNodeParameter('simplify', scope.itemIndex, true) as boolean;
	const device = await resolveDeviceRecord.call(this, this.getNodeParameter('device', scope.itemIndex), scope, 'Device', simplify ? SIMPLIFIED_DEVICE_FIELDS : undefined);
	return simplify ? simplifyDevice(device) : device;
}
