import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import type { Scope } from '../../helpers/locators';
import { changeMembership, membershipProperties } from './membership';

export const description = updateDisplayOptions({ show: { resource: ['userGroup'], operation: ['removeUser'] } }, membershipProperties);

/** Membership and manager changes change no user: lookups come from the execution's cache, in batches. */
export const cacheLookups = true;
export const prefetch = [{ parameter: 'user' }];

export async function execute(this: IExecuteFunctions, scope: Scope) {
	return await changeMembership.call(this, scope, 'remove');
}
