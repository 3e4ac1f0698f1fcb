/**
 * When a JumpCloud call is sent again, and how long the node waits first. Pure functions and constants only:
 * the per-item budget lives in the item's scope, never at module level.
 */

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RETRY_WAIT_MS = 60_000;

/** How often and how long one call is retried; derived from the item's "Max Retry Wait". */
export interface RetryPolicy {
	/** Sends of one call, the first included. */
	maxAttempts: number;
	/** First back-off step; doubles per attempt, with jitter. */
	baseDelayMs: number;
	/** No single wait is longer than this. */
	maxDelayMs: number;
}

/** What an item may still spend waiting between retries (shared by all the calls the item makes). */
export interface RetryBudget {
	waitLeftMs: number;
}

const MAX_ATTEMPTS = 5;
/** The back-off steps of MAX_ATTEMPTS sends add up to 15 base delays (1 + 2 + 4 + 8). */
const BACKOFF_STEPS = 15;

/**
 * The policy for a retry budget: 5 sends; the back-off starts at 500 ms, or lower when the budget is too
 * small to hold the whole back-off, so a short budget still gets every retry. A budget of 0 never retries.
 */
export function retryPolicyFor(maxRetryWaitMs: number): RetryPolicy {
	const budget = Math.max(0, maxRetryWaitMs);
	return {
		maxAttempts: budget === 0 ? 1 : MAX_ATTEMPTS,
		baseDelayMs: Math.min(500, budget / BACKOFF_STEPS),
		maxDelayMs: Math.min(30_000, budget),
	};
}

/** Exponential back-off with "equal jitter": half fixed, half random, so parallel clients spread out. */
export function backoffMs(attempt: number, policy: RetryPolicy, random = Math.random()): number {
	const exponential = policy.baseDelayMs * 2 ** (attempt - 1);
	return Math.min(exponential / 2 + (exponential / 2) * random, policy.maxDelayMs);
}

/** `Retry-After` as delay-seconds or as an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function retryAfterMs(header: unknown, now = Date.now()): number | undefined {
	const raw = Array.isArray(header) ? header[0] : header;
	if (raw === undefined || raw === null) return undefined;
	const text = String(raw).trim();
	if (text === '') return undefined;
	if (/^\d+$/.test(text)) return Number(text) * 1000;
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

/**
 * How a failed send ended, as far as the client can know:
 * - `notSent`: the request never reached JumpCloud (refused, DNS) or JumpCloud says it did nothing (429).
 * - `unclear`: it may or may not have been applied (5xx, reset, timeout, an answer that is not what JumpCloud
 *   sends): repeating it is safe only for repeatable requests, or after checking.
 * - `final`: repeating cannot help (unknown host, TLS failure).
 */
export type FailureKind = 'notSent' | 'unclear' | 'final';

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);
const FINAL_CODES = new Set([
	'ENOTFOUND',
	'CERT_HAS_EXPIRED',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'ERR_TLS_CERT_ALTNAME_INVALID',
	'ERR_INVALID_URL',
	'ERR_FR_TOO_MANY_REDIRECTS',
	'ERR_CANCELED',
]);
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

export interface NetworkFailure {
	kind: FailureKind;
	/** The system or library code, e.g. ECONNRESET. */
	code: string;
	timedOut: boolean;
}

/** Reads the code of an error thrown by n8n's request helper (a NodeApiError around an AxiosError). */
export function networkFailureOf(error: unknown): NetworkFailure {
	const raw = error as { code?: unknown; cause?: { code?: unknown; cause?: { code?: unknown } }; httpCode?: unknown };
	const candidates = [raw?.cause?.code, raw?.cause?.cause?.code, raw?.code];
	const code = String(candidates.find((value) => typeof value === 'string' && value !== '') ?? 'NETWORK_ERROR');
	const timedOut = TIMEOUT_CODES.has(code);
	const kind: FailureKind = NOT_SENT_CODES.has(code) ? 'notSent' : FINAL_CODES.has(code) ? 'final' : 'unclear';
	return { kind, code, timedOut };
}
