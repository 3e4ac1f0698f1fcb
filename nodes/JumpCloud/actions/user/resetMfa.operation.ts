import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Scope } from '../../helpers/locators';
import { wholeNumberParameter } from '../../helpers/parameters';
import { optionsCollection, userLocator } from '../common.descriptions';
import { userAction } from './shared';

const properties: INodeProperties[] = [
	userLocator('user', 'User', 'The JumpCloud user whose MFA to reset'),
	optionsCollection({
		displayName: 'Exclusion Days',
		name: 'exclusionDays',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0 },
		description: 'Days the user may log in without MFA while enrolling again; 0 means no grace period',
	}),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['resetMfa'] } }, properties);

export const cacheLookups = true;
export const prefetch = [{ parameter: 'user' }];

/** Resets the user's TOTP so they enroll a new device (`POST /api/systemusers/{id}/resetmfa`). */
export async function execute(this: IExecuteFunctions, scope: Scope) {
	const exclusionDays = wholeNumberParameter.call(this, 'options.exclusionDays', 'Options > Exclusion Days', scope.itemIndex, 0, 0);
	const body: IDataObject = exclusionDays > 0 ? { exclusion: true, exclusionDays } : {};
	const id = await userAction.call(this, scope, 'resetmfa', body);
	return { id, mfaReset: true, ...(exclusionDays > 0 ? { exclusionDays } : {}) };
}
