import { parseApiPath } from '../../../../nodes/JumpCloud/actions/apiRequest';
import { userGroupFilters } from '../../../../nodes/JumpCloud/actions/userGroup';
import { TEST_NODE } from '../../../helpers/engine';

const node = TEST_NODE;

describe('API request path', () => {
	it('accepts v1 and v2 paths and splits a typed query string', () => {
		expect(parseApiPath(node, 0, '/api/systemusers')).toEqual({ path: '/api/systemusers', qs: {} });
		expect(parseApiPath(node, 0, 'api/v2/usergroups?limit=5&filter=a&filter=b')).toEqual({
			path: '/api/v2/usergroups',
			qs: { limit: '5', filter: ['a', 'b'] },
		});
	});

	it.each([
		['https://evil.example/api/systemusers', 'must be a path, not a URL'],
		['//evil.example/api', 'must be a path, not a URL'],
		['javascript:alert(1)', 'must be a path, not a URL'],
		['/api/../admin', 'has characters or segments'],
		['/api/a b', 'has characters or segments'],
		['/v1/systemusers', 'must start with /api/'],
		['/apix', 'must start with /api/'],
	])('refuses %s', (path, reason) => {
		expect(() => parseApiPath(node, 3, path)).toThrow(reason);
	});
});

describe('user group filters', () => {
	it('builds v2 filter terms', () => {
		expect(userGroupFilters({})).toEqual([]);
		expect(userGroupFilters({ name: 'Engineering', nameContains: 'eng' })).toEqual(['name:eq:Engineering', 'name:search:eng']);
	});
});
