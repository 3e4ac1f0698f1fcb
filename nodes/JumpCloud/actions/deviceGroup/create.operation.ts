import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { groupsNamed } from '../../helpers/locators';
import type { Scope } from '../../helpers/locators';
import { jumpCloudApiRequest, jumpCloudRequest } from '../../transport';
import { optionsCollection } from '../common.descriptions';
import { groupBodyFrom } from '../userGroup/shared';
import { deviceGroupFields, deviceGroupName, deviceGroupPath } from './shared';

const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. Engineering Laptops' },
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: deviceGroupFields },
	optionsCollection({
		displayName: 'If Group Exists',
		name: 'ifGroupExists',
		type: 'options',
		default: 'error',
		description: 'What to do when a device group with this name already exists, so the workflow can run again',
		options: [
			{ name: 'Error', value: 'error', description: 'Fail the item (JumpCloud refuses duplicate names)' },
			{ name: 'Return Existing', value: 'returnExisting', description: 'Output the existing group unchanged' },
		],
	}),
];

export const description = updateDisplayOptions({ show: { resource: ['deviceGroup'], operation: ['create'] } }, properties);

/**
 * Creates a device group (`POST /api/v2/systemgroups`, 201). The name is looked up first: a precise error (or the
 * existing group), and a group found after a send whose answer got lost is then the one this send created.
 */
export async function execute(this: IExecuteFunctions, scope: Scope) {
	const i = scope.itemIndex;
	const name = deviceGroupName.call(this, this.getNodeParameter('name', i, ''), i);
	const body: IDataObject = { name, ...groupBodyFrom.call(this, this.getNodeParameter('additionalFields', i, {}) as IDataObject, 'Additional Fields', i) };
	const ifGroupExists = this.getNodeParameter('options.ifGroupExists', i, 'error') as string;
	const existing = async () => {
		const [group] = await groupsNamed.call(this, 'system', name, { ...scope, cacheLookups: false });
		return group && (await jumpCloudApiRequest.call(this, { method: 'GET', path: deviceGroupPath(String(group.id)), ...scope }));
	};
	const exists = (group: IDataObject) => {
		if (ifGroupExists === 'returnExisting') return group;
		throw new NodeOperationError(this.getNode(), `A JumpCloud device group named "${name}" already exists (ID ${String(group.id)})`, {
			itemIndex: i,
			description: "Use another 'Name', or set 'Options > If Group Exists' to 'Return Existing' so the workflow can run again.",
		});
	};
	const before = await existing();
	if (before) return exists(before);
	const { statusCode, body: created } = await jumpCloudRequest.call(this, {
		method: 'POST',
		path: '/api/v2/systemgroups',
		body,
		acceptStatuses: [409],
		verify: async () => {
			const group = await existing();
			return group ? { applied: true, body: group } : { applied: false };
		},
		...scope,
	});
	if (statusCode === 409) {
		const group = await existing();
		if (group) return exists(group);
		throw new NodeOperationError(this.getNode(), `A JumpCloud device group named "${name}" already exists (the name differs only in case)`, {
			itemIndex: i,
			description: "JumpCloud compares group names without case. Use another 'Name'.",
		});
	}
	return created as IDataObject;
}
