import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resolveCommand, resolveDeviceLocator } from '../../helpers/devices';
import { resolveGroupLocator } from '../../helpers/locators';
import type { Scope } from '../../helpers/locators';
import { isObjectId, jumpCloudApiRequest, jumpCloudApiRequestAllItems } from '../../transport';
import { commandLocator, optionsCollection } from '../common.descriptions';
import { deviceGroupNotFound, deviceGroupPath } from '../deviceGroup/shared';

const properties: INodeProperties[] = [
	commandLocator('The saved JumpCloud command to run'),
	{
		displayName: 'Run On',
		name: 'runOn',
		type: 'options',
		default: 'bound',
		options: [
			{ name: 'Devices Bound to the Command', value: 'bound', description: 'The devices the command is bound to in JumpCloud' },
			{ name: 'Chosen Devices and Groups', value: 'chosen', description: 'The devices and the members of the device groups named below' },
		],
	},
	{
		displayName: 'Devices',
		name: 'devices',
		type: 'string',
		default: '',
		placeholder: 'e.g. acme-ubuntu-build01, 5f0c1a2b3c4d5e6f7a8b9c0d',
		description: 'Device IDs or hostnames, separated by commas or new lines (or an expression giving a list)',
		typeOptions: { rows: 2 },
		displayOptions: { show: { runOn: ['chosen'] } },
	},
	{
		displayName: 'Device Groups',
		name: 'deviceGroups',
		type: 'string',
		default: '',
		placeholder: 'e.g. Servers, 5f0c1a2b3c4d5e6f7a8b9c0d',
		description: 'Device group IDs or names, separated by commas or new lines (or an expression giving a list); the command runs on every member',
		typeOptions: { rows: 2 },
		displayOptions: { show: { runOn: ['chosen'] } },
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['command'], operation: ['run'] } }, properties);

export const cacheLookups = true;

/** A list parameter: a list from an expression, or text split on commas and lines; duplicates dropped. */
function listOf(this: IExecuteFunctions, name: string, itemIndex: number): string[] {
	const raw = this.getNodeParameter(name, itemIndex, '') as unknown;
	const entries = Array.isArray(raw) ? raw.map((entry) => String(entry ?? '')) : String(raw ?? '').split(/[\n,]/);
	return [...new Set(entries.map((entry) => entry.trim()).filter((entry) => entry !== ''))];
}

/**
 * Runs a saved command now (`POST /api/runCommand` `{_id, systemIds}`): on the devices bound to it, or on the
 * devices and group members chosen (groups expanded with `GET /api/v2/systemgroups/{id}/members`; hostnames and
 * group names looked up first, nothing run when one is unknown). Returns JumpCloud's queue IDs (one per device)
 * and the run's workflowInstanceId, which Get Results takes. Never sent twice: a run whose answer is lost is
 * reported as possibly started.
 */
export async function execute(this: IExecuteFunctions, scope: Scope) {
	const i = scope.itemIndex;
	const runOn = this.getNodeParameter('runOn', i, 'bound') as string;
	let systemIds: string[] | undefined;
	if (runOn === 'chosen') {
		const devices = listOf.call(this, 'devices', i);
		const groups = listOf.call(this, 'deviceGroups', i);
		if (devices.length === 0 && groups.length === 0) {
			throw new NodeOperationError(this.getNode(), "'Devices' and 'Device Groups' are both empty", {
				itemIndex: i,
				description: "Name at least one device or device group, or set 'Run On' to 'Devices Bound to the Command'.",
			});
		}
		const deviceIds = await Promise.all(
			devices.map(async (device) => await resolveDeviceLocator.call(this, { mode: isObjectId(device) ? 'id' : 'hostname', value: device }, scope, 'Devices')),
		);
		const groupIds = await Promise.all(
			groups.map(async (group) => await resolveGroupLocator.call(this, 'system', { mode: isObjectId(group) ? 'id' : 'name', value: group }, scope, 'Device Groups')),
		);
		const members = await Promise.all(
			groupIds.map(async (groupId) =>
				(
					await jumpCloudApiRequestAllItems.call(
						this,
						{ method: 'GET', path: `${deviceGroupPath(groupId)}/members`, notFoundHint: deviceGroupNotFound(groupId, 'Device Groups'), ...scope },
						{ returnAll: true, sortById: false },
					)
				).map((edge) => String((edge.to as IDataObject | undefined)?.id ?? '')),
			),
		);
		systemIds = [...new Set([...deviceIds, ...members.flat()])].filter((id) => id !== '');
		if (systemIds.length === 0) {
			throw new NodeOperationError(this.getNode(), 'The chosen device groups have no members, and no device was named', {
				itemIndex: i,
				description: 'Nothing was run. Add devices to the groups, or name devices.',
			});
		}
	}
	const command = await resolveCommand.call(this, this.getNodeParameter('command', i), scope);
	const answer = await jumpCloudApiRequest.call(this, {
		method: 'POST',
		path: '/api/runCommand',
		body: { _id: command.id, ...(systemIds ? { systemIds } : {}) },
		notFoundHint: `Check the 'Command' parameter: no command with ID ${command.id} exists in this organization.`,
		...scope,
	});
	return {
		commandId: command.id,
		commandName: command.name,
		workflowInstanceId: answer.workflowInstanceId,
		queueIds: answer.queueIds,
		...(systemIds ? { deviceIds: systemIds } : { runOn: 'boundDevices' }),
	};
}
