import type { IDataObject } from 'n8n-workflow';

/**
 * Where the JumpCloud Trigger stands in one organization's Directory Insights events, kept in the workflow's
 * static data between polls. Pure data and pure functions: no clock of its own (the poll passes `now`), no
 * module state.
 *
 * The rule that makes every event come out exactly once: events are read in ascending time order from a start
 * that never passes the newest event already emitted (`last`, less `lateWindowMs`), and an event is emitted only
 * when its ID is not among those remembered (`seen`): every emitted event at `last`, and every one within
 * `lateWindowMs` before it. So two events with the same timestamp split over two polls (or two pages) come out
 * once each, a poll that stops early (event limit, time budget) leaves the rest for the next one, and an event
 * that JumpCloud records a little late, with a timestamp up to `lateWindowMs` before `last`, is still caught.
 * While nothing new matches, each poll reads from `last` on again: the answer is only the few remembered events.
 */
export interface EventCursor {
	/** Nothing before this instant is emitted (ISO 8601): the moment the trigger started watching, or a bound. */
	from: string;
	/** Timestamp of the newest event emitted (ISO 8601, ms), or `from` while none has been. */
	last: string;
	/** Emitted events still inside the re-read window: event key → timestamp (ms since the epoch). */
	seen: Record<string, number>;
	/** The error this organization's polls fail with, once it has been reported (the trigger reports it once). */
	failing?: string;
}

export interface CursorSettings {
	/** How far before the newest emitted event each poll reads again, for events recorded late. */
	lateWindowMs: number;
	/** How far back a poll may reach at most (a catch-up after downtime is bounded by it). */
	maxCatchUpMs: number;
}

/** Remembered IDs at most; beyond that the oldest are dropped and `from` moves up so none can come out twice. */
export const MAX_SEEN = 10_000;

const iso = (ms: number) => new Date(ms).toISOString();

/** Milliseconds of an ISO timestamp, or undefined when it is not one. */
export function timestampMs(value: unknown): number | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const ms = typeof value === 'number' ? value : Date.parse(value);
	return Number.isFinite(ms) ? ms : undefined;
}

/** FNV-1a, for events without an ID (none are expected: every Directory Insights event has one). */
function hashOf(text: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(16).padStart(8, '0');
}

/** The key an event is remembered by: its `id`, else a hash of the whole event. */
export function eventKeyOf(event: IDataObject): string {
	const id = event.id;
	if ((typeof id === 'string' && id !== '') || typeof id === 'number') return String(id);
	return `#${hashOf(JSON.stringify(event))}`;
}

/** A cursor for an organization the trigger starts watching now: nothing before `now` will be emitted. */
export function newCursor(nowMs: number): EventCursor {
	return { from: iso(nowMs), last: iso(nowMs), seen: {} };
}

/** Whether a value read from static data is a usable cursor (anything else starts afresh). */
export function isCursor(value: unknown): value is EventCursor {
	if (!value || typeof value !== 'object') return false;
	const cursor = value as IDataObject;
	return (
		timestampMs(cursor.from) !== undefined &&
		timestampMs(cursor.last) !== undefined &&
		!!cursor.seen &&
		typeof cursor.seen === 'object' &&
		!Array.isArray(cursor.seen)
	);
}

/**
 * Reads one poll's events for one organization against its cursor: `startMs` is where the poll's query starts;
 * `take(event)` says whether to emit an event (and remembers it); `cursor()` is the cursor to store after the
 * events taken were emitted.
 */
export class CursorReader {
	/** Events before this are not emitted in this poll. */
	readonly startMs: number;

	/** The start to send as the query's `start_time`: a millisecond early, so an inclusive or exclusive start both work. */
	readonly queryStartMs: number;

	private readonly from: number;

	private last: number;

	private readonly seen: Map<string, number>;

	constructor(
		cursor: EventCursor,
		nowMs: number,
		private readonly settings: CursorSettings,
	) {
		this.from = timestampMs(cursor.from) ?? nowMs;
		this.last = timestampMs(cursor.last) ?? this.from;
		// A bounded catch-up: after a long outage the poll starts at most maxCatchUp ago; what lies before is skipped.
		// The start only moves forward (`last` only grows), so what was forgotten is never read again.
		const floor = Math.max(this.from, nowMs - settings.maxCatchUpMs);
		this.startMs = Math.max(floor, this.last - Math.max(0, settings.lateWindowMs));
		this.queryStartMs = Math.min(this.startMs - 1, nowMs - 1);
		this.seen = new Map(Object.entries(cursor.seen ?? {}).filter(([, ms]) => typeof ms === 'number' && ms >= this.startMs));
	}

	/** Whether the event is new (emit it); it is remembered either way from now on. */
	take(event: IDataObject): boolean {
		const ms = timestampMs(event.timestamp) ?? this.last;
		if (ms < this.startMs) return false;
		const key = eventKeyOf(event);
		if (this.seen.has(key)) return false;
		this.seen.set(key, ms);
		if (ms > this.last) this.last = ms;
		return true;
	}

	/** The cursor after this poll: the newest timestamp taken and the IDs a later poll could read again. */
	cursor(): EventCursor {
		const keepFrom = this.last - Math.max(0, this.settings.lateWindowMs);
		let kept = [...this.seen].filter(([, ms]) => ms >= keepFrom);
		let from = this.from;
		if (kept.length > MAX_SEEN) {
			// Too many to remember: keep the newest, and never read again before the oldest one kept.
			kept.sort((a, b) => b[1] - a[1]);
			const threshold = kept[MAX_SEEN - 1][1];
			kept = kept.filter(([, ms]) => ms >= threshold);
			from = Math.max(from, threshold);
		}
		return { from: iso(from), last: iso(this.last), seen: Object.fromEntries(kept) };
	}
}
