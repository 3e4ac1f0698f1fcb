import { RequestLimiter } from '../../../../nodes/JumpCloud/transport';

/** A call the test finishes when it wants. */
function deferred() {
	let finish!: () => void;
	const done = new Promise<void>((resolve) => (finish = resolve));
	return { done, finish };
}

const flush = async () => {
	for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('request limiter', () => {
	it('runs at most `limit` calls at once, the waiting ones in the order they asked', async () => {
		const limiter = new RequestLimiter(2);
		const calls = [deferred(), deferred(), deferred(), deferred()];
		const started: number[] = [];
		const runs = calls.map((call, index) => limiter.run(async () => {
			started.push(index);
			await call.done;
		}));
		await flush();
		expect(started).toEqual([0, 1]);
		calls[1].finish();
		await flush();
		expect(started).toEqual([0, 1, 2]);
		calls[0].finish();
		calls[2].finish();
		calls[3].finish();
		await Promise.all(runs);
		expect(started).toEqual([0, 1, 2, 3]);
	});

	it('halves the limit on a 429 and grows back by one call per full window of successes', () => {
		const limiter = new RequestLimiter(16);
		limiter.throttled();
		expect(limiter.limit).toBe(8);
		limiter.throttled();
		limiter.throttled();
		limiter.throttled();
		limiter.throttled();
		expect(limiter.limit).toBe(1);
		expect(limiter.lowest).toBe(1);
		limiter.succeeded();
		expect(limiter.limit).toBe(2);
		for (let i = 0; i < 2; i++) limiter.succeeded();
		expect(limiter.limit).toBe(3);
		for (let i = 0; i < 500; i++) limiter.succeeded();
		expect(limiter.limit).toBe(16);
	});
});
