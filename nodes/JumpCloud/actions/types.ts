import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Scope } from '../helpers/locators';

/** One operation on one input item: returns its output item (or items, for lists). */
export type Operation = (this: IExecuteFunctions, scope: Scope) => Promise<IDataObject | IDataObject[]>;

export type OperationsOf<Names extends string> = Record<Names, Operation>;
