import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { deviceNotFound, devicePath, resolveDeviceRecord } from '../../helpers/devices';
import { changeGraphEdge } from '../../helpers/graph';
import type { EdgeOp } from '../../helpers/graph';
import { resolveGroup, resolveGroupLocator } from '../../helpers/locators';
import type { Scope } from '../../helpers/locators';
import { jumpCloudRequest } from '../../transport';
import { deviceGroupLocator, deviceLocator, optionsCollection } from '../common.descriptions';
import { failIfUnchanged } from '../userGroup/membership';

export const deviceGroupPath = (id: string) => `/api/v2/systemgroups/${id}`;

/** The 404 description for a device group ID, naming the parameter to fix. */
export const deviceGroupNotFound = (id: string, parameterLabel = 'Device Group') =>
	`Check the '${parameterLabel}' parameter: no device group with ID ${id} exists in this organization.`;

/** The device group ID the item's 'Device Group' locator points at (a name is looked up exactly). */
export async function deviceGroupIdOf(this: IExecuteFunctions, scope: Scope): Promise<string> {
	return await resolveGroupLocator.call(this, 'system', this.getNodeParameter('deviceGroup', scope.itemIndex), scope, 'Device Group');
}

/** 'Options > Fail If Unchanged' of Add Device and Remove Device. */
export const failIfUnchangedDeviceOption: INodeProperties = {
	displayName: 'Fail If Unchanged',
	name: 'failIfUnchanged',
	type: 'boolean',
	default: false,
	description:
		'Whether to fail when there is nothing to do: the device is already a member (add) or not a member (remove). By default that is reported as a success with added/removed set to false.',
};

export const deviceMembershipProperties: INodeProperties[] = [deviceGroupLocator(), deviceLocator(), optionsCollection(failIfUnchangedDeviceOption)];

/**
 * Adds a device to a device group or removes it (`POST /api/v2/systemgroups/{id}/members` `{op, type: "system",
 * id}`); the same idempotency as user-group members (changeGraphEdge).
 */
export async function changeDeviceMembership(this: IExecuteFunctions, scope: Scope, op: EdgeOp): Promise<IDataObject> {
	const i = scope.itemIndex;
	const group = await resolveGroup.call(this, 'system', this.getNodeParameter('deviceGroup', i), scope, 'Device Group');
	const device = await resolveDeviceRecord.call(this, this.getNodeParameter('device', i), scope, 'Device', ['hostname']);
	const deviceId = String(device._id);
	const outcome = await changeGraphEdge.call(this, scope, {
		path: `${deviceGroupPath(group.id)}/members`,
		op,
		body: { op, type: 'system', id: deviceId },
		notFoundHint: deviceGroupNotFound(group.id),
		confirmExists: async () => {
			await jumpCloudRequest.call(this, { method: 'GET', path: deviceGroupPath(group.id), notFoundHint: deviceGroupNotFound(group.id), ...scope });
			await jumpCloudRequest.call(this, { method: 'GET', path: devicePath(deviceId), qs: { fields: ['_id'] }, notFoundHint: deviceNotFound(deviceId), ...scope });
		},
	});
	const done = op === 'add' ? 'added' : 'removed';
	const names = { groupId: group.id, groupName: group.name, deviceId, hostname: device.hostname };
	if (outcome === 'changed') return { [done]: true, ...names };
	failIfUnchanged.call(this, scope, op, 'The device');
	return { [done]: false, unchanged: true, reason: op === 'add' ? 'alreadyMember' : 'notMember', ...names };
}

/** A device group's fields besides the name (v2 SystemGroupPost). */
export const deviceGroupFields: INodeProperties[] = [
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{ displayName: 'Email', name: 'email', type: 'string', default: '', placeholder: 'e.g. it-team@example.com', description: "The group's email address" },
];

/** The name as JumpCloud takes it: not empty. */
export function deviceGroupName(this: IExecuteFunctions, raw: unknown, itemIndex: number): string {
	const name = String(raw ?? '').trim();
	if (name === '') throw new NodeOperationError(this.getNode(), "'Name' is empty", { itemIndex, description: 'Every JumpCloud device group needs a name.' });
	return name;
}
