import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { createGroupOnce } from '../../helpers/groups';
import type { Scope } from '../../helpers/locators';
import { optionsCollection } from '../common.descriptions';
import { groupBodyFrom, groupFields } from './shared';

const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. Engineering' },
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: groupFields('create') },
	optionsCollection({
		displayName: 'If Group Exists',
		name: 'ifGroupExists',
		type: 'options',
		default: 'error',
		description: 'What to do when a user group with this name already exists, so the workflow can run again',
		options: [
			{ name: 'Error', value: 'error', description: 'Fail the item (JumpCloud refuses duplicate names)' },
			{ name: 'Return Existing', value: 'returnExisting', description: 'Output the existing group unchanged' },
		],
	}),
];

export const description = updateDisplayOptions({ show: { resource: ['userGroup'], operation: ['create'] } }, properties);

/**
 * Creates a user group (`POST /api/v2/usergroups`, 201). The name is looked up first: a precise error (or the
 * existing group), and a group found after a send whose answer got lost is then the one this send created.
 */
export async function execute(this: IExecuteFunctions, scope: Scope) {
	const i = scope.itemIndex;
	const body: IDataObject = {
		...groupBodyFrom.call(this, { name: this.getNodeParameter('name', i, '') }, 'Name', i),
		...groupBodyFrom.call(this, this.getNodeParameter('additionalFields', i, {}) as IDataObject, 'Additional Fields', i),
	};
	return await createGroupOnce.call(this, 'user', body, this.getNodeParameter('options.ifGroupExists', i, 'error') as string, scope);
}
