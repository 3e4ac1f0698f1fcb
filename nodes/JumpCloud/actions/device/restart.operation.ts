import type { IExecuteFunctions } from 'n8n-workflow';

import type { Scope } from '../../helpers/locators';
import { runSecurityCommand, securityDescription } from './security';

export const description = securityDescription('restart', 'restart');

/** Restarts the device: JumpCloud queues the command until the device is online (see runSecurityCommand). */
export async function execute(this: IExecuteFunctions, scope: Scope) {
	return await runSecurityCommand.call(this, scope, 'restart');
}
