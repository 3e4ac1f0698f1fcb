import { backoffMs, networkFailureOf, retryAfterMs, retryPolicyFor } from '../../../../nodes/JumpCloud/transport';

describe('retry rules', () => {
	it('derives the policy from the item budget: 5 sends, a back-off that fits the budget, none for 0', () => {
		expect(retryPolicyFor(60_000)).toEqual({ maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 30_000 });
		expect(retryPolicyFor(1500)).toEqual({ maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1500 });
		expect(retryPolicyFor(0)).toEqual({ maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 });
	});

	it('backs off exponentially with jitter, capped', () => {
		const policy = retryPolicyFor(60_000);
		expect(backoffMs(1, policy, 0)).toBe(250);
		expect(backoffMs(1, policy, 1)).toBe(500);
		expect(backoffMs(3, policy, 1)).toBe(2000);
		expect(backoffMs(20, policy, 1)).toBe(30_000);
		// The whole back-off of a short budget fits in it.
		const short = retryPolicyFor(1500);
		expect([1, 2, 3, 4].reduce((sum, attempt) => sum + backoffMs(attempt, short, 1), 0)).toBeLessThanOrEqual(1500);
	});

	it('reads Retry-After as seconds or as an HTTP date', () => {
		const now = Date.parse('2026-11-28T12:00:00Z');
		expect(retryAfterMs('2', now)).toBe(2000);
		expect(retryAfterMs(['0'], now)).toBe(0);
		expect(retryAfterMs('Sat, 28 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
		expect(retryAfterMs('Sat, 28 Nov 2026 11:59:00 GMT', now)).toBe(0);
		expect(retryAfterMs('soon', now)).toBeUndefined();
		expect(retryAfterMs(undefined, now)).toBeUndefined();
		expect(retryAfterMs('', now)).toBeUndefined();
	});

	it("classifies the request helper's errors: never sent, unclear, or final", () => {
		const axios = (code: string) => ({ name: 'NodeApiError', cause: { name: 'AxiosError', code } });
		expect(networkFailureOf(axios('ECONNREFUSED'))).toEqual({ kind: 'notSent', code: 'ECONNREFUSED', timedOut: false });
		expect(networkFailureOf(axios('ECONNRESET'))).toEqual({ kind: 'unclear', code: 'ECONNRESET', timedOut: false });
		expect(networkFailureOf(axios('ERR_BAD_RESPONSE'))).toEqual({ kind: 'unclear', code: 'ERR_BAD_RESPONSE', timedOut: false });
		expect(networkFailureOf(axios('ECONNABORTED'))).toEqual({ kind: 'unclear', code: 'ECONNABORTED', timedOut: true });
		expect(networkFailureOf(axios('ENOTFOUND'))).toEqual({ kind: 'final', code: 'ENOTFOUND', timedOut: false });
		expect(networkFailureOf(axios('ERR_CANCELED')).kind).toBe('final');
		expect(networkFailureOf(new Error('?'))).toEqual({ kind: 'unclear', code: 'NETWORK_ERROR', timedOut: false });
	});
});
