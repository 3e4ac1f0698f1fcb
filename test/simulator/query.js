// @ts-check
'use strict';
/**
 * Query-parameter handling for the JumpCloud simulator: errors, limit/skip parsing, v1 and v2
 * filter syntax, sorting and field projection. No state lives here.
 *
 * Sources: shared/jumpcloud-api.md §2 and the spec parameter traits
 * (v1.yaml components/parameters/trait_filter_filter etc., v2.yaml trait_filter_filter etc.).
 */

const http = require('http');

/** @typedef {'v1' | 'v2'} ApiFlavor */
/** @typedef {Record<string, string | string[]>} QueryObject */

/**
 * An error that the router turns into an HTTP response.
 * Default body (see formatError): v1 `{code, message, status: <HTTP reason>}`;
 * v2 `{code, message}` plus `status` only when a lowerCamel machine code is given
 * (spec v2 `Error.status`). `exact` bypasses formatting (used for the bodies observed in the wild).
 */
class ApiError extends Error {
	/**
	 * @param {number} status HTTP status
	 * @param {string} message
	 * @param {{ exact?: Record<string, unknown>, details?: unknown[], statusText?: string, v2Status?: string, headers?: Record<string, string> }} [opts]
	 */
	constructor(status, message, opts = {}) {
		super(message);
		this.httpStatus = status;
		this.opts = opts;
	}
}

/**
 * @param {ApiError} err
 * @param {ApiFlavor} flavor
 * @returns {Record<string, unknown>}
 */
function formatError(err, flavor) {
	if (err.opts.exact) return err.opts.exact;
	/** @type {Record<string, unknown>} */
	const body = { code: err.httpStatus, message: err.message };
	if (err.opts.statusText) body.status = err.opts.statusText;
	else if (flavor === 'v1') body.status = http.STATUS_CODES[err.httpStatus] || 'Error';
	else if (err.opts.v2Status) body.status = err.opts.v2Status;
	if (err.opts.details) body.details = err.opts.details;
	return body;
}

/** @param {string} message @param {string} [v2Status] */
const badRequest = (message, v2Status) => new ApiError(400, message, { v2Status });
const notFound = (message = 'Not Found') => new ApiError(404, message);

const HEX24 = /^[0-9a-fA-F]{24}$/;
/** @param {unknown} v @returns {v is string} */
const isObjectId = (v) => typeof v === 'string' && HEX24.test(v);

/**
 * URLSearchParams -> plain object; repeated keys become arrays.
 * Note: URLSearchParams decodes `+` as a space (the real pitfall of §11.3).
 * @param {URLSearchParams} params
 * @returns {QueryObject}
 */
function queryToObject(params) {
	/** @type {QueryObject} */
	const out = {};
	for (const [k, v] of params) {
		const prev = out[k];
		if (prev === undefined) out[k] = v;
		else if (Array.isArray(prev)) prev.push(v);
		else out[k] = [prev, v];
	}
	return out;
}

/**
 * Parse an integer paging parameter. '' or absent → default.
 * @param {QueryObject} query
 * @param {string} name
 * @param {number} def
 * @param {number} [max]
 */
function intParam(query, name, def, max) {
	const raw = query[name];
	if (raw === undefined || raw === '') return def;
	if (Array.isArray(raw)) {
		throw badRequest(`Bad Request: request parameter "${name}" must be a single integer`);
	}
	if (!/^-?\d+$/.test(raw)) {
		throw badRequest(`Bad Request: request parameter "${name}" must be of type integer`);
	}
	const n = Number(raw);
	if (n < 0) throw badRequest(`Bad Request: request parameter "${name}" is less than minimum value of 0`);
	if (max !== undefined && n > max) {
		throw badRequest(`Bad Request: request parameter "${name}" exceeds maximum value of ${max}`);
	}
	return n;
}

/**
 * `limit` (default 10, max 100; 0 is accepted and means the default — unconfirmed) and `skip`.
 * @param {QueryObject} query
 */
function paging(query) {
	const limit = intParam(query, 'limit', 10, 100) || 10;
	const skip = intParam(query, 'skip', 0);
	return { limit, skip };
}

/**
 * Values at a dotted path; arrays are flattened (Mongo-like: a filter on an array field matches
 * when any element matches). A missing field yields [].
 * @param {any} obj
 * @param {string} path
 * @returns {unknown[]}
 */
function valuesAt(obj, path) {
	/** @type {unknown[]} */
	let current = [obj];
	for (const part of path.split('.')) {
		/** @type {unknown[]} */
		const next = [];
		for (const c of current) {
			if (c === null || c === undefined) continue;
			if (Array.isArray(c)) {
				for (const el of c) {
					if (el && typeof el === 'object' && part in el) next.push(/** @type {any} */ (el)[part]);
				}
			} else if (typeof c === 'object' && part in c) {
				next.push(/** @type {any} */ (c)[part]);
			}
		}
		current = next;
	}
	/** @type {unknown[]} */
	const flat = [];
	for (const c of current) {
		if (Array.isArray(c)) flat.push(...c);
		else flat.push(c);
	}
	return flat;
}

/**
 * Equality between a stored value and a filter value (a string from a query, or any JSON value
 * from a search body). Strings compare case-sensitively.
 * @param {unknown} stored
 * @param {unknown} wanted
 */
function valueEquals(stored, wanted) {
	if (stored === wanted) return true;
	if (typeof wanted !== 'string') return false;
	if (typeof stored === 'boolean') return String(stored) === wanted;
	if (typeof stored === 'number') return wanted.trim() !== '' && Number(wanted) === stored;
	if (stored === null) return wanted === 'null';
	return false;
}

/**
 * Ordering comparison used by $lt/$gt/lt/gt; undefined when not comparable.
 * @param {unknown} stored
 * @param {unknown} wanted
 * @returns {number | undefined}
 */
function valueCompare(stored, wanted) {
	if (typeof stored === 'number') {
		const w = typeof wanted === 'number' ? wanted : Number(wanted);
		if (typeof wanted === 'string' && wanted.trim() === '') return undefined;
		if (Number.isNaN(w)) return undefined;
		return stored - w;
	}
	if (typeof stored === 'string' && (typeof wanted === 'string' || typeof wanted === 'number')) {
		const w = String(wanted);
		return stored < w ? -1 : stored > w ? 1 : 0;
	}
	return undefined;
}

/**
 * Split on unescaped `|`; `\|` becomes a literal pipe (spec trait_filter_filter).
 * @param {string} value
 */
function splitPipes(value) {
	/** @type {string[]} */
	const out = [];
	let cur = '';
	for (let i = 0; i < value.length; i++) {
		const ch = value[i];
		if (ch === '\\' && value[i + 1] === '|') {
			cur += '|';
			i++;
		} else if (ch === '|') {
			out.push(cur);
			cur = '';
		} else cur += ch;
	}
	out.push(cur);
	return out;
}

/** @typedef {(record: any) => boolean} Predicate */

const V1_OPS = new Set(['$eq', '$ne', '$in', '$nin', '$lt', '$lte', '$gt', '$gte', '$sw']);
const V1_EC_OPS = new Set(['$sw', '$ew', '$co', '$nco']);

/**
 * Build a predicate for a single v1 filter term `field:$op:value`.
 * Without `x-eventually-consistent: true`, `$sw` takes one (pipe-unescaped) term and
 * `$ew $co $nco` are rejected with 400; with it, those four take `|`-separated terms.
 * @param {string} term
 * @param {boolean} eventuallyConsistent
 * @returns {Predicate}
 */
function v1Term(term, eventuallyConsistent) {
	const m = /^([^:]+):(\$[A-Za-z]+):([\s\S]*)$/.exec(term);
	if (!m) {
		throw badRequest(
			`Bad Request: invalid filter "${term}": expected <field>:<$operator>:<value>, e.g. username:$eq:jdoe`,
		);
	}
	const [, field, op, value] = m;
	const multi = eventuallyConsistent && V1_EC_OPS.has(op);
	if (!V1_OPS.has(op) && !multi) {
		throw badRequest(
			V1_EC_OPS.has(op)
				? `Bad Request: filter operator "${op}" requires the x-eventually-consistent: true header`
				: `Bad Request: invalid filter operator "${op}"`,
		);
	}
	/** @param {(v: unknown) => boolean} fn @returns {Predicate} */
	const any = (fn) => (r) => valuesAt(r, field).some(fn);
	const str = (/** @type {unknown} */ v) => (typeof v === 'string' ? v : undefined);
	/** @param {(c: number) => boolean} test @returns {Predicate} */
	const cmpWith = (test) =>
		any((v) => {
			const c = valueCompare(v, value);
			return c !== undefined && test(c);
		});
	switch (op) {
		case '$eq':
			return any((v) => valueEquals(v, value));
		case '$ne':
			return (r) => !valuesAt(r, field).some((v) => valueEquals(v, value));
		case '$in': {
			const terms = splitPipes(value);
			return any((v) => terms.some((t) => valueEquals(v, t)));
		}
		case '$nin': {
			const terms = splitPipes(value);
			return (r) => !valuesAt(r, field).some((v) => terms.some((t) => valueEquals(v, t)));
		}
		case '$lt':
			return cmpWith((c) => c < 0);
		case '$lte':
			return cmpWith((c) => c <= 0);
		case '$gt':
			return cmpWith((c) => c > 0);
		case '$gte':
			return cmpWith((c) => c >= 0);
		case '$sw': {
			const terms = multi ? splitPipes(value) : [splitPipes(value).join('|')];
			return any((v) => terms.some((t) => str(v)?.startsWith(t) === true));
		}
		case '$ew': {
			const terms = splitPipes(value);
			return any((v) => terms.some((t) => str(v)?.endsWith(t) === true));
		}
		case '$co': {
			const terms = splitPipes(value);
			return any((v) => terms.some((t) => str(v)?.includes(t) === true));
		}
		case '$nco': {
			const terms = splitPipes(value);
			return (r) => !valuesAt(r, field).some((v) => terms.some((t) => str(v)?.includes(t) === true));
		}
		default:
			throw badRequest(`Bad Request: invalid filter operator "${op}"`);
	}
}

/** @param {string | string[]} v */
const asArray = (v) => (Array.isArray(v) ? v : [v]);

/**
 * v1 query filters: `filter=..` (repeatable), `filter[0]=..`, `filter[and][0]=..` are ANDed;
 * `filter[or][0]=..` terms are ORed (and that OR group is ANDed with the rest).
 * @param {QueryObject} query
 * @param {boolean} eventuallyConsistent
 * @returns {Predicate}
 */
function v1QueryFilter(query, eventuallyConsistent) {
	/** @type {Predicate[]} */
	const and = [];
	/** @type {Predicate[]} */
	const or = [];
	for (const [key, raw] of Object.entries(query)) {
		if (!key.startsWith('filter')) continue;
		let target;
		if (/^filter(\[\d*\])?$/.test(key) || /^filter\[and\]\[\d*\]$/.test(key)) target = and;
		else if (/^filter\[or\]\[\d*\]$/.test(key)) target = or;
		else throw badRequest(`Bad Request: invalid filter parameter "${key}"`);
		for (const term of asArray(raw)) {
			if (term === '') continue;
			target.push(v1Term(term, eventuallyConsistent));
		}
	}
	return (r) => and.every((p) => p(r)) && (or.length === 0 || or.some((p) => p(r)));
}

const V2_OPS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'search', 'in']);

/**
 * v2 filters: every `filter` value is split on `,` (spec style form, explode false); all terms
 * are ANDed, whether comma-joined or repeated. Ops: eq ne gt ge lt le search in
 * (`search` = case-insensitive substring; `in` = `|`-separated values). `between` and wildcards
 * are not simulated (400).
 * @param {QueryObject} query
 * @param {Set<string> | undefined} allowedFields if given, other fields give 400
 * @param {(record: any, field: string) => unknown[]} [getter]
 * @returns {Predicate}
 */
function v2QueryFilter(query, allowedFields, getter = valuesAt) {
	const raw = query.filter;
	/** @type {Predicate[]} */
	const preds = [];
	if (raw !== undefined) {
		for (const joined of asArray(raw)) {
			for (const term of joined.split(',')) {
				if (term === '') continue;
				const m = /^([^:]+):([A-Za-z]+):([\s\S]*)$/.exec(term);
				if (!m) {
					throw badRequest(
						`Bad Request: invalid filter "${term}": expected <field>:<operator>:<value>, e.g. name:eq:Engineering`,
						'invalidFilter',
					);
				}
				const [, field, op, value] = m;
				if (!V2_OPS.has(op)) {
					throw badRequest(`Bad Request: unsupported filter operator "${op}"`, 'invalidFilter');
				}
				if (allowedFields && !allowedFields.has(field)) {
					throw badRequest(`Bad Request: invalid filter field "${field}"`, 'invalidFilter');
				}
				/** @param {(v: unknown) => boolean} fn @returns {Predicate} */
				const any = (fn) => (r) => getter(r, field).some(fn);
				/** @param {(c: number) => boolean} test @returns {Predicate} */
				const cmpWith = (test) =>
					any((v) => {
						const c = valueCompare(v, value);
						return c !== undefined && test(c);
					});
				switch (op) {
					case 'eq':
						preds.push(any((v) => valueEquals(v, value)));
						break;
					case 'ne':
						preds.push((r) => !getter(r, field).some((v) => valueEquals(v, value)));
						break;
					case 'in': {
						const terms = splitPipes(value);
						preds.push(any((v) => terms.some((t) => valueEquals(v, t))));
						break;
					}
					case 'search': {
						const needle = value.toLowerCase();
						preds.push(any((v) => typeof v === 'string' && v.toLowerCase().includes(needle)));
						break;
					}
					case 'gt':
						preds.push(cmpWith((c) => c > 0));
						break;
					case 'ge':
						preds.push(cmpWith((c) => c >= 0));
						break;
					case 'lt':
						preds.push(cmpWith((c) => c < 0));
						break;
					case 'le':
						preds.push(cmpWith((c) => c <= 0));
						break;
				}
			}
		}
	}
	return (r) => preds.every((p) => p(r));
}

/**
 * BSON-like type rank so mixed/missing values sort deterministically (missing/null first).
 * @param {unknown} v
 */
function typeRank(v) {
	if (v === undefined || v === null) return 0;
	if (typeof v === 'number') return 1;
	if (typeof v === 'string') return 2;
	if (typeof v === 'object') return 3;
	if (typeof v === 'boolean') return 5;
	return 6;
}

/**
 * @param {unknown} a
 * @param {unknown} b
 * @param {boolean} ignoreCase
 */
function compareForSort(a, b, ignoreCase) {
	const ra = typeRank(a);
	const rb = typeRank(b);
	if (ra !== rb) return ra - rb;
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	if (typeof a === 'string' && typeof b === 'string') {
		const x = ignoreCase ? a.toLowerCase() : a;
		const y = ignoreCase ? b.toLowerCase() : b;
		return x < y ? -1 : x > y ? 1 : 0;
	}
	if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
	const x = JSON.stringify(a);
	const y = JSON.stringify(b);
	return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Stable sort by a list of keys (`-` prefix = descending). Ties keep insertion order (= `_id`
 * order), like a natural-order Mongo scan.
 * @template T
 * @param {T[]} items
 * @param {string[]} keys
 * @param {boolean} [ignoreCase]
 * @returns {T[]}
 */
function sortBy(items, keys, ignoreCase = false) {
	const specs = keys
		.filter((k) => k !== '' && k !== '-')
		.map((k) => (k.startsWith('-') ? { path: k.slice(1), dir: -1 } : { path: k, dir: 1 }));
	if (specs.length === 0) return items.slice();
	/** @param {any} item @param {string} path */
	const valueOf = (item, path) => (path.includes('.') ? valuesAt(item, path)[0] : item?.[path]);
	/** @param {any} a @param {any} b */
	const compare = (a, b) => {
		for (const s of specs) {
			const c = compareForSort(valueOf(a, s.path), valueOf(b, s.path), ignoreCase);
			if (c !== 0) return c * s.dir;
		}
		return 0;
	};
	// Lists are mostly asked for in the order they are kept (by id): one pass finds that out, no sort needed.
	let sorted = true;
	for (let i = 1; i < items.length && sorted; i++) sorted = compare(items[i - 1], items[i]) <= 0;
	if (sorted) return items.slice();
	return items
		.map((item, index) => ({ item, index }))
		.sort((a, b) => compare(a.item, b.item) || a.index - b.index)
		.map((x) => x.item);
}

/**
 * Space-separated list (v1 `sort` / `fields`). Commas are NOT separators in v1.
 * @param {string | string[] | undefined} raw
 */
function spaceList(raw) {
	if (raw === undefined) return [];
	return asArray(raw)
		.flatMap((s) => s.split(/\s+/))
		.filter(Boolean);
}

/**
 * Comma-separated list (v2 `sort` / `fields`), repeated params concatenated.
 * @param {string | string[] | undefined} raw
 */
function commaList(raw) {
	if (raw === undefined) return [];
	return asArray(raw)
		.flatMap((s) => s.split(','))
		.map((s) => s.trim())
		.filter(Boolean);
}

/**
 * Projection: keep `idField` plus the requested (possibly dotted) fields. Empty list = whole record.
 * @param {Record<string, any>} record
 * @param {string[]} fields
 * @param {string} idField
 */
function project(record, fields, idField) {
	if (fields.length === 0) return record;
	/** @type {Record<string, any>} */
	const out = { [idField]: record[idField] };
	for (const f of fields) {
		const parts = f.split('.');
		/** @type {any} */
		let src = record;
		/** @type {any} */
		let dst = out;
		for (let i = 0; i < parts.length; i++) {
			if (src === null || typeof src !== 'object' || !(parts[i] in src)) break;
			if (i === parts.length - 1) {
				dst[parts[i]] = src[parts[i]];
			} else {
				if (src[parts[i]] === null || typeof src[parts[i]] !== 'object' || Array.isArray(src[parts[i]])) {
					dst[parts[i]] = src[parts[i]];
					break;
				}
				dst[parts[i]] = dst[parts[i]] && typeof dst[parts[i]] === 'object' ? dst[parts[i]] : {};
				src = src[parts[i]];
				dst = dst[parts[i]];
			}
		}
	}
	return out;
}

/**
 * Text search used by the v1 `search` query parameter and the `/search/*` `searchFilter` body:
 * case-insensitive substring of any term in any of the fields.
 * @param {unknown} searchTerm string or string[]
 * @param {unknown} fields string[] (or a space-separated string); default DEFAULT_SEARCH_FIELDS
 * @param {string[]} defaultFields
 * @returns {Predicate}
 */
function textSearch(searchTerm, fields, defaultFields) {
	const terms = (Array.isArray(searchTerm) ? searchTerm : [searchTerm]).map((t) => {
		if (typeof t !== 'string' && typeof t !== 'number') {
			throw badRequest('Bad Request: searchTerm must be a string or an array of strings');
		}
		return String(t).toLowerCase();
	});
	/** @type {string[]} */
	let fieldList;
	if (fields === undefined || fields === null || (Array.isArray(fields) && fields.length === 0) || fields === '') {
		fieldList = defaultFields;
	} else if (Array.isArray(fields) && fields.every((f) => typeof f === 'string')) {
		fieldList = fields;
	} else if (typeof fields === 'string') {
		fieldList = spaceList(fields);
	} else {
		throw badRequest('Bad Request: search fields must be an array of strings');
	}
	return (r) =>
		fieldList.some((f) =>
			valuesAt(r, f).some(
				(v) => (typeof v === 'string' || typeof v === 'number') && terms.some((t) => String(v).toLowerCase().includes(t)),
			),
		);
}

module.exports = {
	ApiError,
	formatError,
	badRequest,
	notFound,
	isObjectId,
	queryToObject,
	intParam,
	paging,
	valuesAt,
	valueEquals,
	valueCompare,
	splitPipes,
	v1Term,
	v1QueryFilter,
	v2QueryFilter,
	sortBy,
	spaceList,
	commaList,
	project,
	textSearch,
	asArray,
};
