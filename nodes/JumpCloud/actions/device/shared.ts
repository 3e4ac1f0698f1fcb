import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { deviceNotFound, devicePath, resolveDeviceRecord } from '../../helpers/devices';
import { changeGraphEdge } from '../../helpers/graph';
import type { EdgeOp } from '../../helpers/graph';
import { resolveUserLocator } from '../../helpers/locators';
import type { Scope } from '../../helpers/locators';
import { jumpCloudRequest } from '../../transport';
import type { JumpCloudContext } from '../../transport';

/** The device the item's 'Device' locator points at: its ID and hostname (read, which proves it exists). */
export async function deviceOf(this: IExecuteFunctions, scope: Scope, fields: string[] = []): Promise<IDataObject> {
	return await resolveDeviceRecord.call(this, this.getNodeParameter('device', scope.itemIndex), scope, 'Device', ['displayName', ...fields]);
}

/** 'Options > Fail If Unchanged' of Bind User and Unbind User. */
export const failIfUnchangedBindingOption: INodeProperties = {
	displayName: 'Fail If Unchanged',
	name: 'failIfUnchanged',
	type: 'boolean',
	default: false,
	description:
		'Whether to fail when there is nothing to do: the user is already bound to the device (bind) or not bound (unbind). By default that is reported as a success with bound/unbound set to false.',
};

/**
 * Binds a user to a device or unbinds them (`POST /api/v2/systems/{id}/associations` `{op, type: "user", id}`,
 * with the sudo attributes on a bind): a 409 to a bind or a 404 to an unbind means it already was so.
 */
export async function setBinding(this: JumpCloudContext, scope: Scope, deviceId: string, userId: string, op: EdgeOp, attributes?: IDataObject) {
	return await changeGraphEdge.call(this, scope, {
		path: `/api/v2/systems/${deviceId}/associations`,
		op,
		body: { op, type: 'user', id: userId, ...(attributes ? { attributes } : {}) },
		notFoundHint: deviceNotFound(deviceId),
		confirmExists: async () => {
			await jumpCloudRequest.call(this, { method: 'GET', path: devicePath(deviceId), qs: { fields: ['_id'] }, notFoundHint: deviceNotFound(deviceId), ...scope });
			await jumpCloudRequest.call(this, {
				method: 'GET',
				path: `/api/systemusers/${userId}`,
				qs: { fields: '_id' },
				notFoundHint: `Check the 'User' parameter: no user with ID ${userId} exists in this organization.`,
				...scope,
			});
		},
	});
}

/** Bind User / Unbind User for one item: the no-op reported (or failed, with 'Fail If Unchanged'). */
export async function changeBinding(this: IExecuteFunctions, scope: Scope, op: EdgeOp): Promise<IDataObject> {
	const i = scope.itemIndex;
	const device = await deviceOf.call(this, scope);
	const userId = await resolveUserLocator.call(this, this.getNodeParameter('user', i), scope, 'User');
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const attributes = op === 'add' && options.sudo === true ? { sudo: { enabled: true, withoutPassword: options.sudoWithoutPassword === true } } : undefined;
	const done = op === 'add' ? 'bound' : 'unbound';
	const names: IDataObject = { deviceId: device._id, hostname: device.hostname, userId };
	if (attributes) names.sudo = attributes.sudo;
	if ((await setBinding.call(this, scope, String(device._id), userId, op, attributes)) === 'changed') return { [done]: true, ...names };
	if (options.failIfUnchanged === true) {
		throw new NodeOperationError(this.getNode(), op === 'add' ? 'The user is already bound to the device' : 'The user is not bound to the device', {
			itemIndex: i,
			description: "Turn off 'Fail If Unchanged' to treat this as success.",
		});
	}
	return { [done]: false, unchanged: true, reason: op === 'add' ? 'alreadyBound' : 'notBound', ...names };
}
