import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import { DEFAULT_MAX_RETRY_WAIT_MS, DEFAULT_TIMEOUT_MS, retryPolicyFor } from '../transport';
import type { Scope } from '../transport';

/**
 * Items (and pages) in flight at once. Measured with the benchmark (npm run bench, 50 ms per call): 1,000 Add
 * User items take 4.9 s at 16, 3.7 s at 24 and 3.4 s at 32, against 3.7-4.8 s for n8n's HTTP Request node,
 * which sends 18-20 at once without bound. The limiter halves it whenever JumpCloud answers 429.
 */
export const DEFAULT_CONCURRENCY = 32;

/** A number parameter that must be a whole number of at least `min` (expressions bypass the editor's check). */
export function wholeNumberParameter(
	this: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
	fallback: number,
	min: number,
): number {
	const raw = this.getNodeParameter(name, itemIndex, fallback) as unknown;
	const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
		throw new NodeOperationError(this.getNode(), `'${label}' must be a whole number of at least ${min}, not ${JSON.stringify(raw)}`, {
			itemIndex,
			description: `Set '${label}' to a number such as ${Math.max(min, fallback)}.`,
		});
	}
	return value;
}

/** The item's Limit (Return All off): a whole number of at least 1. */
export function limitOf(this: IExecuteFunctions, itemIndex: number, fallback = 50): number {
	return wholeNumberParameter.call(this, 'limit', 'Limit', itemIndex, fallback, 1);
}

/** 'Return All' and 'Limit' of an item: how many records a list operation returns (undefined: all). */
export function returnAllAndLimitOf(this: IExecuteFunctions, itemIndex: number): { returnAll: boolean; limit: number | undefined } {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	return { returnAll, limit: returnAll ? undefined : limitOf.call(this, itemIndex) };
}

/** The item's call settings from 'Options': timeout, and the retry budget and policy it implies. */
export function callSettingsOf(this: IExecuteFunctions, itemIndex: number): Pick<Scope, 'timeoutMs' | 'retryPolicy' | 'retryBudget'> {
	const timeoutMs = wholeNumberParameter.call(this, 'options.timeout', 'Options > Timeout', itemIndex, DEFAULT_TIMEOUT_MS, 1);
	const raw = this.getNodeParameter('options.maxRetryWait', itemIndex, DEFAULT_MAX_RETRY_WAIT_MS / 1000) as unknown;
	const seconds = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
		throw new NodeOperationError(this.getNode(), `'Options > Max Retry Wait' must be a number of seconds of at least 0, not ${JSON.stringify(raw)}`, {
			itemIndex,
			description: "Set 'Max Retry Wait' to a number of seconds such as 60, or 0 to turn retries off.",
		});
	}
	const waitMs = seconds * 1000;
	return { timeoutMs, retryPolicy: retryPolicyFor(waitMs), retryBudget: { waitLeftMs: waitMs } };
}
