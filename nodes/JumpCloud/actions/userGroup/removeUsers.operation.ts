import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import type { Scope } from '../../helpers/locators';
import { changeMemberships, membershipsProperties } from './membership';

export const description = updateDisplayOptions({ show: { resource: ['userGroup'], operation: ['removeUsers'] } }, membershipsProperties);

/** Membership changes change no user: lookups come from the execution's cache, in batches. */
export const cacheLookups = true;

export async function execute(this: IExecuteFunctions, scope: Scope) {
	return await changeMemberships.call(this, scope, 'remove');
}
