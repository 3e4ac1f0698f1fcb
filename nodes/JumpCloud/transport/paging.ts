import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { RequestLimiter } from './limiter';
import { apiFamilyOf } from './query';
import { jumpCloudRequest } from './request';
import type { JumpCloudContext, JumpCloudRequest, JumpCloudResponse } from './request';

/** Largest page JumpCloud serves; a larger `limit` is a 400, not a clamp (fact sheet §2). */
export const MAX_PAGE_SIZE = 100;

/** Rounds of reading a list before the node gives up on a directory that keeps changing under it. */
const MAX_ROUNDS = 3;

/** Pages one item fetches at once when no execution-wide limiter bounds it (the router always gives one). */
const PAGES_IN_FLIGHT = 8;

export interface ListPage {
	results: IDataObject[];
	/** Total matching the query, when JumpCloud says (`totalCount` in v1, `x-total-count` in v2). */
	totalCount?: number;
}

/** Why a list answer is not a v1 `{totalCount, results}` or a v2 array; undefined when it is one. */
export function listShapeProblem(body: unknown): string | undefined {
	if (Array.isArray(body)) return undefined;
	if (body && typeof body === 'object' && Array.isArray((body as IDataObject).results)) return undefined;
	return 'it is not a list (neither an array nor an object with "results")';
}

/** v1 lists are `{totalCount, results}`; v2 lists are a bare array with an `x-total-count` header. */
export function listPageOf(response: Pick<JumpCloudResponse, 'body' | 'headers'>): ListPage {
	const { body, headers } = response;
	if (Array.isArray(body)) {
		const header = headers?.['x-total-count'];
		const total = Number(header);
		return { results: body as IDataObject[], totalCount: header !== undefined && Number.isFinite(total) ? total : undefined };
	}
	const { results, totalCount } = body as IDataObject;
	const total = Number(totalCount);
	return { results: results as IDataObject[], totalCount: Number.isFinite(total) ? total : undefined };
}

export interface ListOptions {
	returnAll: boolean;
	/** How many items to return when not returning all. */
	limit?: number;
	/** Keeps only the records this accepts (for matches the server cannot express exactly). */
	matches?: (record: IDataObject) => boolean;
	/**
	 * Whether to read the list in the order of its object IDs (`sort=_id` in v1, `sort=id` in v2), the order
	 * JumpCloud creates records in: new records then land after the last page. Off for lists that take no
	 * sort, or whose caller sorts them itself.
	 */
	sortById?: boolean;
	/** The record's unique ID, to tell records apart (default: see defaultIdOf). */
	idOf?: (record: IDataObject) => unknown;
}

/** A record's identity: its v1 `_id` or v2 `id`, a graph edge's target (`to.id`), else the whole record. */
const defaultIdOf = (record: IDataObject) => record._id ?? record.id ?? (record.to as IDataObject | undefined)?.id ?? JSON.stringify(record);

/**
 * Reads a v1 or v2 list, exactly: every record that exists for the whole read is returned once, none twice.
 *
 * With a total (v1 `totalCount`, v2 `x-total-count`) the pages are fetched at once, last first, through the
 * execution's limiter: exactly ceil(N/100) requests for N records. Pages are read by `limit`/`skip`, which
 * shifts when records come or go during the read, so a read counts as done only when it is consistent: every
 * page reported the same total, every page is full, and the IDs add up to that total with none twice. Sorted
 * by object ID, new records land at the end and a deleted one shows as a short count, so a read that saw a
 * change is repeated (up to 3 rounds) instead of being returned with a record twice or one missing.
 */
export async function jumpCloudApiRequestAllItems(
	this: JumpCloudContext,
	request: JumpCloudRequest,
	{ returnAll, limit = 50, matches, sortById = true, idOf = defaultIdOf }: ListOptions,
): Promise<IDataObject[]> {
	const wanted = returnAll ? Number.POSITIVE_INFINITY : Math.max(0, Math.floor(limit));
	if (wanted === 0) return [];
	const qs: IDataObject = { ...request.qs };
	if (sortById) qs.sort = apiFamilyOf(request.path) === 'v2' ? 'id' : '_id';
	const page = async (skip: number, size: number) =>
		listPageOf(await jumpCloudRequest.call(this, { ...request, qs: { ...qs, limit: size, skip }, validate: listShapeProblem }));

	// Records the server cannot pick exactly are read one page after another.
	if (matches) return await pageByPage(page, wanted, matches, idOf);
	if (wanted <= MAX_PAGE_SIZE) return (await page(0, wanted)).results;

	// Without the execution's limiter (which bounds every call of the run), the pages of this read are bounded here.
	const bounded = request.run ? page : (() => {
		const limiter = new RequestLimiter(PAGES_IN_FLIGHT);
		return async (skip: number, size: number) => await limiter.run(async () => await page(skip, size));
	})();
	for (let round = 1; round <= MAX_ROUNDS; round++) {
		const first = await page(0, MAX_PAGE_SIZE);
		const total = first.totalCount;
		if (total === undefined) return await pageByPage(page, wanted, undefined, idOf, first);
		const needed = Math.min(total, wanted);
		const pageCount = Math.max(1, Math.ceil(needed / MAX_PAGE_SIZE));
		const sizeOf = (index: number) => Math.min(MAX_PAGE_SIZE, needed - index * MAX_PAGE_SIZE);
		// The last page first: a record created meanwhile lands after it, unseen, instead of shifting a page.
		const rest = Array.from({ length: pageCount - 1 }, (_, i) => pageCount - 1 - i);
		const pages: ListPage[] = [first];
		await Promise.all(
			rest.map(async (index) => {
				pages[index] = await bounded(index * MAX_PAGE_SIZE, sizeOf(index));
			}),
		);
		const records = pages.flatMap((current, index) => current.results.slice(0, sizeOf(index)));
		const consistent =
			pages.every((current, index) => current.totalCount === total && current.results.length >= sizeOf(index)) &&
			records.length === needed &&
			new Set(records.map(idOf)).size === needed;
		if (consistent) return records;
	}
	throw new NodeOperationError(this.getNode(), `JumpCloud's list ${request.path} kept changing while the node read it`, {
		itemIndex: request.itemIndex,
		description: `Records were added or removed during ${MAX_ROUNDS} reads in a row, so no read gave every record exactly once. Run it again when the directory is quieter.`,
	});
}

/** Pages in order until the list is exhausted or `wanted` records are in, dropping records seen before. */
async function pageByPage(
	page: (skip: number, size: number) => Promise<ListPage>,
	wanted: number,
	matches: ((record: IDataObject) => boolean) | undefined,
	idOf: (record: IDataObject) => unknown,
	first?: ListPage,
): Promise<IDataObject[]> {
	const items: IDataObject[] = [];
	const seen = new Set<unknown>();
	let skip = 0;
	let current = first;
	while (items.length < wanted) {
		// With a client-side match a page can hold records that do not count: always ask for a full page.
		const size = current || matches ? MAX_PAGE_SIZE : Math.min(MAX_PAGE_SIZE, wanted - items.length);
		const { results, totalCount } = current ?? (await page(skip, size));
		current = undefined;
		for (const record of results) {
			if (items.length >= wanted) break;
			const id = idOf(record);
			if (id !== undefined && seen.has(id)) continue;
			seen.add(id);
			if (!matches || matches(record)) items.push(record);
		}
		skip += results.length;
		if (results.length < size || (totalCount !== undefined && skip >= totalCount)) break;
	}
	return items;
}
