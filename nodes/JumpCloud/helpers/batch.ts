import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';


/**
 * Runs one change per entry side by side (the execution's limiter bounds the calls) and returns every result.
 * When some fail, the item fails with the first error, and its description says which changes were made
 * anyway and which failed: a change that happened is never reported as failed, nor hidden.
 */
export async function applyToEach<E, T>(
	context: IExecuteFunctions,
	itemIndex: number,
	entries: E[],
	labelOf: (entry: E) => string,
	change: (entry: E) => Promise<T>,
	describeDone: (entry: E, result: T) => string,
): Promise<T[]> {
	const settled = await Promise.allSettled(entries.map(change));
	const failed = settled.flatMap((outcome, index) => (outcome.status === 'rejected' ? [{ entry: entries[index], error: outcome.reason as Error & { description?: string } }] : []));
	if (failed.length === 0) return settled.map((outcome) => (outcome as PromiseFulfilledResult<T>).value);
	const done = settled.flatMap((outcome, index) => (outcome.status === 'fulfilled' ? [describeDone(entries[index], outcome.value)] : []));
	const first = failed[0].error;
	const summary = [
		done.length ? `Done: ${done.join(', ')}.` : 'Nothing was changed.',
		`Failed: ${failed.map(({ entry, error }) => `${labelOf(entry)} (${error.message})`).join(', ')}.`,
	].join(' ');
	// A new error (n8n hands an existing NodeOperationError back unchanged, whatever the options say).
	throw new NodeOperationError(context.getNode(), failed.length === 1 ? first.message : `${failed.length} of ${entries.length} changes failed: ${first.message}`, {
		itemIndex,
		description: `${summary} ${first.description ?? ''}`.trim(),
	});
}
