/**
 * Client-side rate limiter: at most `limit` requests in any sliding window of `windowMs`
 * (the Panel allows 1000 per minute per IP). One limiter is shared by every call of a
 * client, so concurrent batches cannot together exceed the Panel's limit. Time comes from
 * the injected clock and sleep: no timers of its own.
 *
 * A slot is stamped when the request starts and stamped again when its reply arrives. The
 * Panel counts a request when it reaches it, which may be later than our start (a queue in
 * the connection pool, a slow network); the reply can only come after that, so a window
 * measured from the reply is never shorter than the Panel's.
 */

export interface RateLimitOptions {
  /** Requests allowed per window (default 1000). */
  limit: number;
  /** Window length in ms (default 60000). */
  windowMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { limit: 1000, windowMs: 60_000 };

export interface LimiterClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export class RateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  /** Start times of the last `limit` requests, a ring: slot `next` holds the oldest. */
  private readonly starts: number[];
  private next = 0;
  /** Set by a 429's Retry-After: nobody starts before this instant. */
  private blockedUntil = 0;
  /** Callers queue here so they start in arrival order. */
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly clock: LimiterClock,
    options: Partial<RateLimitOptions> = {},
  ) {
    const limit = options.limit ?? DEFAULT_RATE_LIMIT.limit;
    const windowMs = options.windowMs ?? DEFAULT_RATE_LIMIT.windowMs;
    if (!Number.isInteger(limit) || limit < 1 || limit > 1_000_000) throw new RangeError(`rateLimit.limit must be an integer from 1 to 1000000, got ${limit}`);
    if (!Number.isFinite(windowMs) || windowMs <= 0) throw new RangeError(`rateLimit.windowMs must be a positive number, got ${windowMs}`);
    this.limit = limit;
    this.windowMs = windowMs;
    this.starts = new Array<number>(limit).fill(Number.NEGATIVE_INFINITY);
  }

  /**
   * Resolves when one more request may start now, and counts it. Call the returned
   * function when the request has finished (reply or failure): its slot then counts from then.
   */
  acquire(): Promise<() => void> {
    const turn = this.tail.then(() => this.take());
    // A failing sleep must not wedge the queue for later callers.
    this.tail = turn.then(() => undefined, () => undefined);
    return turn;
  }

  /** After a 429 with Retry-After: hold every caller of this client until `untilMs`. */
  blockUntil(untilMs: number): void {
    if (untilMs > this.blockedUntil) this.blockedUntil = untilMs;
  }

  /** Waits for the oldest slot to leave the window, takes it, and returns its release. */
  private async take(): Promise<() => void> {
    for (;;) {
      const now = this.clock.now();
      const oldest = this.starts[this.next] as number;
      const readyAt = Math.max(oldest + this.windowMs, this.blockedUntil);
      if (readyAt <= now) {
        const slot = this.next;
        this.starts[slot] = now;
        this.next = (this.next + 1) % this.limit;
        return () => {
          const at = this.clock.now();
          if (at > (this.starts[slot] as number)) this.starts[slot] = at;
        };
      }
      await this.clock.sleep(readyAt - now);
    }
  }
}

/** Resolves the client's `rateLimit` option: `false` turns the limiter off. */
export function createLimiter(clock: LimiterClock, option: Partial<RateLimitOptions> | false | undefined): RateLimiter | null {
  if (option === false) return null;
  return new RateLimiter(clock, option ?? {});
}
