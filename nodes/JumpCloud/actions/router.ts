import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';

import { locatorOf, prefetchUsers } from '../helpers/locators';
import { DEFAULT_CONCURRENCY, callSettingsOf, wholeNumberParameter } from '../helpers/parameters';
import { containsSecret, newRunState, redactError, redactValue } from '../transport';
import type { Scope } from '../transport';
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

/** One item: its output items, or the error it failed with. */
type ItemOutcome = { items: INodeExecutionData[] } | { error: Error };

/**
 * Runs the chosen operation once per input item, up to 'Options > Concurrency' items at a time (all JumpCloud
 * calls of the execution share one adaptive limit). Every item yields its result (paired to it) or, under
 * "Continue On Fail", one error item in its place; the output keeps the input order. The API key is redacted
 * from everything the node outputs or throws.
 */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = resource === 'apiRequest' ? 'request' : (this.getNodeParameter('operation', 0) as string);
	const operation = operationsByResource[resource]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" is not supported for "${resource}"`);
	}
	const credentials = await this.getCredentials('jumpCloudApi');
	const secret = String(credentials.apiKey ?? '');
	const concurrency = concurrencyOf.call(this, operation.defaultConcurrency ?? DEFAULT_CONCURRENCY);
	const run = newRunState(concurrency, credentials);
	const continueOnFail = this.continueOnFail();
	const organizationOf = (itemIndex: number) => locatorOf(this.getNodeParameter('organization', itemIndex, '')).value;
	const scopeOf = (itemIndex: number): Scope => ({
		itemIndex,
		organizationId: organizationOf(itemIndex),
		run,
		cacheLookups: operation.cacheLookups === true,
		...callSettingsOf.call(this, itemIndex),
	});

	if (operation.prefetch && items.length > 1) {
		let first: Scope | undefined;
		try {
			first = scopeOf(0);
		} catch {
			first = undefined; // item 0 fails on its own; nothing is looked up ahead
		}
		if (first) await prefetchUsers.call(this, operation.prefetch, items.length, organizationOf, first);
	}

	const outcomes: ItemOutcome[] = new Array(items.length);
	let next = 0;
	let stopped = false;
	const worker = async () => {
		while (!stopped && next < items.length) {
			const itemIndex = next++;
			try {
				const result = await operation.execute.call(this, scopeOf(itemIndex));
				outcomes[itemIndex] = { items: outputItems(withoutSecret(result, secret), itemIndex) };
			} catch (caught) {
				outcomes[itemIndex] = { error: redactError(caught as Error, secret) };
				// Without Continue On Fail the node stops: no new item starts; the ones running finish.
				if (!continueOnFail) stopped = true;
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));

	const output: INodeExecutionData[] = [];
	for (const [itemIndex, outcome] of outcomes.entries()) {
		if (!outcome) continue;
		if ('items' in outcome) {
			output.push(...outcome.items);
		} else if (continueOnFail) {
			output.push(errorItem(outcome.error, itemIndex));
		} else {
			throw stopError(this, outcome.error, itemIndex, outcomes);
		}
	}
	return [output];
}

/** The node's Concurrency: a whole number of at least 1, read once (it bounds the whole execution). */
function concurrencyOf(this: IExecuteFunctions, fallback: number): number {
	return wholeNumberParameter.call(this, 'options.concurrency', 'Options > Concurrency', 0, fallback, 1);
}

/**
 * The output items of one input item, each paired to it (one pairing object shared by all). Built directly:
 * n8n's returnJsonArray would copy every item once more, and take a record with a `json` field for an item.
 */
function outputItems(result: IDataObject | IDataObject[], itemIndex: number): INodeExecutionData[] {
	const pairedItem = { item: itemIndex };
	return (Array.isArray(result) ? result : [result]).map((json) => ({ json, pairedItem }));
}

/** The result, with the API key redacted where it occurs (copied only then: lists can be large). */
function withoutSecret(result: IDataObject | IDataObject[], secret: string): IDataObject | IDataObject[] {
	return containsSecret(result, secret) ? redactValue(result, secret) : result;
}

/**
 * The error the node stops with, for the first failing item in input order. Items run side by side, so items
 * after it may have completed (and changed JumpCloud) before the node stopped: the description says which.
 */
function stopError(context: IExecuteFunctions, error: Error, itemIndex: number, outcomes: ItemOutcome[]): Error {
	const doneAfter = outcomes.flatMap((outcome, index) => (index > itemIndex && outcome && 'items' in outcome ? [index] : []));
	if (doneAfter.length) {
		const target = error as Error & { description?: string };
		const note = `Items ${doneAfter.join(', ')}, which ran alongside, completed before the node stopped.`;
		target.description = target.description ? `${target.description} ${note}` : note;
	}
	// Both constructors hand back an error of their own class unchanged (it already names its item).
	if (error instanceof NodeApiError) return new NodeApiError(context.getNode(), error as unknown as JsonObject, { itemIndex });
	return new NodeOperationError(context.getNode(), error, { itemIndex });
}
