import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';

import { locatorOf } from '../helpers/locators';
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
 * Runs the chosen operation once per input item. Every item yields its result (paired to it) or, under
 * "Continue On Fail", an error item in its place; order is kept.
 */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = resource === 'apiRequest' ? 'request' : (this.getNodeParameter('operation', 0) as string);
	const operation = operationsByResource[resource]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" is not supported for "${resource}"`);
	}

	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const organizationId = locatorOf(this.getNodeParameter('organization', itemIndex, '')).value;
			const result = await operation.execute.call(this, { itemIndex, organizationId });
			output.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), {
					itemData: { item: itemIndex },
				}),
			);
		} catch (error) {
			if (this.continueOnFail()) {
				const json: IDataObject = { error: error.message };
				if (error.description) json.description = error.description;
				if (error.httpCode) json.httpCode = error.httpCode;
				output.push({ json, pairedItem: { item: itemIndex } });
				continue;
			}
			// Both constructors hand back an error of their own class unchanged (it already names its item).
			if (error instanceof NodeApiError) throw new NodeApiError(this.getNode(), error as unknown as JsonObject, { itemIndex });
			throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
		}
	}
	return [output];
}
