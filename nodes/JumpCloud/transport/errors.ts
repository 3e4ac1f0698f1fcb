import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';

/** What the caller knows about the call, so the error can name the parameter to fix. */
export interface ErrorContext {
	method: string;
	path: string;
	itemIndex?: number;
	/** Description to use for a 404, e.g. "Check the 'User' parameter: no user has ID …". */
	notFoundHint?: string;
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
		return "This API key belongs to a multi-organization (MSP) admin, so every call must name an organization. Set 'Organization' on the node, or turn on 'Multiple Organizations' and set 'Default Organization ID' in the JumpCloud credential.";
	}
	if (status === 401) {
		return "JumpCloud rejected the API key. Check 'API Key' in the JumpCloud credential, and that its 'Region' matches the console your admins log into.";
	}
	if (status === 402) {
		return 'This JumpCloud feature is not enabled for the organization.';
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
		return `JumpCloud reports a conflict: ${message}.`;
	}
	if (status === 429) {
		return 'JumpCloud is rate limiting this API key and kept doing so after several retries. Lower the number of items per run or try again later.';
	}
	if (status >= 500) {
		return 'JumpCloud failed to process the request (a server-side error). It was retried where that is safe; try again later.';
	}
	return `JumpCloud answered ${status} to ${context.method} ${context.path}.`;
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

/** A request that never got an HTTP answer (refused, DNS, TLS, timeout). */
export function jumpCloudNetworkError(node: INode, error: unknown, context: ErrorContext): NodeApiError {
	const raw = error as { code?: string; cause?: { code?: string }; message?: string };
	const code = raw?.code ?? raw?.cause?.code ?? 'NETWORK_ERROR';
	return new NodeApiError(node, { message: code } as JsonObject, {
		message: `Could not reach JumpCloud (${code})`,
		description:
			"Check the credential's 'Region' (or 'Base URL' for a custom host) and this n8n instance's network access to it.",
		itemIndex: context.itemIndex,
	});
}
