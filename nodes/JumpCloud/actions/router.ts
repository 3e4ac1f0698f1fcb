import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';

import { locatorOf, prefetchUsers } from '../helpers/locators';
import { ALL_ORGANIZATIONS, managedOrganizations } from '../helpers/organizations';
import type { ManagedOrganization } from '../helpers/organizations';
import { DEFAULT_CONCURRENCY, callSettingsOf, wholeNumberParameter } from '../helpers/parameters';
import { containsSecret, isNotFoundError, newRunState, redactError, redactValue } from '../transport';
import type { Scope } from '../transport';
import { operationFor } from './operations';
import type { OperationModule } from './types';

/**
 * The item that stands for a failed input item under "Continue On Fail". n8n-core's WorkflowExecute sends an
 * item to the error output ("Continue (using error output)") when its JSON holds only `error`, `message` and
 * `details`; "Continue (regular output)" keeps it in place. So: `error` is the message, `details` says how to
 * fix it (JSON, not `item.error`, which n8n would reduce to the message alone).
 */
function errorItem(error: Error & { description?: unknown; httpCode?: unknown }, itemIndex: number, organization?: ManagedOrganization): INodeExecutionData {
	const details: IDataObject = {};
	if (typeof error.description === 'string' && error.description !== '') details.description = error.description;
	if (typeof error.httpCode === 'string' && error.httpCode !== '') details.httpCode = error.httpCode;
	if (organization) Object.assign(details, organizationTag(organization));
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
	const operationName = this.getNodeParameter('operation', 0, resource === 'apiRequest' ? 'request' : undefined) as string;
	const operation = operationFor(resource, operationName);
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" is not supported for "${resource}"`);
	}
	const credentials = await this.getCredentials('jumpCloudApi');
	const secret = String(credentials.apiKey ?? '');
	const concurrency = concurrencyOf.call(this, operation.defaultConcurrency ?? DEFAULT_CONCURRENCY);
	const run = newRunState(concurrency, credentials);
	const continueOnFail = this.continueOnFail();
	// 'Options > Organization' (the Organization resource has none: its calls name no organization).
	const organizationOf = (itemIndex: number) => locatorOf(this.getNodeParameter('options.organization', itemIndex, '')).value;
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
		// With All Organizations the lookups happen in each organization, by the items themselves.
		if (first && first.organizationId !== ALL_ORGANIZATIONS) await prefetchUsers.call(this, operation.prefetch, items.length, organizationOf, first);
	}

	const outcomes: ItemOutcome[] = new Array(items.length);
	let next = 0;
	let stopped = false;
	const worker = async () => {
		while (!stopped && next < items.length) {
			const itemIndex = next++;
			try {
				const results = await runItem.call(this, operation, scopeOf(itemIndex), continueOnFail);
				for (const item of results) item.json = withoutSecret(item.json, secret);
				outcomes[itemIndex] = { items: results };
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

/**
 * One input item's output items: the operation's result in the item's organization, or in every organization
 * (All Organizations); with 'If Not Found' set to output an item, a missing record becomes that item.
 */
async function runItem(this: IExecuteFunctions, operation: OperationModule, scope: Scope, continueOnFail: boolean): Promise<INodeExecutionData[]> {
	const itemIndex = scope.itemIndex;
	const pairedItem = { item: itemIndex };
	const returnsNotFound =
		operation.notFoundResult !== undefined && (this.getNodeParameter('options.ifNotFound', itemIndex, 'error') as string) === 'returnNotFound';
	const found = (records: IDataObject[]) => (returnsNotFound ? records.map((record) => ({ found: true, ...record })) : records);
	try {
		if (scope.organizationId !== ALL_ORGANIZATIONS) {
			return found(listOf(await operation.execute.call(this, scope))).map((json) => ({ json, pairedItem }));
		}
		if (!operation.fanOut) {
			throw new NodeOperationError(this.getNode(), "'Options > Organization' is All Organizations, which only reading operations can use", {
				itemIndex,
				description: 'Choose one organization for this operation, or feed one item per organization (e.g. from Organization > Get Many) and set the organization by expression.',
			});
		}
		return await inEveryOrganization.call(this, operation, scope, continueOnFail, found);
	} catch (error) {
		if (returnsNotFound && isNotFoundError(error)) return [{ json: { found: false, ...operation.notFoundResult!.call(this, itemIndex) }, pairedItem }];
		throw nodeErrorOf(this, error as Error, itemIndex);
	}
}

/** Marks a record with the organization it came from. */
const organizationTag = (organization: ManagedOrganization) => ({ organizationId: organization.id, organizationName: organization.name });

/**
 * The operation run in every organization the key manages, side by side, each output item tagged with its
 * organization. One organization failing (e.g. 403, or 429 beyond the retry budget) becomes an error item
 * for that organization under Continue On Fail, and fails the item otherwise; a lookup skips the
 * organizations that do not have the record and is not found only when none has.
 */
async function inEveryOrganization(
	this: IExecuteFunctions,
	operation: OperationModule,
	scope: Scope,
	continueOnFail: boolean,
	found: (records: IDataObject[]) => IDataObject[],
): Promise<INodeExecutionData[]> {
	const organizations = await managedOrganizations.call(this, { ...scope, organizationId: '' });
	const outcomes = await Promise.all(
		organizations.map(async (organization) => {
			// Each organization waits out its own retries: one throttled organization does not starve the others.
			const organizationScope: Scope = { ...scope, organizationId: organization.id, retryBudget: scope.retryBudget && { ...scope.retryBudget } };
			try {
				return { organization, records: listOf(await operation.execute.call(this, organizationScope)) };
			} catch (error) {
				return { organization, error: error as Error & { description?: string } };
			}
		}),
	);
	const failures = outcomes.filter((outcome) => outcome.error && !(operation.fanOut === 'lookup' && isNotFoundError(outcome.error)));
	const hits = outcomes.filter((outcome) => outcome.records);
	if (operation.fanOut === 'lookup' && hits.length === 0 && failures.length === 0 && outcomes.length > 0) {
		const notFound = outcomes[0].error!;
		notFound.description = `${notFound.description ? `${notFound.description} ` : ''}None of the ${outcomes.length} organizations this key manages has it.`;
		throw notFound;
	}
	if (!continueOnFail && failures.length > 0) {
		const { organization } = failures[0];
		const error = failures[0].error!;
		error.description = `In organization "${organization.name}" (${organization.id}). ${error.description ?? ''}`.trim();
		throw error;
	}
	const pairedItem = { item: scope.itemIndex };
	return outcomes.flatMap(({ organization, records, error }): INodeExecutionData[] => {
		if (records) return found(records).map((record) => ({ json: { ...record, ...organizationTag(organization) }, pairedItem }));
		if (error && failures.some((failure) => failure.error === error)) return [errorItem(error, scope.itemIndex, organization)];
		return [];
	});
}

const listOf = (result: IDataObject | IDataObject[]) => (Array.isArray(result) ? result : [result]);

/** The node's Concurrency: a whole number of at least 1, read once (it bounds the whole execution). */
function concurrencyOf(this: IExecuteFunctions, fallback: number): number {
	return wholeNumberParameter.call(this, 'options.concurrency', 'Options > Concurrency', 0, fallback, 1);
}

/** A result, with the API key redacted where it occurs (copied only then: lists can be large). */
function withoutSecret(result: IDataObject, secret: string): IDataObject {
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
	return nodeErrorOf(context, error, itemIndex);
}

/** The error as n8n's node error: both constructors hand back an error of their own class unchanged. */
function nodeErrorOf(context: IExecuteFunctions, error: Error, itemIndex: number): Error {
	if (error instanceof NodeApiError) return new NodeApiError(context.getNode(), error as unknown as JsonObject, { itemIndex });
	return new NodeOperationError(context.getNode(), error, { itemIndex });
}
