import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Scope } from '../../helpers/locators';
import { deviceLocator, optionsCollection, userLocator } from '../common.descriptions';
import { changeBinding, failIfUnchangedBindingOption } from './shared';

const properties: INodeProperties[] = [
	deviceLocator(),
	userLocator('user', 'User', 'The JumpCloud user who gets an account on the device'),
	optionsCollection(
		failIfUnchangedBindingOption,
		{ displayName: 'Sudo', name: 'sudo', type: 'boolean', default: false, description: 'Whether the user gets administrator (sudo) rights on the device' },
		{
			displayName: 'Sudo Without Password',
			name: 'sudoWithoutPassword',
			type: 'boolean',
			default: false,
			description: 'Whether sudo asks for no password',
			displayOptions: { show: { sudo: [true] } },
		},
	),
];

export const description = updateDisplayOptions({ show: { resource: ['device'], operation: ['bindUser'] } }, properties);

export const cacheLookups = true;
export const prefetch = [{ parameter: 'user' }];

/** Gives the user an account on the device (`POST /api/v2/systems/{id}/associations` `{op: "add", type: "user"}`). */
export async function execute(this: IExecuteFunctions, scope: Scope) {
	return await changeBinding.call(this, scope, 'add');
}
