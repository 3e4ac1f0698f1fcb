import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, JsonObject } from 'n8n-workflow';

import { INSIGHTS_PATH_PREFIX } from './hosts';
import { jumpCloudRequest } from './request';
import type { JumpCloudContext, Scope } from './request';

/**
 * Directory Insights (`POST /insights/directory/v1/events`, `/events/count`, `/events/distinct`; fact sheet §8,
 * directory-insights-v1.yaml). Requests go through the same transport as every other call (hosts.ts sends them to
 * the region's `api.*` host, always with `x-org-id`), and are reads: sent again after an unclear failure.
 */

/** Largest page the events route serves (`limit` max 10,000; its default, 1,000, is the page size used here). */
export const INSIGHTS_MAX_PAGE_SIZE = 10_000;
export const INSIGHTS_PAGE_SIZE = 1_000;

/** The services the spec lists for `service` (EventServiceTimeQuery). */
export const INSIGHTS_SERVICES = [
	'all',
	'access_management',
	'aigw',
	'ai_admin',
	'alerts',
	'asset_management',
	'directory',
	'genai',
	'generic_di',
	'ldap',
	'mdm',
	'notifications',
	'object_storage',
	'password_manager',
	'password_vault',
	'radius',
	'reports',
	'saas_app_management',
	'software',
	'sso',
	'systems',
	'workflows',
] as const;

/** The body of an events query (EventQuery): service and start time, plus what narrows it. */
export interface InsightsQuery extends IDataObject {
	service: string[];
	start_time: string;
	end_time?: string;
	search_term?: IDataObject;
	q?: string;
	exclude_provider_activity?: boolean;
	fields?: string[];
	sort?: 'ASC' | 'DESC';
}

export const insightsPath = (route: '/events' | '/events/count' | '/events/distinct') => `${INSIGHTS_PATH_PREFIX}${route}`;

const arrayAnswer = (body: unknown) => (Array.isArray(body) ? undefined : 'it is not a list of events');

export interface InsightsPage {
	events: IDataObject[];
	/** The `X-Search_after` cursor of this answer (sent back verbatim for the next page). */
	searchAfter?: unknown[];
	/** Whether more events match: `X-Result-Count` equals `X-Limit` (the header is sent on the last page too). */
	more: boolean;
}

function headerOf(headers: IDataObject, name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	if (value === undefined || value === null) return undefined;
	return Array.isArray(value) ? String(value[0]) : String(value);
}

/** One page of events: the body sent as is (with `limit`, and `search_after` after the first page). */
export async function insightsEventsPage(this: JumpCloudContext, scope: Scope, body: IDataObject): Promise<InsightsPage> {
	const response = await jumpCloudRequest.call(this, {
		method: 'POST',
		path: insightsPath('/events'),
		body,
		repeatable: true,
		validate: arrayAnswer,
		...scope,
	});
	const events = response.body as IDataObject[];
	const headers = response.headers ?? {};
	const count = Number(headerOf(headers, 'x-result-count') ?? events.length);
	const limit = Number(headerOf(headers, 'x-limit') ?? body.limit);
	let searchAfter: unknown[] | undefined;
	const raw = headerOf(headers, 'x-search_after');
	if (raw !== undefined && raw !== '') {
		try {
			const parsed = JSON.parse(raw) as unknown;
			if (Array.isArray(parsed)) searchAfter = parsed;
		} catch {
			searchAfter = undefined;
		}
	}
	return { events, searchAfter, more: events.length > 0 && Number.isFinite(limit) && count >= limit };
}

export interface InsightsReadOptions {
	returnAll: boolean;
	/** How many events to return when not returning all. */
	limit?: number;
	/** Events per request (at most 10,000). */
	pageSize?: number;
	/**
	 * Called with each page's events in order; return false to stop reading (the trigger stops on its own limits).
	 * Without it, the events are collected and returned.
	 */
	onPage?: (events: IDataObject[]) => boolean | void;
}

/**
 * Every event of a query (Return All) or the first `limit`, page after page through the `search_after` cursor the
 * API returns: the same body is sent again with `search_after` set to the previous answer's `X-Search_after`,
 * while `X-Result-Count` equals `X-Limit`.
 */
export async function insightsEvents(
	this: JumpCloudContext,
	scope: Scope,
	query: InsightsQuery,
	{ returnAll, limit = 50, pageSize = INSIGHTS_PAGE_SIZE, onPage }: InsightsReadOptions,
): Promise<IDataObject[]> {
	const wanted = returnAll ? Number.POSITIVE_INFINITY : Math.max(0, Math.floor(limit));
	const collected: IDataObject[] = [];
	let got = 0;
	let searchAfter: unknown[] | undefined;
	let previous = '';
	while (got < wanted) {
		const size = Math.min(pageSize, INSIGHTS_MAX_PAGE_SIZE, wanted - got);
		const body: IDataObject = { ...query, limit: size };
		if (searchAfter) body.search_after = searchAfter as IDataObject[];
		const page = await insightsEventsPage.call(this, scope, body);
		const events = page.events.slice(0, wanted - got);
		got += events.length;
		if (onPage) {
			if (onPage(events) === false) break;
		} else {
			collected.push(...events);
		}
		if (!page.more || events.length < size) break;
		const next = JSON.stringify(page.searchAfter ?? null);
		if (!page.searchAfter || next === previous) {
			throw new NodeApiError(this.getNode(), { message: 'no usable X-Search_after' } as JsonObject, {
				message: "JumpCloud's Directory Insights answer has no usable paging cursor",
				description:
					'A full page came back without a new X-Search_after header, so the next page cannot be asked for. A proxy may drop response headers; check the credential\'s Region or Base URL.',
				itemIndex: scope.itemIndex,
			});
		}
		previous = next;
		searchAfter = page.searchAfter;
	}
	return collected;
}

/** `POST /events/count`: how many events match (EventCount). */
export async function insightsCount(this: JumpCloudContext, scope: Scope, query: IDataObject): Promise<number> {
	const response = await jumpCloudRequest.call(this, {
		method: 'POST',
		path: insightsPath('/events/count'),
		body: query,
		repeatable: true,
		validate: (body) => (body && typeof body === 'object' && Number.isFinite(Number((body as IDataObject).count)) ? undefined : 'it has no count'),
		...scope,
	});
	return Number((response.body as IDataObject).count);
}

export interface DistinctBucket {
	value: unknown;
	count: number;
}

/** `POST /events/distinct`: the values a field takes among the matching events, with their counts. */
export async function insightsDistinct(this: JumpCloudContext, scope: Scope, query: IDataObject): Promise<{ buckets: DistinctBucket[]; otherCount: number }> {
	const response = await jumpCloudRequest.call(this, {
		method: 'POST',
		path: insightsPath('/events/distinct'),
		body: query,
		repeatable: true,
		validate: (body) => (body && typeof body === 'object' && !Array.isArray(body) ? undefined : 'it is not an object with buckets'),
		...scope,
	});
	const body = response.body as IDataObject;
	const buckets = Array.isArray(body.buckets) ? (body.buckets as IDataObject[]) : [];
	return {
		buckets: buckets.map((bucket) => ({ value: bucket.key, count: Number(bucket.doc_count ?? 0) })),
		otherCount: Number(body.sum_other_doc_count ?? 0),
	};
}
