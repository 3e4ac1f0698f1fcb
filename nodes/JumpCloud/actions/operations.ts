import * as apiRequest from './apiRequest';
import * as command from './command';
import * as device from './device';
import * as deviceGroup from './deviceGroup';
import * as event from './event';
import * as organization from './organization';
import type { OperationModule, ResourceOperations } from './types';
import * as user from './user';
import * as userGroup from './userGroup';

/** Every operation of the node, by resource and operation value. */
const operationsByResource: Record<string, ResourceOperations> = {
	apiRequest: apiRequest.operations,
	command: command.operations,
	device: device.operations,
	deviceGroup: deviceGroup.operations,
	event: event.operations,
	organization: organization.operations,
	user: user.operations,
	userGroup: userGroup.operations,
};

/** The operation a node's Resource and Operation select (API Request's one operation is also its default). */
export function operationFor(resource: string, operation: string | undefined): OperationModule | undefined {
	return operationsByResource[resource]?.[operation ?? (resource === 'apiRequest' ? 'request' : '')];
}
