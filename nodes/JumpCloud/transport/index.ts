import { NodeOperationError, sleep } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	ICredentialDataDecryptedObject,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import { jumpCloudApiError, jumpCloudNetworkError } from './errors';
import { acceptsOrganizationHeader, baseUrlOf, defaultOrganizationOf, isObjectId } from './hosts';

/** Every JumpCloud call of the node goes through this module: URL, auth, org header, retries, paging, errors. */
export type JumpCloudContext = IExecuteFunctions | ILoadOptionsFunctions;

export interface JumpCloudRequest {
	method: IHttpRequestMethods;
	/** Path on the credential's host: `/api/...` (v1) or `/api/v2/...` (v2). */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	/** The node's (or item's) organization choice; empty means the credential's default. */
	organizationId?: string;
	itemIndex?: number;
	/** Description for a 404 that names the parameter to fix. */
	notFoundHint?: string;
	/** Error statuses the caller handles itself: returned like a success instead of thrown. */
	acceptStatuses?: number[];
}

export interface JumpCloudResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

/** Largest page JumpCloud serves; a larger `limit` is a 400, not a clamp (fact sheet §2). */
export const MAX_PAGE_SIZE = 100;

export const RETRY_POLICY = {
	attempts: 4,
	baseDelayMs: 500,
	maxDelayMs: 30_000,
} as const;

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);

/**
 * 429 and 503 mean the request was not processed, so any method may be sent again; other gateway and
 * server errors are retried only where repeating the call cannot create or change anything twice.
 */
export function isRetryable(statusCode: number, method: string): boolean {
	if (statusCode === 429 || statusCode === 503) return true;
	if (statusCode === 500 || statusCode === 502 || statusCode === 504) {
		return IDEMPOTENT_METHODS.has(method.toUpperCase());
	}
	return false;
}

/** Honour `Retry-After` (seconds) when given, else exponential back-off with jitter. */
export function retryDelayMs(attempt: number, retryAfter: unknown, random = Math.random()): number {
	const seconds = Number(Array.isArray(retryAfter) ? retryAfter[0] : retryAfter);
	if (retryAfter !== undefined && retryAfter !== null && retryAfter !== '' && Number.isFinite(seconds)) {
		return Math.min(Math.max(seconds, 0) * 1000, RETRY_POLICY.maxDelayMs);
	}
	const exponential = RETRY_POLICY.baseDelayMs * 2 ** (attempt - 1);
	return Math.min(exponential / 2 + (exponential / 2) * random, RETRY_POLICY.maxDelayMs);
}

/** The organization to send as `x-org-id`, or undefined for none. Malformed IDs fail before any call. */
export function organizationFor(
	node: INode,
	request: Pick<JumpCloudRequest, 'organizationId' | 'path' | 'itemIndex'>,
	credentials: ICredentialDataDecryptedObject,
): string | undefined {
	if (!acceptsOrganizationHeader(request.path)) return undefined;
	const chosen = String(request.organizationId ?? '').trim();
	if (chosen !== '') {
		if (!isObjectId(chosen)) {
			throw new NodeOperationError(node, `The 'Organization' parameter "${chosen}" is not a JumpCloud organization ID`, {
				itemIndex: request.itemIndex,
				description: 'Use the 24-character hexadecimal ID of the organization, or leave it empty to use the credential default.',
			});
		}
		return chosen;
	}
	const fallback = defaultOrganizationOf(credentials);
	if (fallback !== undefined && !isObjectId(fallback)) {
		throw new NodeOperationError(node, `The credential's 'Default Organization ID' "${fallback}" is not a JumpCloud organization ID`, {
			itemIndex: request.itemIndex,
			description: 'Fix it in the JumpCloud credential: it takes the 24-character hexadecimal ID of an organization.',
		});
	}
	return fallback;
}

function baseUrlFor(node: INode, credentials: ICredentialDataDecryptedObject, itemIndex?: number): string {
	const baseUrl = baseUrlOf(credentials);
	if (!/^https?:\/\/[^/?#]+$/i.test(baseUrl)) {
		throw new NodeOperationError(node, `The credential's 'Base URL' "${baseUrl}" is not a scheme and host`, {
			itemIndex,
			description: 'Set it to something like https://jumpcloud-proxy.example.com (no path), or pick a JumpCloud region.',
		});
	}
	return baseUrl;
}

/** One JumpCloud call with retries; returns status, headers and body, or throws a JumpCloud error. */
export async function jumpCloudRequest(
	this: JumpCloudContext,
	request: JumpCloudRequest,
): Promise<JumpCloudResponse> {
	const node = this.getNode();
	const credentials = await this.getCredentials('jumpCloudApi', request.itemIndex ?? 0);
	const baseUrl = baseUrlFor(node, credentials, request.itemIndex);
	const organizationId = organizationFor(node, request, credentials);

	const headers: IDataObject = { Accept: 'application/json' };
	if (organizationId) headers['x-org-id'] = organizationId;
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrl}${request.path}`,
		headers,
		qs: request.qs,
		body: request.body,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// The API key must not follow a redirect to another host.
		disableFollowRedirect: true,
		sendCredentialsOnCrossOriginRedirect: false,
	};
	const errorContext = {
		method: request.method,
		path: request.path,
		itemIndex: request.itemIndex,
		notFoundHint: request.notFoundHint,
	};

	for (let attempt = 1; ; attempt++) {
		let response: IN8nHttpFullResponse;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				'jumpCloudApi',
				options,
			)) as IN8nHttpFullResponse;
		} catch (error) {
			throw jumpCloudNetworkError(node, error, errorContext);
		}
		const statusCode = Number(response.statusCode);
		if (statusCode < 400 || request.acceptStatuses?.includes(statusCode)) {
			return { statusCode, headers: (response.headers ?? {}) as IDataObject, body: response.body };
		}
		if (attempt < RETRY_POLICY.attempts && isRetryable(statusCode, request.method)) {
			await sleep(retryDelayMs(attempt, (response.headers as IDataObject | undefined)?.['retry-after']));
			continue;
		}
		throw jumpCloudApiError(node, statusCode, response.body, errorContext);
	}
}

/** One JumpCloud call; returns the parsed body (an empty 204 becomes `{}`). */
export async function jumpCloudApiRequest(
	this: JumpCloudContext,
	request: JumpCloudRequest,
): Promise<IDataObject> {
	const { body } = await jumpCloudRequest.call(this, request);
	return (body === '' || body === undefined || body === null ? {} : body) as IDataObject;
}

export interface ListPage {
	results: IDataObject[];
	/** Total matching the query, when JumpCloud says (`totalCount` in v1, `x-total-count` in v2). */
	totalCount?: number;
}

/** v1 lists are `{totalCount, results}`; v2 lists are a bare array with an `x-total-count` header. */
export function listPageOf(response: Pick<JumpCloudResponse, 'body' | 'headers'>): ListPage {
	const { body, headers } = response;
	if (Array.isArray(body)) {
		const header = Number(headers?.['x-total-count']);
		return { results: body as IDataObject[], totalCount: Number.isFinite(header) && headers?.['x-total-count'] !== undefined ? header : undefined };
	}
	if (body && typeof body === 'object' && Array.isArray((body as IDataObject).results)) {
		const total = Number((body as IDataObject).totalCount);
		return {
			results: (body as IDataObject).results as IDataObject[],
			totalCount: Number.isFinite(total) ? total : undefined,
		};
	}
	return { results: [] };
}

export interface ListOptions {
	returnAll: boolean;
	/** How many items to return when not returning all. */
	limit?: number;
}

/**
 * Pages a v1 or v2 list with `limit`/`skip` until it is exhausted or `limit` items are in.
 * Callers pass a unique `sort` in `qs` so writes during the scan cannot skip or repeat records.
 */
export async function jumpCloudApiRequestAllItems(
	this: JumpCloudContext,
	request: JumpCloudRequest,
	{ returnAll, limit = 50 }: ListOptions,
): Promise<IDataObject[]> {
	const wanted = returnAll ? Number.POSITIVE_INFINITY : Math.max(0, Math.floor(limit));
	const items: IDataObject[] = [];
	let skip = 0;
	while (items.length < wanted) {
		const pageSize = Math.min(MAX_PAGE_SIZE, wanted - items.length);
		const response = await jumpCloudRequest.call(this, {
			...request,
			qs: { ...request.qs, limit: pageSize, skip },
		});
		const { results, totalCount } = listPageOf(response);
		items.push(...results);
		skip += results.length;
		if (results.length < pageSize || (totalCount !== undefined && skip >= totalCount)) break;
	}
	return items;
}
