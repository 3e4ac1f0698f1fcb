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
}

export type ResourceOperations = Record<string, OperationModule>;
