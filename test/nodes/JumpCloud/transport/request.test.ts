import { listPageOf, listShapeProblem, organizationFor, parseAnswer } from '../../../../nodes/JumpCloud/transport';
import { TEST_NODE } from '../../../helpers/engine';

const node = TEST_NODE;
const ORG_A = '5f0c1a2b3c4d5e6f7a8b9c0d';
const ORG_B = '60aa00bb11cc22dd33ee44ff';
const json = { 'content-type': 'application/json; charset=utf-8' };

describe('transport', () => {
	describe('parseAnswer', () => {
		it('parses JSON itself and refuses what JumpCloud never sends as a success', () => {
			expect(parseAnswer('{"a":1}', json, 'json')).toEqual({ ok: true, value: { a: 1 } });
			expect(parseAnswer('[]', json, 'json')).toEqual({ ok: true, value: [] });
			expect(parseAnswer('{"a":', json, 'json')).toEqual({ ok: false, why: 'its JSON is cut off or malformed' });
			expect(parseAnswer('', json, 'json')).toEqual({ ok: false, why: 'the body is empty' });
			expect(parseAnswer('"ok"', json, 'json')).toEqual({ ok: false, why: 'it is not a JSON object or list' });
			expect(parseAnswer('<html>hi</html>', { 'content-type': 'text/html' }, 'json')).toEqual({ ok: false, why: 'it is an HTML page, not JSON' });
		});

		it('takes an empty body where nothing is expected, but not an HTML page', () => {
			expect(parseAnswer('', {}, 'empty')).toEqual({ ok: true, value: '' });
			expect(parseAnswer('{}', json, 'empty')).toEqual({ ok: true, value: {} });
			expect(parseAnswer('<!DOCTYPE html><html></html>', { 'content-type': 'text/html' }, 'empty').ok).toBe(false);
			expect(parseAnswer('garbage', json, 'empty').ok).toBe(false);
		});

		it('keeps plain text where anything goes, but still refuses HTML and broken JSON', () => {
			expect(parseAnswer('OK', { 'content-type': 'text/plain' }, 'any')).toEqual({ ok: true, value: 'OK' });
			expect(parseAnswer('"ok"', json, 'any')).toEqual({ ok: true, value: 'ok' });
			expect(parseAnswer('<html></html>', { 'content-type': 'text/html' }, 'any').ok).toBe(false);
			expect(parseAnswer('{"cut', json, 'any').ok).toBe(false);
		});
	});

	describe('lists', () => {
		it('reads v1 {totalCount, results} and v2 arrays with x-total-count', () => {
			expect(listPageOf({ body: { totalCount: 130, results: [{ _id: 'a' }] }, headers: {} })).toEqual({ results: [{ _id: 'a' }], totalCount: 130 });
			expect(listPageOf({ body: [{ id: 'a' }], headers: { 'x-total-count': '12' } })).toEqual({ results: [{ id: 'a' }], totalCount: 12 });
			expect(listPageOf({ body: [], headers: {} })).toEqual({ results: [], totalCount: undefined });
		});

		it('says when an answer is not a list, so it is never taken for an empty one', () => {
			expect(listShapeProblem([])).toBeUndefined();
			expect(listShapeProblem({ results: [] })).toBeUndefined();
			expect(listShapeProblem({ message: 'oops' })).toContain('not a list');
			expect(listShapeProblem('')).toContain('not a list');
		});
	});

	describe('organizationFor', () => {
		const msp = { multipleOrganizations: true, organizationId: ORG_A };

		it('prefers the node choice, falls back to the credential default, and says which it used', () => {
			expect(organizationFor(node, { path: '/api/systemusers', organizationId: ORG_B }, msp)).toEqual({ id: ORG_B, from: 'parameter' });
			expect(organizationFor(node, { path: '/api/systemusers', organizationId: '' }, msp)).toEqual({ id: ORG_A, from: 'credential' });
			expect(organizationFor(node, { path: '/api/systemusers' }, {})).toBeUndefined();
		});

		it('sends none to organization routes', () => {
			expect(organizationFor(node, { path: '/api/organizations', organizationId: ORG_B }, msp)).toBeUndefined();
		});

		it('rejects malformed IDs, naming where they came from', () => {
			expect(() => organizationFor(node, { path: '/api/systemusers', organizationId: 'acme' }, msp)).toThrow(
				"'Options > Organization' is not a JumpCloud organization ID: \"acme\"",
			);
			expect(() => organizationFor(node, { path: '/api/systemusers' }, { multipleOrganizations: true, organizationId: 'x' })).toThrow(
				"The credential's 'Default Organization ID' \"x\" is not a JumpCloud organization ID",
			);
		});
	});
});
