import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';

import { locatorOf } from '../helpers/locators';
import { callSettingsOf } from '../helpers/parameters';
import { newRunState, redactError, redactValue } from '../transport';
import * as apiRequest from './apiRequest';
import type { ResourceOperations } from './types';
import * as user from './user';
import * as userGroup from './userGroup';

const operationsByResource: Record<string, ResourceOperations> = {
	user: user.operations,
	userGroup: userGroup.operations,
	apiRequest: apiRequest.operations,
};

/**
 * The item that stands for a failed input item under "Continue On Fail". n8n-core's WorkflowExecute sends an
 * item to the error output ("Continue (using error output)") when its JSON holds only `error`, `message` and
 * `details`; "Continue (regular output)" keeps it in place. So: `error` is the message, `details` says how to
 * fix it (JSON, not `item.error`, which n8n would reduce to the message alone).
 */
function errorItem(error: Error & { description?: unknown; httpCode?: unknown }, itemIndex: number): INodeExecutionData {
	const details: IDataObject = {};
	if (typeof error.description === 'string' && error.description !== '') details.description = error.description;
	if (typeof error.httpCode === 'string' && error.httpCode !== '') details.httpCode = error.httpCode;
	const json: IDataObject = { error: error.message };
	if (Object.keys(details).length) json.details = details;
	return { json, pairedItem: { item: itemIndex } };
}

/**
 * Runs the chosen operation once per input item. Every item yields its result (paired to it) or, under
 * "Continue On Fail", one error item in its place; order is kept. The API key is redacted from everything
 * the node outputs or throws.
 */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = resource === 'apiRequest' ? 'request' : (this.getNodeParameter('operation', 0) as string);
	const operation = operationsByResource[resource]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" is not supported for "${resource}"`);
	}
	const secret = String((await this.getCredentials('jumpCloudApi')).apiKey ?? '');
	const run = newRunState();

	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const organizationId = locatorOf(this.getNodeParameter('organization', itemIndex, '')).value;
			const scope = { itemIndex, organizationId, run, ...callSettingsOf.call(this, itemIndex) };
			const result = redactValue(await operation.execute.call(this, scope), secret);
			output.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), {
					itemData: { item: itemIndex },
				}),
			);
		} catch (caught) {
			const error = redactError(caught as Error, secret);
			if (this.continueOnFail()) {
				output.push(errorItem(error, itemIndex));
				continue;
			}
			// Both constructors hand back an error of their own class unchanged (it already names its item).
			if (error instanceof NodeApiError) throw new NodeApiError(this.getNode(), error as unknown as JsonObject, { itemIndex });
			throw new NodeOperationError(this.getNode(), error, { itemIndex });
		}
	}
	return [output];
}
