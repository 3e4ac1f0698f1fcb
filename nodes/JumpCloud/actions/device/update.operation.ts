import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { deviceNotFound, devicePath, resolveDeviceLocator } from '../../helpers/devices';
import type { Scope } from '../../helpers/locators';
import { jumpCloudApiRequest } from '../../transport';
import { deviceLocator, optionsCollection } from '../common.descriptions';

/** The writable fields of `PUT /api/systems/{id}` (v1 systemput, plus the description) the node offers. */
const updateFields: INodeProperties[] = [
	{ displayName: 'Allow MFA', name: 'allowMultiFactorAuthentication', type: 'boolean', default: false, description: 'Whether logins to the device (Linux and macOS) ask for multi-factor authentication' },
	{ displayName: 'Allow Public Key Authentication', name: 'allowPublicKeyAuthentication', type: 'boolean', default: true, description: 'Whether SSH logins may use public keys' },
	{ displayName: 'Allow SSH Password Authentication', name: 'allowSshPasswordAuthentication', type: 'boolean', default: false, description: 'Whether SSH logins may use passwords' },
	{ displayName: 'Allow SSH Root Login', name: 'allowSshRootLogin', type: 'boolean', default: false, description: 'Whether root may log in over SSH' },
	{
		displayName: 'Custom Attributes',
		name: 'attributes',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		description: "The device's custom attributes; they replace the existing ones",
		options: [
			{
				displayName: 'Attribute',
				name: 'attribute',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. assetTag' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'e.g. A-1042' },
				],
			},
		],
	},
	{ displayName: 'Description', name: 'description', type: 'string', default: '', placeholder: 'e.g. Loaner laptop, IT shelf 3' },
	{ displayName: 'Display Name', name: 'displayName', type: 'string', default: '', placeholder: 'e.g. Jane Doe MacBook Pro', description: 'The name the console shows (JumpCloud sets it to the hostname at install)' },
];

const properties: INodeProperties[] = [
	deviceLocator(),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields you add are changed',
		options: updateFields,
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['device'], operation: ['update'] } }, properties);

/** Display names of the fields, for errors that name the parameter. */
const LABELS: Record<string, string> = Object.fromEntries(updateFields.map((field) => [field.name, `Update Fields > ${field.displayName}`]));

/** The PUT body: only the fields set, checked before anything is sent. */
function bodyOf(this: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject {
	const refuse = (message: string, description: string) => new NodeOperationError(this.getNode(), message, { itemIndex, description });
	if (Object.keys(fields).length === 0) throw refuse('Nothing to update', "Add at least one field under 'Update Fields'.");
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (key === 'attributes') {
			const entries = ((value as IDataObject | undefined)?.attribute ?? []) as IDataObject[];
			body.attributes = entries.map((entry) => {
				const name = String(entry.name ?? '').trim();
				if (name === '') throw refuse(`'${LABELS.attributes} > Name' is empty`, 'Every custom attribute needs a name.');
				const text = String(entry.value ?? '');
				if (text.length > 1024) throw refuse(`'${LABELS.attributes} > Value' of "${name}" is longer than JumpCloud allows (${text.length} characters, at most 1024)`, 'Shorten the value.');
				return { name, value: text };
			});
		} else if (typeof value === 'string') {
			const text = key === 'displayName' ? value.trim() : value;
			if (key === 'displayName' && text === '') throw refuse(`'${LABELS.displayName}' is empty`, 'Every device needs a display name; leave the field out to keep the current one.');
			if (text.length > 1024) throw refuse(`'${LABELS[key] ?? key}' is longer than JumpCloud allows (${text.length} characters, at most 1024)`, `Shorten the value of '${LABELS[key] ?? key}'.`);
			body[key] = text;
		} else {
			body[key] = value;
		}
	}
	return body;
}

/** Changes the fields given (`PUT /api/systems/{id}`, a partial update); returns the updated device. */
export async function execute(this: IExecuteFunctions, scope: Scope) {
	const body = bodyOf.call(this, this.getNodeParameter('updateFields', scope.itemIndex, {}) as IDataObject, scope.itemIndex);
	const id = await resolveDeviceLocator.call(this, this.getNodeParameter('device', scope.itemIndex), scope);
	return await jumpCloudApiRequest.call(this, { method: 'PUT', path: devicePath(id), body, notFoundHint: deviceNotFound(id), ...scope });
}
