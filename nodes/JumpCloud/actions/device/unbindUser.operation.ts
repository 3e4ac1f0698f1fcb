import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Scope } from '../../helpers/locators';
import { deviceLocator, optionsCollection, userLocator } from '../common.descriptions';
import { changeBinding, failIfUnchangedBindingOption } from './shared';

const properties: INodeProperties[] = [deviceLocator(), userLocator('user', 'User', 'The JumpCloud user to take off the device'), optionsCollection(failIfUnchangedBindingOption)];

export const description = updateDisplayOptions({ show: { resource: ['device'], operation: ['unbindUser'] } }, properties);

export const cacheLookups = true;
export const prefetch = [{ parameter: 'user' }];

/** Takes the user's binding off the device (`POST /api/v2/systems/{id}/associations` `{op: "remove", type: "user"}`). */
export async function execute(this: IExecuteFunctions, scope: Scope) {
	return await changeBinding.call(this, scope, 'remove');
}
