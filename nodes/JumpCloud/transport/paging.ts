import type { IDataObject } from 'n8n-workflow';

import { jumpCloudRequest } from './request';
import type { JumpCloudContext, JumpCloudRequest, JumpCloudResponse } from './request';

/** Largest page JumpCloud serves; a larger `limit` is a 400, not a clamp (fact sheet §2). */
export const MAX_PAGE_SIZE = 100;

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
}

/**
 * Pages a v1 or v2 list with `limit`/`skip` until it is exhausted or `limit` items are in.
 * Records the `matches` predicate rejects are dropped and do not count towards the limit.
 */
export async function jumpCloudApiRequestAllItems(
	this: JumpCloudContext,
	request: JumpCloudRequest,
	{ returnAll, limit = 50, matches }: ListOptions,
): Promise<IDataObject[]> {
	const wanted = returnAll ? Number.POSITIVE_INFINITY : Math.max(0, Math.floor(limit));
	const items: IDataObject[] = [];
	let skip = 0;
	while (items.length < wanted) {
		// With a client-side match the page can hold records that do not count: always ask for a full page.
		const pageSize = matches ? MAX_PAGE_SIZE : Math.min(MAX_PAGE_SIZE, wanted - items.length);
		const response = await jumpCloudRequest.call(this, {
			...request,
			qs: { ...request.qs, limit: pageSize, skip },
			validate: listShapeProblem,
		});
		const { results, totalCount } = listPageOf(response);
		for (const record of results) {
			if (items.length >= wanted) break;
			if (!matches || matches(record)) items.push(record);
		}
		skip += results.length;
		if (results.length < pageSize || (totalCount !== undefined && skip >= totalCount)) break;
	}
	return items;
}
