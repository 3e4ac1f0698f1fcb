import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resolveCommand } from '../../helpers/devices';
import type { Scope } from '../../helpers/locators';
import { returnAllAndLimitOf } from '../../helpers/parameters';
import { jumpCloudApiRequestAllItems } from '../../transport';
import { commandLocator, optionsCollection, returnAllAndLimit, simplifyProperty } from '../common.descriptions';

const properties: INodeProperties[] = [
	commandLocator('The saved JumpCloud command whose results to get'),
	{
		displayName: 'Run ID',
		name: 'workflowInstanceId',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.workflowInstanceId }}',
		description: "Only the results of one run: the workflowInstanceId that Run returned. Leave empty for every run's results.",
	},
	...returnAllAndLimit(),
	simplifyProperty("Whether to return each result's device, exit code, output, error and times instead of JumpCloud's whole record"),
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['command'], operation: ['getResults'] } }, properties);

export const cacheLookups = true;

function simplifyResult(result: IDataObject): IDataObject {
	const response = (result.response ?? {}) as IDataObject;
	const data = (response.data ?? {}) as IDataObject;
	return {
		id: result._id,
		command: result.name,
		commandId: result.workflowId,
		workflowInstanceId: result.workflowInstanceId,
		deviceId: result.systemId,
		device: result.system,
		exitCode: data.exitCode,
		output: data.output,
		error: response.error,
		requestTime: result.requestTime,
		responseTime: result.responseTime,
	};
}

/**
 * The results devices reported for a command (`GET /api/commands/{id}/results`, limit and skip, read page by page
 * until a short page), optionally of one run only (its workflowInstanceId). Devices that have not run the
 * command yet have no result.
 */
export async function execute(this: IExecuteFunctions, scope: Scope) {
	const i = scope.itemIndex;
	const { returnAll, limit } = returnAllAndLimitOf.call(this, i);
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const run = String(this.getNodeParameter('workflowInstanceId', i, '') ?? '').trim();
	const command = await resolveCommand.call(this, this.getNodeParameter('command', i), scope);
	const results = await jumpCloudApiRequestAllItems.call(
		this,
		{ method: 'GET', path: `/api/commands/${command.id}/results`, notFoundHint: `Check the 'Command' parameter: no command with ID ${command.id} exists in this organization.`, ...scope },
		// commands_getResults takes limit and skip only; a run's results are picked out here.
		{ returnAll, limit, sortById: false, matches: run === '' ? undefined : (result) => result.workflowInstanceId === run },
	);
	return simplify ? results.map(simplifyResult) : results;
}
