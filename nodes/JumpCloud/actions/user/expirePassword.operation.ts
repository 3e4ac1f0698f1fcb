import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Scope } from '../../helpers/locators';
import { optionsCollection, userLocator } from '../common.descriptions';
import { userAction } from './shared';

const properties: INodeProperties[] = [userLocator('user', 'User', 'The JumpCloud user who must choose a new password'), optionsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['expirePassword'] } }, properties);

export const cacheLookups = true;
export const prefetch = [{ parameter: 'user' }];

/** Makes the password expire now, so the user sets a new one at the next login (`POST /api/systemusers/{id}/expire`). */
export async function execute(this: IExecuteFunctions, scope: Scope) {
	return { id: await userAction.call(this, scope, 'expire'), passwordExpired: true };
}
