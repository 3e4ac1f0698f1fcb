import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
	INode,
	JsonObject,
} from 'n8n-workflow';

import {
	jumpCloudApiError,
	jumpCloudInvalidAnswerError,
	jumpCloudNetworkError,
	jumpCloudUnclearError,
	markNotFound,
	redactError,
} from './errors';
import type { ErrorContext } from './errors';
import { acceptsOrganizationHeader, baseUrlOf, defaultOrganizationOf, isObjectId, requiresOrganizationHeader } from './hosts';
import { RequestLimiter } from './limiter';
import { queryStringOf } from './query';
import {
	DEFAULT_MAX_RETRY_WAIT_MS,
	DEFAULT_TIMEOUT_MS,
	backoffMs,
	networkFailureOf,
	retryAfterMs,
	retryPolicyFor,
} from './retry';
import type { FailureKind, RetryBudget, RetryPolicy } from './retry';

/** Every JumpCloud call of the node goes through this module: URL, auth, org header, retries, errors. */
export type JumpCloudContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/** State of one execution, made by the router and shared by its items; never kept at module level. */
export interface RunState {
	/** Whether an organization ID exists, by ID: asked at most once per execution, after a 404. */
	organizationChecks: Map<string, Promise<boolean>>;
	/** Lookups (user by email, group by name, …) by organization, kind and value: each made once per execution. */
	lookups: Map<string, Promise<IDataObject[]>>;
	/** Bounds the calls in flight across all items, and backs off when JumpCloud throttles. */
	limiter: RequestLimiter;
	/** The credential, read once per execution (n8n reads and decrypts it from its database on every ask). */
	credentials?: ICredentialDataDecryptedObject;
}

export function newRunState(concurrency = 1, credentials?: ICredentialDataDecryptedObject): RunState {
	return { organizationChecks: new Map(), lookups: new Map(), limiter: new RequestLimiter(concurrency), credentials };
}

/** Where and how an item's calls run. Operations spread it into every request they make. */
export interface Scope {
	itemIndex: number;
	/** The item's organization choice; empty means the credential's default. */
	organizationId?: string;
	timeoutMs?: number;
	retryPolicy?: RetryPolicy;
	/** What the item may still spend waiting to retry, shared by all its calls. */
	retryBudget?: RetryBudget;
	run?: RunState;
	/** Whether lookups may be answered from the execution's cache (only operations that change no user do). */
	cacheLookups?: boolean;
}

/** The outcome of checking whether a request that got no clear answer took effect. */
export type Verification = { applied: true; body: unknown } | { applied: false };

export interface JumpCloudRequest extends Partial<Scope> {
	method: IHttpRequestMethods;
	/**
	 * Path on the credential's host: `/api/...` (v1) or `/api/v2/...` (v2) on the console host,
	 * `/insights/directory/v1/...` (Directory Insights) on the region's `api.*` host.
	 */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	/** Description for a 404 that names the parameter to fix. */
	notFoundHint?: string;
	/** Description for a 409 that names the option to change. */
	conflictHint?: string;
	/** Error statuses the caller handles itself: returned like a success instead of thrown. */
	acceptStatuses?: number[];
	/** What a 2xx body must be: JSON (object or list, the default), nothing (or JSON), or anything. */
	expect?: 'json' | 'empty' | 'any';
	/** Why a parsed 2xx body is not the answer JumpCloud gives (e.g. a list without `results`). */
	validate?: (body: unknown) => string | undefined;
	/**
	 * Whether sending it twice does no harm. Defaults to true for GET, HEAD, PUT and DELETE. Requests that are
	 * not repeatable are sent again after an unclear failure only when `verify` says they did not take effect.
	 */
	repeatable?: boolean;
	/** For a request that is not repeatable: after an unclear failure, did it take effect? */
	verify?: () => Promise<Verification>;
}

export interface JumpCloudResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
	/**
	 * An earlier send of this call failed without a clear answer, so it may have been applied: a 404 to a
	 * repeated DELETE, or a 409 to a repeated "add member", then means that earlier send did it.
	 */
	afterUnclearAttempt: boolean;
}

const REPEATABLE_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

/** A safety stop for 429s, which are otherwise bounded by the item's wait budget alone. */
const MAX_THROTTLED_SENDS = 50;

interface ResolvedOrganization {
	id: string;
	/** The parameter to blame when JumpCloud does not know it. */
	from: 'parameter' | 'credential' | 'key';
}

/** The organization to send as `x-org-id`, or undefined for none. Malformed IDs fail before any call. */
export function organizationFor(
	node: INode,
	request: Pick<JumpCloudRequest, 'organizationId' | 'path' | 'itemIndex'>,
	credentials: ICredentialDataDecryptedObject,
): ResolvedOrganization | undefined {
	if (!acceptsOrganizationHeader(request.path)) return undefined;
	const chosen = String(request.organizationId ?? '').trim();
	if (chosen !== '') {
		if (!isObjectId(chosen)) {
			throw new NodeOperationError(node, `'Options > Organization' is not a JumpCloud organization ID: "${chosen}"`, {
				itemIndex: request.itemIndex,
				description: 'Use the 24-character hexadecimal ID of the organization, or leave it empty to use the credential default.',
			});
		}
		return { id: chosen, from: 'parameter' };
	}
	const fallback = defaultOrganizationOf(credentials);
	if (fallback === undefined) return undefined;
	if (!isObjectId(fallback)) {
		throw new NodeOperationError(node, `The credential's 'Default Organization ID' "${fallback}" is not a JumpCloud organization ID`, {
			itemIndex: request.itemIndex,
			description: 'Fix it in the JumpCloud credential: it takes the 24-character hexadecimal ID of an organization.',
		});
	}
	return { id: fallback, from: 'credential' };
}

function baseUrlFor(node: INode, credentials: ICredentialDataDecryptedObject, path: string, itemIndex?: number): string {
	const baseUrl = baseUrlOf(credentials, path);
	if (!/^https?:\/\/[^/?#\s]+$/i.test(baseUrl)) {
		throw new NodeOperationError(node, `The credential's 'Base URL' "${baseUrl}" is not a scheme and host`, {
			itemIndex,
			description: 'Set it to something like https://jumpcloud-proxy.example.com (no path), or pick a JumpCloud region.',
		});
	}
	return baseUrl;
}

/**
 * The key goes only to the credential's host, and only to the path asked for: a URL whose origin differs, or
 * whose path a URL parser would rewrite (dot segments, `%2e`), is refused before anything is sent.
 */
function assertStaysOnHost(node: INode, url: string, baseUrl: string, request: JumpCloudRequest): void {
	let target: URL | undefined;
	try {
		target = new URL(url);
	} catch {
		target = undefined;
	}
	if (!target || target.origin !== new URL(baseUrl).origin || target.pathname !== request.path || !request.path.startsWith('/')) {
		throw new NodeOperationError(node, `Refusing to send the API key to "${request.path}": it does not stay on the credential's JumpCloud host`, {
			itemIndex: request.itemIndex,
			description: "Give a plain path on the credential's host, such as /api/systemusers.",
		});
	}
}

type ParsedAnswer = { ok: true; value: unknown } | { ok: false; why: string };

/**
 * Reads a body fetched as text. JSON is parsed here rather than by the HTTP client, which hands back
 * unparseable text as if it were a result.
 */
export function parseAnswer(raw: unknown, headers: IDataObject, expect: 'json' | 'empty' | 'any'): ParsedAnswer {
	if (raw !== undefined && raw !== null && typeof raw === 'object' && !Buffer.isBuffer(raw)) return { ok: true, value: raw };
	const text = raw === undefined || raw === null ? '' : String(raw);
	if (text.trim() === '') return expect === 'json' ? { ok: false, why: 'the body is empty' } : { ok: true, value: '' };
	const contentType = String(headers['content-type'] ?? '').toLowerCase();
	try {
		const value: unknown = JSON.parse(text);
		if (expect === 'json' && (value === null || typeof value !== 'object')) {
			return { ok: false, why: 'it is not a JSON object or list' };
		}
		return { ok: true, value };
	} catch {
		const html = contentType.includes('html') || /^\s*</.test(text);
		if (expect === 'any' && !html && !contentType.includes('json')) return { ok: true, value: text };
		return {
			ok: false,
			why: html ? 'it is an HTML page, not JSON' : contentType.includes('json') ? 'its JSON is cut off or malformed' : 'it is text, not JSON',
		};
	}
}

/**
 * One JumpCloud call, retried while retrying is safe. Returns status, headers and the parsed body, or throws
 * a JumpCloud error (the API key redacted from it).
 *
 * Retries: 429 and failures to connect are always sent again (JumpCloud did nothing). A 5xx, a broken
 * connection, a timeout or an invalid 2xx answer may hide an applied change: repeatable requests are sent
 * again; others only after `verify` finds the change was not made, and without `verify` never. Waits follow
 * `Retry-After` (seconds or a date) or an exponential back-off, within the item's retry budget.
 */
export async function jumpCloudRequest(this: JumpCloudContext, request: JumpCloudRequest): Promise<JumpCloudResponse> {
	const credentials = request.run?.credentials ?? (await this.getCredentials<ICredentialDataDecryptedObject>('jumpCloudApi', request.itemIndex ?? 0));
	try {
		return await send.call(this, request, credentials);
	} catch (error) {
		throw redactError(error as Error, String(credentials.apiKey ?? ''));
	}
}

async function send(
	this: JumpCloudContext,
	request: JumpCloudRequest,
	credentials: ICredentialDataDecryptedObject,
): Promise<JumpCloudResponse> {
	const node = this.getNode();
	const baseUrl = baseUrlFor(node, credentials, request.path, request.itemIndex);
	const organization =
		organizationFor(node, request, credentials) ??
		(requiresOrganizationHeader(request.path) ? await keyOrganization.call(this, request) : undefined);
	const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const policy = request.retryPolicy ?? retryPolicyFor(DEFAULT_MAX_RETRY_WAIT_MS);
	const budget = request.retryBudget ?? { waitLeftMs: DEFAULT_MAX_RETRY_WAIT_MS };
	const repeatable = request.repeatable ?? REPEATABLE_METHODS.has(request.method);
	const accepted = request.acceptStatuses ?? [];

	const headers: IDataObject = { Accept: 'application/json' };
	if (organization) headers['x-org-id'] = organization.id;
	if (request.body !== undefined) headers['Content-Type'] = 'application/json';
	const query = queryStringOf(request.path, request.qs);
	const url = `${baseUrl}${request.path}${query ? `?${query}` : ''}`;
	assertStaysOnHost(node, url, baseUrl, request);
	const options: IHttpRequestOptions = {
		method: request.method,
		url,
		headers,
		body: request.body === undefined ? undefined : JSON.stringify(request.body),
		// The body comes back as text and is parsed (and checked) in parseAnswer.
		encoding: 'text',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: timeoutMs,
		// The API key must not follow a redirect to another host.
		disableFollowRedirect: true,
		sendCredentialsOnCrossOriginRedirect: false,
	};
	const baseContext: ErrorContext = {
		method: request.method,
		path: request.path,
		itemIndex: request.itemIndex,
		notFoundHint: request.notFoundHint,
		conflictHint: request.conflictHint,
		timeoutMs,
	};
	const abortSignal = 'getExecutionCancelSignal' in this ? this.getExecutionCancelSignal?.() : undefined;
	// The execution's credential, handed to n8n's helper so it does not read and decrypt it again for every call.
	const reference = node.credentials?.jumpCloudApi;
	const credentialsDecrypted: ICredentialsDecrypted | undefined =
		request.run?.credentials && reference ? { id: reference.id ?? '', name: reference.name, type: 'jumpCloudApi', data: request.run.credentials } : undefined;

	let unclear = false;
	let failedSends = 0;
	let throttledSends = 0;
	for (let attempt = 1; ; attempt++) {
		const context: ErrorContext = { ...baseContext, attempts: attempt };
		let failure: { kind: FailureKind; error: NodeApiError; waitMs?: number; throttled?: boolean };
		let response: IN8nHttpFullResponse | undefined;
		try {
			// A copy per send: the helper adds an abort signal and drops empty bodies on the object it gets.
			const sendOnce = async () =>
				(await this.helpers.httpRequestWithAuthentication.call(
					this,
					'jumpCloudApi',
					{ ...options, headers: { ...headers } },
					credentialsDecrypted && { credentialsDecrypted },
				)) as IN8nHttpFullResponse;
			response = request.run ? await request.run.limiter.run(sendOnce) : await sendOnce();
		} catch (error) {
			const network = networkFailureOf(error);
			failure = { kind: network.kind, error: jumpCloudNetworkError(node, network, context) };
		}
		if (response) {
			const statusCode = Number(response.statusCode);
			const responseHeaders = (response.headers ?? {}) as IDataObject;
			if (statusCode >= 300 && statusCode < 400) throw redirectError(node, statusCode, responseHeaders, context);
			if (statusCode < 400 || accepted.includes(statusCode)) {
				const parsed = parseAnswer(response.body, responseHeaders, statusCode < 400 ? request.expect ?? 'json' : 'any');
				const why = parsed.ok ? (statusCode < 400 ? request.validate?.(parsed.value) : undefined) : parsed.why;
				if (parsed.ok && why === undefined) {
					request.run?.limiter.succeeded();
					return { statusCode, headers: responseHeaders, body: parsed.value, afterUnclearAttempt: unclear };
				}
				failure = { kind: 'unclear', error: jumpCloudInvalidAnswerError(node, statusCode, why ?? 'unreadable', context) };
			} else {
				const parsed = parseAnswer(response.body, responseHeaders, 'any');
				const errorBody = parsed.ok ? parsed.value : String(response.body ?? '').slice(0, 500);
				const error = jumpCloudApiError(node, statusCode, errorBody, context);
				if (statusCode === 429) {
					request.run?.limiter.throttled();
					failure = { kind: 'notSent', error, waitMs: retryAfterMs(responseHeaders['retry-after']), throttled: true };
				} else if (statusCode >= 500) {
					failure = { kind: 'unclear', error, waitMs: retryAfterMs(responseHeaders['retry-after']) };
				} else {
					if (statusCode === 404) {
						if (organization) await blameUnknownOrganization.call(this, request, organization);
						throw markNotFound(error);
					}
					throw error;
				}
			}
		}
		// The send failed: decide whether (and when) to send it again.
		const current = failure!;
		if (current.kind === 'final') throw current.error;
		if (current.kind === 'unclear') {
			unclear = true;
			if (!repeatable) {
				if (!request.verify) throw jumpCloudUnclearError(node, current.error, context);
				let check: Verification;
				try {
					check = await request.verify();
				} catch {
					throw jumpCloudUnclearError(node, current.error, context);
				}
				if (check.applied) return { statusCode: 200, headers: {}, body: check.body, afterUnclearAttempt: true };
			}
		}
		// A 429 means JumpCloud did nothing: those are retried as long as the item's wait budget lasts (spread by
		// jitter, so throttled items do not all come back at once); other failures at most maxAttempts times.
		let waitMs: number;
		if (current.throttled) {
			throttledSends++;
			if (policy.maxAttempts === 1 || throttledSends >= MAX_THROTTLED_SENDS) throw current.error;
			waitMs = current.waitMs !== undefined ? current.waitMs + Math.random() * Math.min(1000, current.waitMs / 4) : backoffMs(throttledSends, policy);
		} else {
			failedSends++;
			if (failedSends >= policy.maxAttempts) throw current.error;
			waitMs = current.waitMs ?? backoffMs(failedSends, policy);
		}
		if (waitMs > budget.waitLeftMs) throw current.error;
		budget.waitLeftMs -= waitMs;
		if (waitMs > 0) await sleep(waitMs, abortSignal);
	}
}

/** JumpCloud does not redirect API calls; a redirect means a wrong host, and the key must not follow it. */
function redirectError(node: INode, statusCode: number, headers: IDataObject, context: ErrorContext): NodeApiError {
	let target = 'elsewhere';
	try {
		target = new URL(String(headers.location ?? ''), 'http://invalid').host || target;
	} catch {
		// no usable Location header
	}
	return new NodeApiError(node, { message: `HTTP ${statusCode}` } as JsonObject, {
		message: `The server redirected ${context.method} ${context.path} to ${target}`,
		description: "JumpCloud's API does not redirect, and the node never sends the API key to another host. Check the credential's 'Region' (or 'Base URL').",
		httpCode: String(statusCode),
		itemIndex: context.itemIndex,
	});
}

/**
 * The organization of a single-organization key, for routes that require `x-org-id` (Directory Insights
 * declares it on every operation) when neither the node nor the credential names one: learned from
 * `GET /api/organizations` (which takes no `x-org-id`), once per execution (kept in the run's state, never at
 * module level). A key that manages several organizations must choose one.
 */
async function keyOrganization(this: JumpCloudContext, request: JumpCloudRequest): Promise<ResolvedOrganization> {
	const cacheKey = '|insights|keyOrganization';
	const cache = request.run?.lookups;
	let found = cache?.get(cacheKey);
	if (!found) {
		found = jumpCloudRequest
			.call(this, {
				method: 'GET',
				path: '/api/organizations',
				qs: { fields: ['_id', 'displayName'], limit: 2 },
				itemIndex: request.itemIndex,
				timeoutMs: request.timeoutMs,
				retryPolicy: request.retryPolicy,
				retryBudget: request.retryBudget,
				run: request.run,
			})
			.then((response) => {
				const body = response.body as IDataObject;
				const results = Array.isArray(body?.results) ? (body.results as IDataObject[]) : [];
				return Number(body?.totalCount ?? results.length) > 1 ? [...results, {}] : results;
			});
		cache?.set(cacheKey, found);
		found.catch(() => cache?.delete(cacheKey));
	}
	const organizations = await found;
	if (organizations.length !== 1 || !isObjectId(String(organizations[0]._id ?? ''))) {
		throw new NodeOperationError(
			this.getNode(),
			organizations.length === 0 ? 'This API key manages no JumpCloud organization' : 'This API key manages several JumpCloud organizations: choose one',
			{
				itemIndex: request.itemIndex,
				description:
					"Directory Insights needs the organization to read. Set 'Options > Organization' on the node (the trigger: 'Options > Organizations'), or turn on 'Multiple Organizations' and set 'Default Organization ID' in the JumpCloud credential.",
			},
		);
	}
	return { id: String(organizations[0]._id), from: 'key' };
}

/**
 * JumpCloud answers 404 both for a missing record and for an organization it does not know. When a call that
 * named an organization gets a 404, the organization is looked up (once per execution) so the error blames
 * the right parameter.
 */
async function blameUnknownOrganization(
	this: JumpCloudContext,
	request: JumpCloudRequest,
	organization: ResolvedOrganization,
): Promise<void> {
	const checks = request.run?.organizationChecks;
	let exists = checks?.get(organization.id);
	if (!exists) {
		exists = jumpCloudRequest
			.call(this, {
				method: 'GET',
				path: `/api/organizations/${organization.id}`,
				qs: { fields: '_id' },
				acceptStatuses: [403, 404],
				itemIndex: request.itemIndex,
				timeoutMs: request.timeoutMs,
				retryPolicy: request.retryPolicy,
				retryBudget: request.retryBudget,
			})
			.then((response) => response.statusCode !== 404);
		checks?.set(organization.id, exists);
	}
	if (await exists) return;
	const parameter =
		organization.from === 'parameter'
			? "the 'Organization' parameter"
			: organization.from === 'credential'
				? "the credential's 'Default Organization ID'"
				: 'the organization the API key belongs to';
	throw new NodeApiError(this.getNode(), { message: 'Not Found' } as JsonObject, {
		message: `JumpCloud has no organization with the ID ${organization.id}`,
		description: `Check ${parameter}: pick the organization from the list, or use the ID of one this API key manages.`,
		httpCode: '404',
		itemIndex: request.itemIndex,
	});
}

/** One JumpCloud call; returns the parsed body (an empty answer becomes `{}`). */
export async function jumpCloudApiRequest(this: JumpCloudContext, request: JumpCloudRequest): Promise<IDataObject> {
	const { body } = await jumpCloudRequest.call(this, request);
	return (body === '' || body === undefined || body === null ? {} : body) as IDataObject;
}
