import { apiFamilyOf, queryStringOf, v2AllOf, v2Contains, v2ExactMatch } from '../../../../nodes/JumpCloud/transport';

describe('query serialization', () => {
	it('tells the APIs apart by path', () => {
		expect(apiFamilyOf('/api/systemusers')).toBe('v1');
		expect(apiFamilyOf('/api/v2/usergroups')).toBe('v2');
		expect(apiFamilyOf('/insights/directory/v1/events')).toBe('insights');
	});

	it('percent-encodes every value, so +, &, #, % and spaces arrive as typed', () => {
		expect(queryStringOf('/api/systemusers', { filter: 'email:$eq:jane+it@acme.example', limit: 2 })).toBe('filter=email%3A%24eq%3Ajane%2Bit%40acme.example&limit=2');
		expect(queryStringOf('/api/v2/usergroups', { filter: 'name:eq:R&D #1 50%' })).toBe('filter=name%3Aeq%3AR%26D%20%231%2050%25');
		expect(queryStringOf('/api/systemusers', { a: 'é€', b: true, c: undefined, d: null })).toBe('a=%C3%A9%E2%82%AC&b=true');
	});

	it('joins v2 arrays with literal commas (style form, explode false), each value encoded', () => {
		expect(queryStringOf('/api/v2/usergroups', { filter: ['name:eq:A', 'type:eq:user_group'], fields: ['id', 'name'] })).toBe(
			'filter=name%3Aeq%3AA,type%3Aeq%3Auser_group&fields=id,name',
		);
		expect(queryStringOf('/api/v2/users/x/memberof', { filter: ['type:eq:user_group'] })).toBe('filter=type%3Aeq%3Auser_group');
	});

	it('repeats names on the v2 routes whose spec says explode: true', () => {
		expect(queryStringOf('/api/v2/alerts', { filter: ['a', 'b'] })).toBe('filter=a&filter=b');
		expect(queryStringOf('/api/v2/passwordmanager/devices', { fields: ['x', 'y'] })).toBe('fields=x&fields=y');
		expect(queryStringOf('/api/v2/applemdms/abc/abm_devices', { sort: ['a', 'b'] })).toBe('sort=a&sort=b');
		expect(queryStringOf('/api/v2/applemdms/abc/devices', { sort: ['a', 'b'] })).toBe('sort=a,b');
	});

	it("serializes v1 arrays in v1's forms: filter[n] (AND), space-separated fields and sort, else repeated", () => {
		expect(queryStringOf('/api/systemusers', { filter: ['a:$eq:1', 'b:$eq:2'] })).toBe('filter[0]=a%3A%24eq%3A1&filter[1]=b%3A%24eq%3A2');
		expect(queryStringOf('/api/systemusers', { fields: ['_id', 'email'], sort: ['-created', 'username'] })).toBe('fields=_id%20email&sort=-created%20username');
		expect(queryStringOf('/api/systemusers', { 'filter[or][0]': 'a:$eq:1' })).toBe('filter[or][0]=a%3A%24eq%3A1');
		expect(queryStringOf('/api/systemusers', { x: ['1', '2'] })).toBe('x=1&x=2');
	});

	it('keeps a v2 exact match exact when the value holds the separator', () => {
		expect(v2ExactMatch('name', 'Engineering')).toEqual({ filter: ['name:eq:Engineering'] });
		const comma = v2ExactMatch('name', 'R&D, Europe, R&D');
		expect(comma.filter).toEqual(['name:search:R&D', 'name:search:Europe']);
		expect([{ name: 'R&D, Europe, R&D' }, { name: 'R&D, Europe' }, { name: 'r&d, europe, r&d' }].map((g) => comma.matches!(g))).toEqual([true, false, false]);
		const contains = v2Contains('name', 'd, e');
		expect(contains.filter).toEqual(['name:search:d', 'name:search:e']);
		expect(contains.matches!({ name: 'R&D, Europe' })).toBe(true);
		expect(contains.matches!({ name: 'RD Europe' })).toBe(false);
		expect(v2AllOf([v2ExactMatch('name', 'A'), v2Contains('name', 'x')])).toEqual({ filter: ['name:eq:A', 'name:search:x'], matches: undefined });
	});
});
