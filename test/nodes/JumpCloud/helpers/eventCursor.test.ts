import type { IDataObject } from 'n8n-workflow';

import { CursorReader, MAX_SEEN, eventKeyOf, isCursor, newCursor } from '../../../../nodes/JumpCloud/helpers/eventCursor';
import type { CursorSettings, EventCursor } from '../../../../nodes/JumpCloud/helpers/eventCursor';

const T0 = Date.parse('2026-11-28T12:00:00.000Z');
const SECOND = 1000;
const HOUR = 3_600_000;
const settings: CursorSettings = { lateWindowMs: 0, maxCatchUpMs: 24 * HOUR };
const event = (id: string, ms: number): IDataObject => ({ id, timestamp: new Date(ms).toISOString(), event_type: 'user_create' });

/**
 * A poll against an in-memory event log, the way the trigger reads: events from the reader's start, in ascending
 * (timestamp, id) order as the API sorts them, in pages; stops after `maxTake` taken (an event limit).
 */
function poll(log: IDataObject[], cursor: EventCursor, nowMs: number, options: { settings?: CursorSettings; pageSize?: number; maxTake?: number } = {}) {
	const reader = new CursorReader(cursor, nowMs, options.settings ?? settings);
	const visible = log
		.filter((e) => Date.parse(String(e.timestamp)) >= reader.queryStartMs && Date.parse(String(e.timestamp)) <= nowMs)
		.sort((a, b) => Date.parse(String(a.timestamp)) - Date.parse(String(b.timestamp)) || String(a.id).localeCompare(String(b.id)));
	const taken: string[] = [];
	const pageSize = options.pageSize ?? 2;
	outer: for (let start = 0; start < visible.length; start += pageSize) {
		for (const e of visible.slice(start, start + pageSize)) {
			if (options.maxTake !== undefined && taken.length >= options.maxTake) break outer;
			if (reader.take(e)) taken.push(String(e.id));
		}
	}
	return { taken, cursor: reader.cursor(), startMs: reader.startMs };
}

describe('eventCursor', () => {
	it('starts from now: nothing recorded before the cursor was created comes out', () => {
		const log = [event('a', T0 - 5 * SECOND), event('b', T0 - 1)];
		const first = poll(log, newCursor(T0), T0 + 10 * SECOND);
		expect(first.taken).toEqual([]);
		log.push(event('c', T0 + 2 * SECOND));
		expect(poll(log, first.cursor, T0 + 20 * SECOND).taken).toEqual(['c']);
	});

	it('emits each event once when equal timestamps are split across polls and pages', () => {
		const log: IDataObject[] = [];
		let cursor = newCursor(T0);
		const emitted: string[] = [];
		// Five events at one millisecond, arriving over three polls; pages of two.
		log.push(event('e1', T0 + SECOND), event('e2', T0 + SECOND));
		let result = poll(log, cursor, T0 + 10 * SECOND);
		emitted.push(...result.taken);
		cursor = result.cursor;
		log.push(event('e3', T0 + SECOND), event('e4', T0 + SECOND), event('e5', T0 + SECOND), event('f1', T0 + 2 * SECOND));
		result = poll(log, cursor, T0 + 20 * SECOND);
		emitted.push(...result.taken);
		cursor = result.cursor;
		result = poll(log, cursor, T0 + 30 * SECOND);
		emitted.push(...result.taken);
		expect(emitted).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'f1']);
		expect(result.taken).toEqual([]);
	});

	it('leaves what a poll could not take (event limit) to the next poll, without gaps or repeats', () => {
		const log = Array.from({ length: 9 }, (_, i) => event(`x${i}`, T0 + SECOND + Math.floor(i / 3) * SECOND));
		let cursor = newCursor(T0);
		const emitted: string[] = [];
		for (let i = 0; i < 5; i++) {
			const result = poll(log, cursor, T0 + 60 * SECOND, { maxTake: 2 });
			emitted.push(...result.taken);
			cursor = result.cursor;
		}
		expect(emitted).toEqual(log.map((e) => e.id));
	});

	it('catches an event recorded late, within the late-arrival window, and only once', () => {
		const late: CursorSettings = { lateWindowMs: 60 * SECOND, maxCatchUpMs: 24 * HOUR };
		const log = [event('a', T0 + 10 * SECOND), event('b', T0 + 40 * SECOND)];
		let result = poll(log, newCursor(T0), T0 + 45 * SECOND, { settings: late });
		expect(result.taken).toEqual(['a', 'b']);
		// JumpCloud records an event stamped before b only now; the next poll still reads it.
		log.push(event('late', T0 + 30 * SECOND));
		result = poll(log, result.cursor, T0 + 100 * SECOND, { settings: late });
		expect(result.taken).toEqual(['late']);
		result = poll(log, result.cursor, T0 + 130 * SECOND, { settings: late });
		expect(result.taken).toEqual([]);
		// Without the window, the late event would have been missed.
		const strict = poll([event('a', T0 + 10 * SECOND), event('b', T0 + 40 * SECOND)], newCursor(T0), T0 + 45 * SECOND);
		expect(poll([...log], strict.cursor, T0 + 100 * SECOND).taken).toEqual([]);
	});

	it('remembers only the IDs the next poll can read again', () => {
		const late: CursorSettings = { lateWindowMs: 10 * SECOND, maxCatchUpMs: 24 * HOUR };
		const log = [event('a', T0 + SECOND), event('b', T0 + 30 * SECOND), event('c', T0 + 30 * SECOND), event('d', T0 + 35 * SECOND)];
		const { cursor } = poll(log, newCursor(T0), T0 + 40 * SECOND, { settings: late });
		expect(Object.keys(cursor.seen).sort()).toEqual(['b', 'c', 'd']);
		expect(cursor.last).toBe(new Date(T0 + 35 * SECOND).toISOString());
		const strict = poll(log, newCursor(T0), T0 + 40 * SECOND);
		expect(Object.keys(strict.cursor.seen)).toEqual(['d']);
	});

	it('reads from the newest emitted event on while nothing new comes (the answer: the few remembered events)', () => {
		const late: CursorSettings = { lateWindowMs: 30 * SECOND, maxCatchUpMs: 24 * HOUR };
		const first = poll([event('a', T0 + 10 * SECOND)], newCursor(T0), T0 + 60 * SECOND, { settings: late });
		const quiet = new CursorReader(first.cursor, T0 + 60 * 60 * SECOND, late);
		expect(quiet.startMs).toBe(T0);
		expect(quiet.take(event('a', T0 + 10 * SECOND))).toBe(false);
		expect(new CursorReader(first.cursor, T0 + 60 * 60 * SECOND, settings).startMs).toBe(T0 + 10 * SECOND);
	});

	it('bounds the catch-up after an outage to Max Catch-Up', () => {
		const log = [event('old', T0 + HOUR), event('kept1', T0 + 10 * HOUR), event('kept2', T0 + 29 * HOUR)];
		const cursor = newCursor(T0);
		const after = poll(log, cursor, T0 + 30 * HOUR);
		expect(after.startMs).toBe(T0 + 6 * HOUR);
		expect(after.taken).toEqual(['kept1', 'kept2']);
		const wide = poll(log, cursor, T0 + 30 * HOUR, { settings: { lateWindowMs: 0, maxCatchUpMs: 48 * HOUR } });
		expect(wide.taken).toEqual(['old', 'kept1', 'kept2']);
	});

	it('keys events by ID, or by their content when they have none', () => {
		expect(eventKeyOf({ id: 'abc' })).toBe('abc');
		expect(eventKeyOf({ id: 42 })).toBe('42');
		const a = eventKeyOf({ timestamp: '2026-01-01T00:00:00Z', event_type: 'x' });
		expect(a).toMatch(/^#[0-9a-f]{8}$/);
		expect(eventKeyOf({ timestamp: '2026-01-01T00:00:00Z', event_type: 'x' })).toBe(a);
		expect(eventKeyOf({ timestamp: '2026-01-01T00:00:00Z', event_type: 'y' })).not.toBe(a);
	});

	it('recognises a stored cursor and refuses anything else', () => {
		expect(isCursor(newCursor(T0))).toBe(true);
		expect(isCursor(JSON.parse(JSON.stringify(newCursor(T0))))).toBe(true);
		expect(isCursor({ from: 'x', last: 'y', seen: {} })).toBe(false);
		expect(isCursor({ from: new Date(T0).toISOString(), last: new Date(T0).toISOString(), seen: [] })).toBe(false);
		expect(isCursor(undefined)).toBe(false);
	});

	it('caps the remembered IDs and never repeats an event when it has to forget some', () => {
		const burst = Array.from({ length: MAX_SEEN + 50 }, (_, i) => event(`b${String(i).padStart(6, '0')}`, T0 + SECOND + Math.floor(i / 100)));
		const late: CursorSettings = { lateWindowMs: 60 * SECOND, maxCatchUpMs: 24 * HOUR };
		const first = poll(burst, newCursor(T0), T0 + 10 * SECOND, { settings: late, pageSize: 1000 });
		expect(first.taken).toHaveLength(burst.length);
		expect(Object.keys(first.cursor.seen).length).toBeLessThanOrEqual(MAX_SEEN + 100);
		const again = poll(burst, first.cursor, T0 + 20 * SECOND, { settings: late, pageSize: 1000 });
		expect(again.taken).toEqual([]);
	});
});
