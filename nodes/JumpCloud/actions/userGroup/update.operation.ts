import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Scope } from '../../helpers/locators';
import { jumpCloudApiRequest } from '../../transport';
import { optionsCollection, userGroupLocator } from '../common.descriptions';
import { groupNotFound } from './membership';
import { groupBodyFrom, groupFields, groupIdOf, groupPath } from './shared';

const properties: INodeProperties[] = [
	userGroupLocator(),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields you add are changed; the others keep their values',
		options: groupFields('update'),
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['userGroup'], operation: ['update'] } }, properties);

/** The fields a v2 group PUT takes (UserGroupPut); a PUT replaces the whole group, so all are sent. */
const WRITABLE_FIELDS = ['attributes', 'description', 'email', 'memberQuery', 'memberQueryExemptions', 'memberSuggestionsNotify', 'membershipMethod', 'name'];

/**
 * Changes a user group. JumpCloud's v2 PUT is a full replace that needs the name (fact sheet pitfall 6), so the
 * group is read, the changed fields merged in, and every writable field sent back.
 */
export async function execute(this: IExecuteFunctions, scope: Scope) {
	const i = scope.itemIndex;
	const changes = groupBodyFrom.call(this, this.getNodeParameter('updateFields', i, {}) as IDataObject, 'Update Fields', i);
	if (Object.keys(changes).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', { itemIndex: i, description: "Add at least one field under 'Update Fields'." });
	}
	const id = await groupIdOf.call(this, scope);
	const current = await jumpCloudApiRequest.call(this, { method: 'GET', path: groupPath(id), notFoundHint: groupNotFound(id), ...scope });
	const body: IDataObject = {};
	for (const field of WRITABLE_FIELDS) {
		// null is JumpCloud's "none" in a record; leaving the field out says the same in a request.
		if (current[field] !== undefined && current[field] !== null) body[field] = current[field];
	}
	Object.assign(body, changes);
	return await jumpCloudApiRequest.call(this, { method: 'PUT', path: groupPath(id), body, notFoundHint: groupNotFound(id), ...scope });
}
