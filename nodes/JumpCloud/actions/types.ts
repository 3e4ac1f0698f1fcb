import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Scope } from '../helpers/locators';

/** One operation on one input item: returns its output item (or items, for lists). */
export type OperationExecute = (this: IExecuteFunctions, scope: Scope) => Promise<IDataObject | IDataObject[]>;

/**
 * One file per operation (`actions/<resource>/<operation>.operation.ts`): its parameters, already shown only for
 * that resource and operation, and what it does for one item. The router owns the item loop.
 */
export interface OperationModule {
	description: INodeProperties[];
	execute: OperationExecute;
	/**
	 * Operations that change no user may answer repeated lookups (a user by email, a group by name) from the
	 * execution's cache; the others look up afresh for every item.
	 */
	cacheLookups?: boolean;
	/** User locators whose emails and usernames are looked up for all items at once, before the items run. */
	prefetch?: UserPrefetch[];
	/** The Concurrency when the option is not set, if not DEFAULT_CONCURRENCY (see sequentialOptionsCollection). */
	defaultConcurrency?: number;
	/**
	 * Reading operations that can run in every organization the key manages ('Organization' > All
	 * Organizations): a `list` concatenates each organization's records; a `lookup` returns the record from the
	 * organizations that have it, and is not found only when none has.
	 */
	fanOut?: 'list' | 'lookup';
	/**
	 * For operations with 'Options > If Not Found': the item to output instead of an error when the record does
	 * not exist (the router adds `found: true` to the records it does find).
	 */
	notFoundResult?: (this: IExecuteFunctions, itemIndex: number) => IDataObject;
}

/** A user-locator parameter of the operation, looked up in batches (v1 `$in`) before the items run. */
export interface UserPrefetch {
	parameter: string;
}

export type ResourceOperations = Record<string, OperationModule>;
