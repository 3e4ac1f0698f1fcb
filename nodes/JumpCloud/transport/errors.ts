import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';

import { isInsightsPath } from './hosts';
import type { NetworkFailure } from './retry';

/** What the caller knows about the call, so the error can name the parameter to fix. */
export interface ErrorContext {
	method: string;
	path: string;
	itemIndex?: number;
	/** Description to use for a 404, e.g. "Check the 'User' parameter: no user has ID …". */
	notFoundHint?: string;
	/** Description to use for a 409, naming the option that resolves the conflict. */
	conflictHint?: string;
	/** How many times the call was sent, when more than once. */
	attempts?: number;
	/** The request timeout, for the message of a call that timed out. */
	timeoutMs?: number;
}

/** The call as a user can find it in JumpCloud's API reference: method and path, never the query. */
const callOf = (context: ErrorContext) => `${context.method} ${context.path}`;

/** Appended to a description when the call was sent more than once, so nobody re-runs it blindly. */
function retriedNote(context: ErrorContext): string {
	return context.attempts && context.attempts > 1 ? ` (sent ${context.attempts} times)` : '';
}

/** JumpCloud puts its text in `message`, sometimes `error` (fact sheet §3). */
export function jumpCloudMessageOf(body: unknown): string | undefined {
	if (typeof body === 'string') return body.trim() === '' ? undefined : body.trim().slice(0, 500);
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const { message, error } = body as IDataObject;
	if (typeof message === 'string' && message !== '') return message;
	if (typeof error === 'string' && error !== '') return error;
	return undefined;
}

/** `details[].fieldViolationsList[]` of a v1/v2 400, as "field: rule" strings. */
export function fieldViolationsOf(body: unknown): string[] {
	if (!body || typeof body !== 'object') return [];
	const details = (body as IDataObject).details;
	if (!Array.isArray(details)) return [];
	const violations: string[] = [];
	for (const detail of details as IDataObject[]) {
		const list = detail?.fieldViolationsList ?? detail?.fieldViolations;
		if (!Array.isArray(list)) continue;
		for (const violation of list as IDataObject[]) {
			violations.push(`${String(violation.field ?? '?')}: ${String(violation.description ?? '?')}`);
		}
	}
	return violations;
}

function describe(status: number, message: string, body: unknown, context: ErrorContext): string {
	if (status === 401 && /no organization selected/i.test(message)) {
		return "This API key belongs to a multi-organization (MSP) admin, so every call must name an organization. Set 'Options > Organization' on the node, or turn on 'Multiple Organizations' and set 'Default Organization ID' in the JumpCloud credential.";
	}
	if (status === 401) {
		return "JumpCloud rejected the API key. Check 'API Key' in the JumpCloud credential, and that its 'Region' matches the console your admins log into.";
	}
	if (status === 402 && isInsightsPath(context.path)) {
		return "Directory Insights is not enabled for this organization: it is not part of the organization's JumpCloud plan (HTTP 402). Add it to the plan in the JumpCloud console, or choose an organization that has it.";
	}
	if (status === 402) {
		return 'This JumpCloud feature is not enabled for the organization.';
	}
	if (status === 403 && isInsightsPath(context.path)) {
		return "JumpCloud refused to show this organization's Directory Insights events: the admin who owns this API key may not read them (command-runner admins get 403), the organization is not one this key manages, or its API access is disabled. Check the admin's role and the chosen organization.";
	}
	if (status === 403) {
		return "The admin who owns this API key may not do this, or the organization is not one this key manages. Check the admin's role and the 'Organization' parameter.";
	}
	if (status === 404) {
		return context.notFoundHint ?? `JumpCloud has nothing at ${context.method} ${context.path}. Check the IDs and the path.`;
	}
	if (status === 400) {
		const violations = fieldViolationsOf(body);
		const detail = violations.length ? ` Rejected fields: ${violations.join('; ')}.` : '';
		return `JumpCloud refused the request as invalid: ${message}.${detail} Fix the named field and run again.`;
	}
	if (status === 409) {
		return context.conflictHint ?? `JumpCloud reports a conflict: ${message}.`;
	}
	if (status === 429) {
		return `JumpCloud is rate limiting this API key and kept doing so while the node retried${retriedNote(context)}. Lower 'Options > Concurrency' or the number of items per run, raise 'Options > Max Retry Wait', or try again later.`;
	}
	if (status >= 500) {
		return `JumpCloud failed to process ${callOf(context)} (a server-side error)${retriedNote(context)}. Try again later.`;
	}
	return `JumpCloud answered ${status} to ${callOf(context)}.`;
}

/**
 * A NodeApiError built only from the status and the response body: the request (and so the API key) never
 * reaches the error, its message or the execution data.
 */
export function jumpCloudApiError(
	node: INode,
	status: number,
	body: unknown,
	context: ErrorContext,
): NodeApiError {
	const message = jumpCloudMessageOf(body) ?? `HTTP ${status}`;
	const safeBody: JsonObject =
		body && typeof body === 'object' && !Array.isArray(body) ? (body as JsonObject) : { message };
	return new NodeApiError(node, { ...safeBody, httpCode: String(status) } as JsonObject, {
		message: `JumpCloud: ${message}`,
		description: describe(status, message, body, context),
		httpCode: String(status),
		itemIndex: context.itemIndex,
	});
}

/** A send that got no complete HTTP answer: never connected, broken off, or timed out. */
export function jumpCloudNetworkError(node: INode, failure: NetworkFailure, context: ErrorContext): NodeApiError {
	const { code } = failure;
	let message: string;
	let description: string;
	// The code goes in the description: n8n replaces a message holding a system error code with its own text.
	if (failure.timedOut) {
		const seconds = context.timeoutMs !== undefined ? ` within ${context.timeoutMs / 1000} s` : '';
		message = `JumpCloud did not answer ${callOf(context)}${seconds}`;
		description = `The request timed out${retriedNote(context)}. Raise 'Options > Timeout', or try again later.`;
	} else if (failure.kind === 'notSent' || failure.kind === 'final') {
		message = 'Could not reach JumpCloud';
		description = `${code}: check the credential's 'Region' (or 'Base URL' for a custom host) and this n8n instance's network access to it${retriedNote(context)}.`;
	} else {
		message = `The connection to JumpCloud broke before it answered ${callOf(context)}`;
		description = `${code}: the network or JumpCloud closed the connection${retriedNote(context)}. Try again later.`;
	}
	return new NodeApiError(node, { message: code } as JsonObject, { message, description, itemIndex: context.itemIndex });
}

/** A 2xx answer that is not what JumpCloud sends (cut off, not JSON, an HTML page from a proxy). */
export function jumpCloudInvalidAnswerError(node: INode, status: number, why: string, context: ErrorContext): NodeApiError {
	return new NodeApiError(node, { message: why } as JsonObject, {
		message: `JumpCloud's answer to ${callOf(context)} is not valid: ${why}`,
		description: `A proxy or a broken connection may have changed it${retriedNote(context)}. Check the credential's 'Region' or 'Base URL', or try again later.`,
		httpCode: String(status),
		itemIndex: context.itemIndex,
	});
}

/**
 * A change that may have been applied although no clear answer came back, and that the node did not send
 * again because repeating it could apply it twice.
 */
export function jumpCloudUnclearError(node: INode, cause: NodeApiError, context: ErrorContext): NodeApiError {
	return new NodeApiError(node, { message: cause.message } as JsonObject, {
		message: `JumpCloud may have applied ${callOf(context)}: ${cause.message}`,
		description:
			'No clear answer came back, and sending it again could apply it twice, so the node did not. Check in JumpCloud whether it took effect before running this item again.',
		httpCode: cause.httpCode ?? undefined,
		itemIndex: context.itemIndex,
	});
}

/** A DELETE that found the record it had just read gone: someone else deleted it in between. */
export function deletedMeanwhileError(node: INode, notFoundHint: string, itemIndex: number): NodeApiError {
	return markNotFound(
		new NodeApiError(node, { message: 'Not Found' } as JsonObject, {
			message: 'JumpCloud: Not Found',
			description: `${notFoundHint} It was deleted by someone else a moment ago.`,
			httpCode: '404',
			itemIndex,
		}),
	);
}

/**
 * Marks an error as "the record asked for does not exist" (a 404 once the organization is known to exist, or
 * a lookup that found nobody), so Get's 'If Not Found' and the All Organizations lookups can tell it from
 * every other failure.
 */
export function markNotFound<E extends Error>(error: E): E {
	const target = error as E & { context?: IDataObject };
	target.context = { ...(target.context ?? {}), notFound: true };
	return error;
}

export function isNotFoundError(error: unknown): boolean {
	return (error as { context?: IDataObject } | undefined)?.context?.notFound === true;
}

const REDACTED = '[redacted]';

/** The text with every occurrence of the secret (the API key) replaced. Short secrets are left alone. */
export function redactSecret(text: string, secret: string | undefined): string {
	if (!secret || secret.length < 8 || !text.includes(secret)) return text;
	return text.split(secret).join(REDACTED);
}

/** Whether the secret occurs in any string of a JSON-like value (walked, not serialized: lists can be large). */
export function containsSecret(value: unknown, secret: string | undefined): boolean {
	if (!secret || secret.length < 8) return false;
	if (typeof value === 'string') return value.includes(secret);
	if (Array.isArray(value)) return value.some((entry) => containsSecret(entry, secret));
	if (value && typeof value === 'object') return Object.values(value as IDataObject).some((entry) => containsSecret(entry, secret));
	return false;
}

/** A copy of a JSON-like value with the secret redacted from every string in it. */
export function redactValue<T>(value: T, secret: string | undefined): T {
	if (!secret || secret.length < 8) return value;
	if (typeof value === 'string') return redactSecret(value, secret) as T;
	if (Array.isArray(value)) return value.map((entry) => redactValue(entry, secret)) as T;
	if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
		const copy: IDataObject = {};
		for (const [key, entry] of Object.entries(value as IDataObject)) copy[key] = redactValue(entry, secret);
		return copy as T;
	}
	return value;
}

/**
 * Removes the secret from an error in place (message, description, messages, the stored response and the
 * errors it wraps, which n8n's error reporter logs too), so a key pasted into a parameter and echoed back
 * never reaches the output, the execution data or the logs.
 */
export function redactError<E extends Error>(error: E, secret: string | undefined, seen = new Set<unknown>()): E {
	if (!secret || secret.length < 8 || seen.has(error)) return error;
	seen.add(error);
	const target = error as E & { description?: unknown; messages?: unknown; errorResponse?: unknown; context?: unknown; node?: unknown };
	target.message = redactSecret(target.message, secret);
	if (typeof target.stack === 'string') target.stack = redactSecret(target.stack, secret);
	if (typeof target.description === 'string') target.description = redactSecret(target.description, secret);
	if (Array.isArray(target.messages)) target.messages = redactValue(target.messages, secret);
	if (target.errorResponse !== undefined) target.errorResponse = redactValue(target.errorResponse, secret);
	if (target.context !== undefined) target.context = redactValue(target.context, secret);
	// n8n keeps the node (with its parameters, where a key may have been pasted) on the error it stores.
	if (target.node !== undefined) target.node = redactValue(target.node, secret);
	if (target.cause instanceof Error) redactError(target.cause, secret, seen);
	return error;
}
