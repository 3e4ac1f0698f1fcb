import type { IDataObject } from 'n8n-workflow';

/** Which JumpCloud API a path belongs to; each serializes repeated query values its own way. */
export type ApiFamily = 'v1' | 'v2' | 'insights';

export function apiFamilyOf(path: string): ApiFamily {
	if (/^\/api\/v2(\/|$)/.test(path)) return 'v2';
	if (/^\/insights\//.test(path)) return 'insights';
	return 'v1';
}

/**
 * v2 routes whose spec declares array query parameters `explode: true` (repeated `name=a&name=b`). Every
 * other v2 array parameter is `style: form, explode: false` (one `name=a,b`), e.g. `filter`, `fields`,
 * `sort` and `targets` of the directory routes (usergroups, systemgroups, users, systems, groups …).
 */
const V2_EXPLODED_ROUTES =
	/^\/api\/v2\/(alerts|alerts-stats|approvalflowrequest|approvalflows|feature-settings|google-emm|healthmonitoring|identityrisk|notifications|object-storage|password-vault|passwordmanager|privileged-access|reports|saved-views|service-accounts|software\/catalog)(\/|$)|^\/api\/v2\/applemdms\/[^/]+\/(abm_devices|background_tasks)$/;

/** v1 lists of field names are one space-separated string (spec: `fields`, `sort`). */
const V1_SPACE_LISTS = new Set(['fields', 'sort']);

const encodeKey = (key: string) => encodeURIComponent(key).replace(/%5B/gi, '[').replace(/%5D/gi, ']');

function scalar(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

/**
 * The query string (without `?`) for a JumpCloud path. Scalars are `name=value`; an array value is
 * serialized the way the path's API defines it:
 * - v1 `filter`: `filter[0]=…&filter[1]=…` (v1's documented AND form); v1 `fields`/`sort`: one
 *   space-separated value; other v1 arrays: repeated names.
 * - v2: `name=a,b` (form, explode false), or repeated names on the routes whose spec says `explode: true`.
 * - Directory Insights: repeated names (its query parameters are scalars; its lists go in JSON bodies).
 * Every value is percent-encoded, so `+`, `&`, `#`, `%` and spaces in a value reach JumpCloud as typed;
 * the separator commas of a v2 list stay literal.
 */
export function queryStringOf(path: string, qs: IDataObject | undefined): string {
	if (!qs) return '';
	const family = apiFamilyOf(path);
	const pairs: string[] = [];
	const add = (key: string, value: string) => pairs.push(`${encodeKey(key)}=${encodeURIComponent(value)}`);
	for (const [key, raw] of Object.entries(qs)) {
		if (!Array.isArray(raw)) {
			const value = scalar(raw);
			if (value !== undefined) add(key, value);
			continue;
		}
		const values = raw.map(scalar).filter((value): value is string => value !== undefined);
		if (values.length === 0) continue;
		if (family === 'v2' && !V2_EXPLODED_ROUTES.test(path)) {
			pairs.push(`${encodeKey(key)}=${values.map((value) => encodeURIComponent(value)).join(',')}`);
		} else if (family === 'v1' && key === 'filter') {
			values.forEach((value, index) => add(`filter[${index}]`, value));
		} else if (family === 'v1' && V1_SPACE_LISTS.has(key)) {
			add(key, values.join(' '));
		} else {
			for (const value of values) add(key, value);
		}
	}
	return pairs.join('&');
}

/** A v2 filter value may not hold the list separator: JumpCloud decodes the query, then splits on commas. */
export const V2_FILTER_SEPARATOR = ',';

/**
 * v2 filter terms for one condition, and `matches`, the exact test to apply to the records the server
 * returns when the terms alone are not exact (`undefined` when they are).
 */
export interface V2Condition {
	filter: string[];
	matches?: (record: IDataObject) => boolean;
}

/**
 * Records whose `field` equals `value` exactly. A value holding the separator cannot be sent inside an `eq`
 * term, so it is narrowed on the server by its separator-free parts (`search` terms, ANDed) and compared
 * exactly by `matches`, rather than by listing the whole collection.
 */
export function v2ExactMatch(field: string, value: string): V2Condition {
	if (!value.includes(V2_FILTER_SEPARATOR)) return { filter: [`${field}:eq:${value}`] };
	return { filter: v2SearchTerms(field, value), matches: (record) => record[field] === value };
}

/** Records whose `field` contains `value`, not case-sensitively (v2 `search`); split and checked like above. */
export function v2Contains(field: string, value: string): V2Condition {
	if (!value.includes(V2_FILTER_SEPARATOR)) return { filter: [`${field}:search:${value}`] };
	const needle = value.toLowerCase();
	return { filter: v2SearchTerms(field, value), matches: (record) => String(record[field] ?? '').toLowerCase().includes(needle) };
}

/** Several conditions ANDed: all their terms, and a test that runs each condition's own check. */
export function v2AllOf(conditions: V2Condition[]): V2Condition {
	const checks = conditions.flatMap((condition) => (condition.matches ? [condition.matches] : []));
	return {
		filter: conditions.flatMap((condition) => condition.filter),
		matches: checks.length ? (record) => checks.every((check) => check(record)) : undefined,
	};
}

function v2SearchTerms(field: string, value: string): string[] {
	const parts = value
		.split(V2_FILTER_SEPARATOR)
		.map((part) => part.trim())
		.filter((part) => part !== '');
	return [...new Set(parts)].map((part) => `${field}:search:${part}`);
}
