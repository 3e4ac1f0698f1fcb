import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Scope } from '../../helpers/locators';
import { optionsCollection, userLocator } from '../common.descriptions';
import { userAction } from './shared';

const properties: INodeProperties[] = [userLocator('user', 'User', 'The JumpCloud user to unlock'), optionsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['unlock'] } }, properties);

export const cacheLookups = true;
export const prefetch = [{ parameter: 'user' }];

/** Clears a lockout after too many failed logins (`POST /api/systemusers/{id}/unlock`). */
export async function execute(this: IExecuteFunctions, scope: Scope) {
	return { id: await userAction.call(this, scope, 'unlock'), unlocked: true };
}
