"use strict";
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
Object.defineProperty(exports, "__esModule", { value: true });
exports.RateLimiter = exports.DEFAULT_RATE_LIMIT = void 0;
exports.createLimiter = createLimiter;
exports.DEFAULT_RATE_LIMIT = { limit: 1000, windowMs: 60_000 };
class RateLimiter {
    clock;
    limit;
    windowMs;
    /** Start times of the last `limit` requests, a ring: slot `next` holds the oldest. */
    starts;
    next = 0;
    /** Set by a 429's Retry-After: nobody starts before this instant. */
    blockedUntil = 0;
    /** Callers queue here so they start in arrival order. */
    tail = Promise.resolve();
    constructor(clock, options = {}) {
        this.clock = clock;
        const limit = options.limit ?? exports.DEFAULT_RATE_LIMIT.limit;
        const windowMs = options.windowMs ?? exports.DEFAULT_RATE_LIMIT.windowMs;
        if (!Number.isInteger(limit) || limit < 1 || limit > 1_000_000)
            throw new RangeError(`rateLimit.limit must be an integer from 1 to 1000000, got ${limit}`);
        if (!Number.isFinite(windowMs) || windowMs <= 0)
            throw new RangeError(`rateLimit.windowMs must be a positive number, got ${windowMs}`);
        this.limit = limit;
        this.windowMs = windowMs;
        this.starts = new Array(limit).fill(Number.NEGATIVE_INFINITY);
    }
    /**
     * Resolves when one more request may start now, and counts it. Call the returned
     * function when the request has finished (reply or failure): its slot then counts from then.
     */
    acquire() {
        const turn = this.tail.then(() => this.take());
        // A failing sleep must not wedge the queue for later callers.
        this.tail = turn.then(() => undefined, () => undefined);
        return turn;
    }
    /** After a 429 with Retry-After: hold every caller of this client until `untilMs`. */
    blockUntil(untilMs) {
        if (untilMs > this.blockedUntil)
            this.blockedUntil = untilMs;
    }
    /** Waits for the oldest slot to leave the window, takes it, and returns its release. */
    async take() {
        for (;;) {
            const now = this.clock.now();
            const oldest = this.starts[this.next];
            const readyAt = Math.max(oldest + this.windowMs, this.blockedUntil);
            if (readyAt <= now) {
                const slot = this.next;
                this.starts[slot] = now;
                this.next = (this.next + 1) % this.limit;
                return () => {
                    const at = this.clock.now();
                    if (at > this.starts[slot])
                        this.starts[slot] = at;
                };
            }
            await this.clock.sleep(readyAt - now);
        }
    }
}
exports.RateLimiter = RateLimiter;
/** Resolves the client's `rateLimit` option: `false` turns the limiter off. */
function createLimiter(clock, option) {
    if (option === false)
        return null;
    return new RateLimiter(clock, option ?? {});
}
