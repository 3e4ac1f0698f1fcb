/**
 * How many JumpCloud calls of one execution are in flight at once. JumpCloud publishes no rate limits, so the
 * limit adapts: it halves when JumpCloud answers 429 and grows back by one call per "window" of successes
 * (additive increase, multiplicative decrease), never above the node's Concurrency. One limiter per execution,
 * made by the router; nothing here is shared between executions.
 */
export class RequestLimiter {
	private active = 0;

	private readonly waiting: Array<() => void> = [];

	/** The current limit, fractional so it can grow by less than one call per success. */
	private current: number;

	/** The lowest the limit went (for the benchmark and tests). */
	lowest: number;

	constructor(private readonly max: number) {
		this.current = max;
		this.lowest = max;
	}

	get limit(): number {
		return Math.max(1, Math.floor(this.current));
	}

	/** Runs `call` once a slot is free. */
	async run<T>(call: () => Promise<T>): Promise<T> {
		await this.acquire();
		try {
			return await call();
		} finally {
			this.release();
		}
	}

	/** JumpCloud throttled a call: halve the limit. */
	throttled(): void {
		this.current = Math.max(1, this.current / 2);
		this.lowest = Math.min(this.lowest, this.limit);
	}

	/** A call went through: grow back towards the maximum, one call per `limit` successes. */
	succeeded(): void {
		if (this.current < this.max) this.current = Math.min(this.max, this.current + 1 / this.limit);
		this.wake();
	}

	private async acquire(): Promise<void> {
		if (this.active < this.limit) {
			this.active++;
			return;
		}
		await new Promise<void>((resolve) => this.waiting.push(resolve));
	}

	private release(): void {
		this.active--;
		this.wake();
	}

	/** Hands free slots to waiting calls, in the order they asked. */
	private wake(): void {
		while (this.active < this.limit && this.waiting.length > 0) {
			this.active++;
			this.waiting.shift()!();
		}
	}
}
