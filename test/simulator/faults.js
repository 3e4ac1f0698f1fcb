// @ts-check
'use strict';
/**
 * Fault injection for the JumpCloud simulator: what a flaky network, an overloaded JumpCloud or a proxy in
 * between does to a request. A fault is chosen when a request arrives, from the `failNext` queue first, then
 * at random (a seeded PRNG, so a run is reproducible) at the configured rate, then by the token-bucket rate
 * limit.
 *
 * Kinds ("before": JumpCloud never processes the request; "after": it applies the request, then the answer
 * goes wrong):
 *   status       before  the given status (429 default), JSON `{message}` body, optional Retry-After
 *   reset-before before  the connection is destroyed without an answer
 *   html-200     before  200 with an HTML page (a captive portal or proxy error page)
 *   5xx-after    after   500/502/503/504 although the change was applied
 *   reset-after  after   the connection is destroyed without an answer
 *   hang         after   no answer at all, until the client gives up (its timeout)
 *   truncated    after   200 headers with the full Content-Length, half the body, then the connection dies
 *   non-json     after   200, `content-type: application/json`, a body cut short (complete by its length)
 */

/** @typedef {'status' | 'reset-before' | 'html-200' | '5xx-after' | 'reset-after' | 'hang' | 'truncated' | 'non-json'} FaultKind */
/**
 * @typedef {{
 *   kind: FaultKind,
 *   status?: number,
 *   retryAfter?: number | string,
 *   body?: unknown,
 *   headers?: Record<string, string>,
 * }} Fault
 * @typedef {{
 *   status?: number,
 *   fault?: FaultKind,
 *   count?: number,
 *   method?: string,
 *   pathPrefix?: string,
 *   retryAfter?: number | string,
 *   body?: unknown,
 *   headers?: Record<string, string>,
 *   run?: () => void,
 * }} FailNextOptions
 * @typedef {{
 *   rate: number,
 *   seed?: number,
 *   kinds?: Partial<Record<FaultKind | '429' | '500' | '502' | '503' | '504', number>>,
 *   retryAfter?: Array<number | string | undefined>,
 *   methods?: string[],
 *   pathPrefix?: string,
 * }} RandomFaults
 * @typedef {{ capacity: number, refillPerSecond: number }} RateLimit
 * @typedef {{ kind: FaultKind, status?: number, method: string, path: string, source: 'next' | 'random' | 'rateLimit' }} FaultRecord
 */

const BEFORE = new Set(['status', 'reset-before', 'html-200']);
const AFTER_STATUSES = [500, 502, 503, 504];

/** Mulberry32: a small seeded PRNG, so a fault mix is the same on every run. @param {number} seed */
function prng(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** @param {FaultKind} kind */
const isBefore = (kind) => BEFORE.has(kind);

class FaultPlan {
	constructor() {
		/** @type {(FailNextOptions & { remaining: number })[]} */
		this.queue = [];
		/** @type {RandomFaults | undefined} */
		this.random = undefined;
		/** @type {() => number} */
		this.rand = prng(1);
		/** @type {(RateLimit & { tokens: number, at: number }) | undefined} */
		this.bucket = undefined;
		/** Every fault injected, in order. @type {FaultRecord[]} */
		this.log = [];
	}

	/** @param {FailNextOptions} opts */
	failNext(opts) {
		const status = opts.status ?? (opts.fault === undefined || opts.fault === 'status' ? 429 : undefined);
		if (status !== undefined && (!Number.isInteger(status) || status < 100 || status > 599)) {
			throw new Error('failNext: status must be an HTTP status code');
		}
		const count = opts.count ?? 1;
		if (!Number.isInteger(count) || count < 1) throw new Error('failNext: count must be a positive integer');
		this.queue.push({ ...opts, status, remaining: count });
	}

	/** @param {RandomFaults | undefined} config */
	setRandom(config) {
		if (config && (typeof config.rate !== 'number' || config.rate < 0 || config.rate > 1)) {
			throw new Error('setFaults: rate must be between 0 and 1');
		}
		this.random = config;
		this.rand = prng(config?.seed ?? 1);
	}

	/** @param {RateLimit | undefined} limit */
	setRateLimit(limit) {
		this.bucket = limit ? { ...limit, tokens: limit.capacity, at: Date.now() } : undefined;
	}

	clear() {
		this.queue.length = 0;
		this.random = undefined;
		this.bucket = undefined;
		this.log.length = 0;
	}

	/**
	 * The fault for this request, or undefined.
	 * @param {string} method
	 * @param {string} path
	 * @returns {Fault | undefined}
	 */
	take(method, path) {
		const queued = this._fromQueue(method, path);
		if (queued) return this._record(queued, method, path, 'next');
		const random = this._fromRandom(method, path);
		if (random) return this._record(random, method, path, 'random');
		const limited = this._fromBucket();
		if (limited) return this._record(limited, method, path, 'rateLimit');
		return undefined;
	}

	/** @param {Fault} fault @param {string} method @param {string} path @param {FaultRecord['source']} source */
	_record(fault, method, path, source) {
		this.log.push({ kind: fault.kind, status: fault.status, method, path, source });
		return fault;
	}

	/** @param {string} method @param {string} path @returns {Fault | undefined} */
	_fromQueue(method, path) {
		const idx = this.queue.findIndex(
			(f) => (f.method === undefined || f.method.toUpperCase() === method) && (f.pathPrefix === undefined || path.startsWith(f.pathPrefix)),
		);
		if (idx < 0) return undefined;
		const rule = this.queue[idx];
		rule.remaining -= 1;
		if (rule.remaining <= 0) this.queue.splice(idx, 1);
		// A test's hook, e.g. a change made by someone else at exactly this moment.
		rule.run?.();
		const kind = rule.fault ?? 'status';
		const status = kind === '5xx-after' ? rule.status ?? 502 : rule.status;
		return { kind, status, retryAfter: rule.retryAfter, body: rule.body, headers: rule.headers };
	}

	/** @param {string} method @param {string} path @returns {Fault | undefined} */
	_fromRandom(method, path) {
		const config = this.random;
		if (!config || config.rate === 0) return undefined;
		if (config.methods && !config.methods.includes(method)) return undefined;
		if (config.pathPrefix && !path.startsWith(config.pathPrefix)) return undefined;
		if (this.rand() >= config.rate) return undefined;
		const weights = Object.entries(
			config.kinds ?? {
				429: 2,
				500: 1,
				502: 1,
				503: 1,
				504: 1,
				'reset-before': 1,
				'5xx-after': 2,
				'reset-after': 1,
				hang: 1,
				truncated: 1,
				'non-json': 1,
				'html-200': 1,
			},
		).filter(([, weight]) => (weight ?? 0) > 0);
		const total = weights.reduce((sum, [, weight]) => sum + (weight ?? 0), 0);
		let pick = this.rand() * total;
		let chosen = weights[weights.length - 1][0];
		for (const [name, weight] of weights) {
			pick -= weight ?? 0;
			if (pick < 0) {
				chosen = name;
				break;
			}
		}
		if (/^\d+$/.test(chosen)) {
			const status = Number(chosen);
			const options = config.retryAfter ?? [undefined];
			const retryAfter = status === 429 || status === 503 ? options[Math.floor(this.rand() * options.length)] : undefined;
			return { kind: 'status', status, retryAfter };
		}
		const kind = /** @type {FaultKind} */ (chosen);
		return kind === '5xx-after'
			? { kind, status: AFTER_STATUSES[Math.floor(this.rand() * AFTER_STATUSES.length)] }
			: { kind };
	}

	/** Token bucket: each request takes a token; an empty bucket answers 429 with the seconds to the next one. @returns {Fault | undefined} */
	_fromBucket() {
		const bucket = this.bucket;
		if (!bucket) return undefined;
		const now = Date.now();
		bucket.tokens = Math.min(bucket.capacity, bucket.tokens + ((now - bucket.at) / 1000) * bucket.refillPerSecond);
		bucket.at = now;
		if (bucket.tokens >= 1) {
			bucket.tokens -= 1;
			return undefined;
		}
		const seconds = Math.max(1, Math.ceil((1 - bucket.tokens) / bucket.refillPerSecond));
		return { kind: 'status', status: 429, retryAfter: seconds };
	}
}

module.exports = { FaultPlan, isBefore, prng };
