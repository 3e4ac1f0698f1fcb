import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Scope } from '../../helpers/locators';
import { optionsCollection, userLocator } from '../common.descriptions';
import { userAction } from './shared';

const properties: INodeProperties[] = [userLocator('user', 'User', 'The JumpCloud user to suspend'), optionsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['suspend'] } }, properties);

export const cacheLookups = true;
export const prefetch = [{ parameter: 'user' }];

/** Blocks every login of the user, keeping the account (`POST /api/systemusers/{id}/state/suspend`, no body). */
export async function execute(this: IExecuteFunctions, scope: Scope) {
	return { id: await userAction.call(this, scope, 'state/suspend'), suspended: true };
}
