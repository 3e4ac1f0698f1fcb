import { NodeOperationError, jsonParse } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resolveUserGroupLocator } from '../../helpers/locators';
import type { Scope } from '../../helpers/locators';

export const groupPath = (id: string) => `/api/v2/usergroups/${id}`;

/** The group ID the item's 'User Group' locator points at. */
export async function groupIdOf(this: IExecuteFunctions, scope: Scope): Promise<string> {
	return await resolveUserGroupLocator.call(this, this.getNodeParameter('userGroup', scope.itemIndex), scope);
}

/** Group fields the node sets besides the name (v2 UserGroupPost / UserGroupPut). */
export function groupFields(operation: 'create' | 'update'): INodeProperties[] {
	const name: INodeProperties[] = operation === 'update' ? [{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Engineering' }] : [];
	return [
		{
			displayName: 'Attributes (JSON)',
			name: 'attributes',
			type: 'json',
			default: '{}',
			description:
				'The group\'s attributes object, e.g. {"sudo": {"enabled": true, "withoutPassword": false}} or {"ldapGroups": [{"name": "eng"}]}. Replaces the existing attributes.',
		},
		{ displayName: 'Description', name: 'description', type: 'string', default: '' },
		{ displayName: 'Email', name: 'email', type: 'string', default: '', placeholder: 'e.g. engineering@example.com', description: "The group's email address" },
		...name,
	];
}

/** The body fields the collection sets, checked: a name is not empty, attributes are a JSON object. */
export function groupBodyFrom(this: IExecuteFunctions, fields: IDataObject, collectionLabel: string, itemIndex: number): IDataObject {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (key === 'attributes') {
			const parsed = typeof value === 'string' ? jsonParse<unknown>(value, { errorMessage: `'${collectionLabel} > Attributes (JSON)' is not valid JSON` }) : value;
			if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
				throw new NodeOperationError(this.getNode(), `'${collectionLabel} > Attributes (JSON)' must be a JSON object`, {
					itemIndex,
					description: 'Enter an object such as {"sudo": {"enabled": true}}.',
				});
			}
			body.attributes = parsed as IDataObject;
		} else if (key === 'name') {
			body.name = String(value ?? '').trim();
			if (body.name === '') {
				throw new NodeOperationError(this.getNode(), `'${collectionLabel} > Name' is empty`, { itemIndex, description: 'Every JumpCloud user group needs a name.' });
			}
		} else {
			body[key] = typeof value === 'string' ? value.trim() : value;
		}
	}
	return body;
}
