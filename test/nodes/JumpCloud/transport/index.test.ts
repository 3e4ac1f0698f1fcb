import {
	isRetryable,
	listPageOf,
	organizationFor,
	retryDelayMs,
	RETRY_POLICY,
} from '../../../../nodes/JumpCloud/transport';
import { TEST_NODE } from '../../../helpers/engine';

const node = TEST_NODE;
const ORG_A = '5f0c1a2b3c4d5e6f7a8b9c0d';
const ORG_B = '60aa00bb11cc22dd33ee44ff';

describe('transport', () => {
	describe('listPageOf', () => {
		it('reads v1 {totalCount, results}', () => {
			expect(listPageOf({ body: { totalCount: 130, results: [{ _id: 'a' }] }, headers: {} })).toEqual({
				results: [{ _id: 'a' }],
				totalCount: 130,
			});
		});

		it('reads a v2 bare array with x-total-count', () => {
			expect(listPageOf({ body: [{ id: 'a' }, { id: 'b' }], headers: { 'x-total-count': '12' } })).toEqual({
				results: [{ id: 'a' }, { id: 'b' }],
				totalCount: 12,
			});
			expect(listPageOf({ body: [], headers: {} })).toEqual({ results: [], totalCount: undefined });
		});

		it('treats anything else as an empty page', () => {
			expect(listPageOf({ body: '', headers: {} })).toEqual({ results: [] });
		});
	});

	describe('retries', () => {
		it('retries 429 and 503 for every method, other 5xx only for idempotent ones', () => {
			expect(isRetryable(429, 'POST')).toBe(true);
			expect(isRetryable(503, 'POST')).toBe(true);
			expect(isRetryable(502, 'GET')).toBe(true);
			expect(isRetryable(504, 'PUT')).toBe(true);
			expect(isRetryable(500, 'DELETE')).toBe(true);
			expect(isRetryable(502, 'POST')).toBe(false);
			expect(isRetryable(500, 'POST')).toBe(false);
			expect(isRetryable(400, 'GET')).toBe(false);
			expect(isRetryable(404, 'GET')).toBe(false);
			expect(isRetryable(409, 'POST')).toBe(false);
		});

		it('honours Retry-After and caps it', () => {
			expect(retryDelayMs(1, '2')).toBe(2000);
			expect(retryDelayMs(1, '0')).toBe(0);
			expect(retryDelayMs(1, '3600')).toBe(RETRY_POLICY.maxDelayMs);
		});

		it('backs off exponentially with jitter without Retry-After', () => {
			expect(retryDelayMs(1, undefined, 0)).toBe(RETRY_POLICY.baseDelayMs / 2);
			expect(retryDelayMs(1, undefined, 1)).toBe(RETRY_POLICY.baseDelayMs);
			expect(retryDelayMs(3, undefined, 1)).toBe(RETRY_POLICY.baseDelayMs * 4);
			expect(retryDelayMs(20, undefined, 1)).toBe(RETRY_POLICY.maxDelayMs);
		});
	});

	describe('organizationFor', () => {
		const msp = { multipleOrganizations: true, organizationId: ORG_A };

		it('prefers the node choice, falls back to the credential default', () => {
			expect(organizationFor(node, { path: '/api/systemusers', organizationId: ORG_B }, msp)).toBe(ORG_B);
			expect(organizationFor(node, { path: '/api/systemusers', organizationId: '' }, msp)).toBe(ORG_A);
			expect(organizationFor(node, { path: '/api/systemusers' }, {})).toBeUndefined();
		});

		it('sends none to organization routes', () => {
			expect(organizationFor(node, { path: '/api/organizations', organizationId: ORG_B }, msp)).toBeUndefined();
		});

		it('rejects malformed IDs, naming where they came from', () => {
			expect(() => organizationFor(node, { path: '/api/systemusers', organizationId: 'acme' }, msp)).toThrow(
				"The 'Organization' parameter \"acme\" is not a JumpCloud organization ID",
			);
			expect(() =>
				organizationFor(node, { path: '/api/systemusers' }, { multipleOrganizations: true, organizationId: 'x' }),
			).toThrow("The credential's 'Default Organization ID' \"x\" is not a JumpCloud organization ID");
		});
	});
});
