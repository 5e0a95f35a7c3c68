/**
 * The Panel's rate-limit signals: Retry-After (seconds or an HTTP date), X-RateLimit-Reset /
 * -Remaining (and the IETF draft's RateLimit-Reset / -Remaining), and an error text that
 * says "too many requests" in a 200 `{"error"}`.
 */
import { getHeader, type HeaderBag } from '../headers';

/**
 * Retry-After: delay in seconds, or an HTTP date (relative to `now`). Returns ms, or
 * undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (v === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(v)) {
    const ms = Math.round(Number(v) * 1000);
    return Number.isFinite(ms) ? ms : undefined;
  }
  // An HTTP date always names a weekday or month in letters; plain numbers were handled above.
  if (!/[a-z]/i.test(v)) return undefined;
  const at = Date.parse(v);
  if (!Number.isFinite(at)) return undefined;
  return Math.max(0, at - now);
}

/** Above this a reset value is a moment (unix seconds), below it a delay in seconds. */
const EPOCH_SECONDS_FROM = 1_000_000_000;
const EPOCH_MS_FROM = 1_000_000_000_000;

/**
 * X-RateLimit-Reset: unix seconds (GitHub style), unix ms, or seconds to wait (IETF draft).
 * Returns the wait in ms from `now`, or undefined.
 */
export function parseRateLimitReset(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (!/^\d+(\.\d+)?$/.test(v)) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) return undefined;
  if (n >= EPOCH_MS_FROM) return Math.max(0, Math.round(n - now));
  if (n >= EPOCH_SECONDS_FROM) return Math.max(0, Math.round(n * 1000 - now));
  return Math.round(n * 1000);
}

/** How long the Panel asks us to wait, from whichever header it sent (Retry-After first). */
export function rateLimitWaitMs(headers: HeaderBag | undefined, now: number = Date.now()): number | undefined {
  return (
    parseRetryAfter(getHeader(headers, 'retry-after'), now) ??
    parseRateLimitReset(getHeader(headers, 'x-ratelimit-reset') ?? getHeader(headers, 'ratelimit-reset'), now)
  );
}

/** The Panel says no request is left in this window (X-RateLimit-Remaining: 0). */
export function rateLimitExhausted(headers: HeaderBag | undefined): boolean {
  const v = getHeader(headers, 'x-ratelimit-remaining') ?? getHeader(headers, 'ratelimit-remaining');
  return v !== undefined && /^\s*0+\s*$/.test(v);
}

/** An error text that means "slow down" rather than "no". */
export function saysTooManyRequests(text: string): boolean {
  return /too many (requests|attempts|calls)|rate.?limit(ed)?\b|request limit (exceeded|reached)|slow down/i.test(text);
}
