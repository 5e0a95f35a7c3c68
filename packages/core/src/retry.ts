/**
 * When to send a request again, and when never to.
 *
 * Reads (balance, services, status, multiStatus, refill_status) change nothing on the
 * Panel, so they are retried on 429, 5xx and network faults with exponential backoff and
 * jitter, honouring Retry-After, within a time budget.
 *
 * add / cancel / refill change money or orders. They are retried only when the Panel
 * provably did not process them: a 429 or a "too many requests" error (the Panel refused
 * before acting) or a transport fault that happened before anything was sent (connection
 * refused, DNS, connect timeout). Every other failure after the request may have reached the
 * Panel becomes PanelOrderOutcomeUnknownError and is never resent:
 *   - timeout or connection reset after sending: the Panel may have acted;
 *   - a 2xx reply that cannot be read (truncated JSON, HTML, oversized): the Panel did act;
 *   - any 5xx, with or without the Panel's own JSON error: a proxy may have timed out while
 *     the Panel went on, and a Panel's PHP may fail after placing the order (a 5xx with
 *     `{"error"}` proves nothing; under faults 48 of 400 such orders had been placed).
 * Only a definite answer (a 4xx, a 2xx `{"error"}`, a redirect) is reported as a refusal.
 */
import {
  PanelError,
  PanelMalformedResponseError,
  PanelNetworkError,
  PanelOrderOutcomeUnknownError,
  PanelRateLimitError,
  PanelTimeoutError,
  PanelUpstreamError,
  type Scrubber,
} from './errors';

export interface RetryOptions {
  /** Retries after the first attempt (default 3). */
  maxRetries: number;
  /** First backoff step (default 500 ms); doubles each retry. */
  baseDelayMs: number;
  /** Cap of one backoff step (default 30 s). A longer Retry-After is still honoured within the budget. */
  maxDelayMs: number;
  /** Total time a call may spend, first attempt included, before it gives up (default 60 s). */
  budgetMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 30_000, budgetMs: 60_000 };

/** Off: every call is tried once. */
export const NO_RETRY: RetryOptions = { maxRetries: 0, baseDelayMs: 0, maxDelayMs: 0, budgetMs: 0 };

export function resolveRetryOptions(option: Partial<RetryOptions> | false | undefined): RetryOptions {
  if (option === false) return NO_RETRY;
  const out = { ...DEFAULT_RETRY, ...(option ?? {}) };
  for (const [k, v] of Object.entries(out)) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new RangeError(`retry.${k} must be a number ≥ 0, got ${String(v)}`);
  }
  return out;
}

/** Actions that only read. Anything else (add, cancel, refill, unknown actions) is treated as a write. */
export const READ_ACTIONS: ReadonlySet<string> = new Set(['balance', 'services', 'status', 'multiStatus', 'refill_status']);

export function isReadAction(action: string): boolean {
  return READ_ACTIONS.has(action);
}

/**
 * Backoff before retry number `retry` (1-based): equal jitter over an exponential step,
 * `step/2 + random·step/2` with `step = min(maxDelayMs, baseDelayMs·2^(retry-1))`.
 */
export function backoffDelay(retry: number, opts: RetryOptions, random: number): number {
  const step = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** Math.max(0, retry - 1));
  const r = Math.min(1, Math.max(0, Number.isFinite(random) ? random : 0.5));
  return Math.round(step / 2 + (r * step) / 2);
}

/** Told before each retry (ClientOptions.onRetry), so retries can be logged. */
export interface RetryEvent {
  action: string;
  /** 1 for the first retry. */
  retry: number;
  /** How long the client waits before it (backoff or the Panel's Retry-After). */
  delayMs: number;
  /** The failure being retried (scrubbed). */
  error: PanelError;
}

/** What the policy says about one failed attempt. */
export type RetryDecision = { retry: true; delayMs: number } | { retry: false; error: PanelError };

export interface AttemptContext {
  action: string;
  /** Retries already made (0 after the first attempt). */
  retries: number;
  /** Time spent on this call so far. */
  elapsedMs: number;
  random: number;
  opts: RetryOptions;
  scrub: Scrubber;
  /** Words describing the request for a user, e.g. "order for service 12". */
  subject?: string;
}

/** True when the failure proves the Panel did not act on the request. */
function provablyNotProcessed(err: PanelError): boolean {
  if (err instanceof PanelRateLimitError) return true;
  if ((err instanceof PanelNetworkError || err instanceof PanelTimeoutError) && err.sent === false) return true;
  return false;
}

/**
 * Read failures worth another try: 429, 5xx, network faults, timeouts, and replies cut
 * off on the way (truncated or empty); the error classes mark these `retryable`.
 */
function transient(err: PanelError): boolean {
  return err.retryable;
}

/**
 * True when a write failure leaves open whether the Panel acted; false when it is a
 * definite answer (4xx, a 2xx `{"error"}`, a refusal before sending, a redirect).
 */
export function ambiguousWriteFailure(err: PanelError): boolean {
  if (provablyNotProcessed(err)) return false;
  if (err instanceof PanelNetworkError || err instanceof PanelTimeoutError) return true;
  if (err instanceof PanelMalformedResponseError) return err.reason !== 'redirect';
  if (err instanceof PanelUpstreamError) return true;
  return false;
}

const WHAT_HAPPENED: Record<string, string> = {
  network: 'the connection failed after the request was sent',
  timeout: 'no reply came in time after the request was sent',
  malformed_response: 'the reply could not be read',
  upstream: 'the server answered with an error status, which does not prove the Panel did nothing',
};

const WHAT: Record<string, string> = {
  add: 'placed this order',
  cancel: 'canceled these orders',
  refill: 'started this refill',
};

/** A few words on what failed, without the inner message's advice (which may say "try again"). */
function shortDetail(err: PanelError): string {
  const parts: string[] = [];
  if (err.httpStatus !== undefined) parts.push(`HTTP ${err.httpStatus}`);
  const reason = (err as { reason?: unknown }).reason;
  if (typeof reason === 'string') parts.push(reason.replace(/_/g, ' '));
  const cause = (err as { cause?: unknown }).cause;
  const code = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown; name?: unknown }).code ?? (cause as { name?: unknown }).name : undefined;
  if (typeof code === 'string' && code !== 'Error') parts.push(code);
  const said = (err as { panelMessage?: unknown }).panelMessage;
  if (typeof said === 'string' && said !== '') parts.push(`the reply said "${said}"`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

export function outcomeUnknown(action: string, err: PanelError, scrub: Scrubber, subject?: string): PanelOrderOutcomeUnknownError {
  const happened = WHAT_HAPPENED[err.code] ?? err.code;
  const what = WHAT[action] ?? `processed this ${action} request`;
  const about = subject ? ` (${subject})` : '';
  const message =
    `The Panel may have ${what}${about}: ${happened}${shortDetail(err)}. ` +
    `It was not sent again, so it cannot have been applied twice. Check the Panel's order list before trying again.`;
  const opts: ConstructorParameters<typeof PanelOrderOutcomeUnknownError>[1] = { action, cause: err, scrub };
  if (err.httpStatus !== undefined) opts.httpStatus = err.httpStatus;
  if (err.headers !== undefined) opts.headers = err.headers;
  return new PanelOrderOutcomeUnknownError(message, opts);
}

/**
 * The policy. Given a failed attempt, either a delay before the next one, or the error to
 * throw (for writes, ambiguous failures become PanelOrderOutcomeUnknownError).
 */
export function decideRetry(err: PanelError, ctx: AttemptContext): RetryDecision {
  const read = isReadAction(ctx.action);
  const mayRetry = read ? transient(err) : provablyNotProcessed(err);
  if (!mayRetry) {
    if (!read && ambiguousWriteFailure(err)) return { retry: false, error: outcomeUnknown(ctx.action, err, ctx.scrub, ctx.subject) };
    return { retry: false, error: err };
  }
  if (ctx.retries >= ctx.opts.maxRetries) return { retry: false, error: err };
  const backoff = backoffDelay(ctx.retries + 1, ctx.opts, ctx.random);
  const retryAfter = (err as { retryAfterMs?: number }).retryAfterMs;
  const delayMs = retryAfter !== undefined ? Math.max(retryAfter, backoff) : backoff;
  if (ctx.elapsedMs + delayMs > ctx.opts.budgetMs) return { retry: false, error: err };
  return { retry: true, delayMs };
}
