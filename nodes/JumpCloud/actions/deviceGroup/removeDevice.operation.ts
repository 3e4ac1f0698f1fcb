import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import type { Scope } from '../../helpers/locators';
import { changeDeviceMembership, deviceMembershipProperties } from './shared';

export const description = updateDisplayOptions({ show: { resource: ['deviceGroup'], operation: ['removeDevice'] } }, deviceMembershipProperties);

export const cacheLookups = true;

export async function execute(this: IExecuteFunctions, scope: Scope) {
	return await changeDeviceMembership.call(this, scope, 'remove');
}
