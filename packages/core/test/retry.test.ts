import {
  PanelApiError,
  PanelAuthenticationError,
  PanelBadRequestError,
  PanelError,
  PanelInsufficientBalanceError,
  PanelMalformedResponseError,
  PanelNetworkError,
  PanelNotFoundError,
  PanelOrderOutcomeUnknownError,
  PanelRateLimitError,
  PanelTimeoutError,
  PanelUpstreamError,
} from '../src/errors';
import { PanelClient } from '../src/client';
import { backoffDelay, DEFAULT_RETRY, decideRetry, isReadAction, resolveRetryOptions, type RetryOptions } from '../src/retry';
import { fakeRuntime, fault, json, raw, API_URL, KEY, type Step } from './helpers/fake-runtime';

const BALANCE = json({ balance: '100.84292', currency: 'USD' });
const ORDER = json({ order: 23501 });
const CANCEL = json([{ order: 9, cancel: { status: 'success' } }]);
const REFILL = json({ refill: '1' });
const HTML_502 = raw('<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>', 502, { 'content-type': 'text/html' });

function client(script: Step[], retry?: Partial<RetryOptions> | false) {
  const rt = fakeRuntime(script);
  const c = new PanelClient({ apiUrl: API_URL, runtime: rt, secrets: [KEY], rateLimit: false, ...(retry !== undefined ? { retry } : {}) });
  return { rt, c };
}

async function caught(p: Promise<unknown>): Promise<PanelError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(PanelError);
    return e as PanelError;
  }
  throw new Error('expected a rejection');
}

describe('backoff', () => {
  it('doubles from baseDelayMs with equal jitter, capped at maxDelayMs', () => {
    const o = { ...DEFAULT_RETRY, baseDelayMs: 500, maxDelayMs: 3000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, o, 0.5))).toEqual([375, 750, 1500, 2250, 2250]);
    expect(backoffDelay(1, o, 0)).toBe(250);
    expect(backoffDelay(1, o, 0.9999999)).toBe(500);
    expect(backoffDelay(3, o, 1)).toBe(2000);
  });

  it('keeps a bad random source inside the jitter range', () => {
    expect(backoffDelay(1, DEFAULT_RETRY, Number.NaN)).toBe(375);
    expect(backoffDelay(1, DEFAULT_RETRY, 7)).toBe(500);
    expect(backoffDelay(1, DEFAULT_RETRY, -1)).toBe(250);
  });

  it('resolves options with the documented defaults and refuses nonsense', () => {
    expect(resolveRetryOptions(undefined)).toEqual({ maxRetries: 3, baseDelayMs: 500, maxDelayMs: 30_000, budgetMs: 60_000 });
    expect(resolveRetryOptions({ maxRetries: 5 }).maxRetries).toBe(5);
    expect(resolveRetryOptions(false).maxRetries).toBe(0);
    expect(() => resolveRetryOptions({ baseDelayMs: -1 })).toThrow(/retry\.baseDelayMs/);
  });

  it('classifies actions: reads are the five that change nothing', () => {
    expect(['balance', 'services', 'status', 'multiStatus', 'refill_status'].every(isReadAction)).toBe(true);
    expect(['add', 'cancel', 'refill', 'whatever'].some(isReadAction)).toBe(false);
  });
});

describe('reads retry on 429, 5xx and network faults', () => {
  it.each<[string, Step]>([
    ['429', raw('{"error":"Too many requests"}', 429)],
    ['502 JSON', raw('{"error":"Upstream provider returned an error"}', 502)],
    ['502 HTML', HTML_502],
    ['503', raw('Service Unavailable', 503)],
    ['ECONNRESET', fault('ECONNRESET', 'socket hang up')],
    ['ECONNREFUSED', fault('ECONNREFUSED')],
    ['UND_ERR_SOCKET', fault('UND_ERR_SOCKET', 'other side closed')],
    ['headers timeout', fault('UND_ERR_HEADERS_TIMEOUT')],
    ['truncated JSON', raw('{"balance":"100.8', 200)],
  ])('%s, then success', async (_name, failure) => {
    const { rt, c } = client([failure, failure, BALANCE]);
    await expect(c.balance()).resolves.toEqual({ balance: '100.84292', currency: 'USD' });
    expect(rt.calls).toHaveLength(3);
    expect(rt.sleeps).toEqual([375, 750]);
    expect(c.requestCount).toBe(3);
  });

  it('gives up after maxRetries with the last error', async () => {
    const { rt, c } = client([HTML_502, HTML_502, HTML_502, HTML_502, BALANCE]);
    const e = await caught(c.balance());
    expect(e).toBeInstanceOf(PanelUpstreamError);
    expect(rt.calls).toHaveLength(4);
    expect(rt.sleeps).toEqual([375, 750, 1500]);
  });

  it('honours Retry-After in seconds, even when longer than the backoff', async () => {
    const { rt, c } = client([raw('', 429, { 'retry-after': '7' }), BALANCE]);
    await c.balance();
    expect(rt.sleeps).toEqual([7000]);
  });

  it('honours Retry-After as an HTTP date on the injected clock', async () => {
    const { rt, c } = client([]);
    const at = new Date(rt.time + 12_000).toUTCString();
    rt.request = fakeRuntime([raw('', 429, { 'Retry-After': at }), BALANCE]).request;
    await c.balance();
    expect(rt.sleeps).toHaveLength(1);
    expect(rt.sleeps[0]).toBeGreaterThanOrEqual(11_000);
    expect(rt.sleeps[0]).toBeLessThanOrEqual(12_000);
  });

  it('never waits less than the backoff when Retry-After is 0', async () => {
    const { rt, c } = client([raw('', 429, { 'retry-after': '0' }), BALANCE]);
    await c.balance();
    expect(rt.sleeps).toEqual([375]);
  });

  it('stops when the next wait would exceed the budget, and reports Retry-After', async () => {
    const { rt, c } = client([raw('', 429, { 'retry-after': '120' }), BALANCE]);
    const e = await caught(c.balance());
    expect(e).toBeInstanceOf(PanelRateLimitError);
    expect((e as PanelRateLimitError).retryAfterMs).toBe(120_000);
    expect(rt.calls).toHaveLength(1);
    expect(rt.sleeps).toEqual([]);
  });

  it('counts time spent in slow attempts against the budget', async () => {
    const rt = fakeRuntime();
    let n = 0;
    rt.request = async () => {
      n++;
      rt.time += 25_000; // each attempt takes 25 s before failing
      throw Object.assign(new Error('timeout'), { code: 'UND_ERR_HEADERS_TIMEOUT' });
    };
    const c = new PanelClient({ apiUrl: API_URL, runtime: rt, rateLimit: false, retry: { budgetMs: 60_000, maxRetries: 10 } });
    const e = await caught(c.balance());
    expect(e).toBeInstanceOf(PanelTimeoutError);
    // Tries end at 25 s, 50.4 s and 76.1 s: the first two leave room for a backoff, the third is past the budget.
    expect(n).toBe(3);
  });

  it.each<[string, Step, new (...a: never[]) => PanelError]>([
    ['400', raw('{"error":"Incorrect request"}', 400), PanelBadRequestError],
    ['401', raw('{"error":"Invalid API key"}', 401), PanelAuthenticationError],
    ['404', raw('{"error":"Incorrect order ID"}', 404), PanelNotFoundError],
    ['200 + error', json({ error: 'Incorrect order ID' }), PanelApiError],
    ['HTML 200', raw('<!doctype html><title>Login</title>', 200), PanelMalformedResponseError],
    ['wrong shape', json({ nope: true }), PanelMalformedResponseError],
  ])('does not retry a definite answer: %s', async (_n, step, cls) => {
    const { rt, c } = client([step, BALANCE]);
    const e = await caught(c.balance());
    expect(e).toBeInstanceOf(cls);
    expect(rt.calls).toHaveLength(1);
  });

  it('retry: false makes exactly one attempt', async () => {
    const { rt, c } = client([raw('', 429), BALANCE], false);
    await expect(c.balance()).rejects.toBeInstanceOf(PanelRateLimitError);
    expect(rt.calls).toHaveLength(1);
  });

  it("a 429's Retry-After holds the client's other calls too", async () => {
    const rt = fakeRuntime([raw('', 429, { 'retry-after': '5' })], BALANCE);
    // A sleep that only ends when the test says so, so both calls can be seen waiting.
    const pending: Array<{ ms: number; wake: () => void }> = [];
    rt.sleep = (ms) => new Promise<void>((wake) => pending.push({ ms, wake }));
    const c = new PanelClient({ apiUrl: API_URL, runtime: rt, rateLimit: { limit: 1000, windowMs: 60_000 } });
    const first = c.balance();
    await new Promise((r) => setImmediate(r));
    const second = c.balance();
    await new Promise((r) => setImmediate(r));
    // One request made; the first call backs off, the second is held by the limiter.
    expect(rt.calls).toHaveLength(1);
    expect(pending.map((p) => p.ms)).toEqual([5000, 5000]);
    rt.time += 5000;
    pending.splice(0).forEach((p) => p.wake());
    await Promise.all([first, second]);
    expect(rt.calls).toHaveLength(3);
  });
});

describe('writes are resent only when the Panel provably did not process them', () => {
  const writes: Array<[string, (c: PanelClient) => Promise<unknown>, Step]> = [
    ['add', (c) => c.add({ service: 1, link: 'https://x.test/p', quantity: 100 }), ORDER],
    ['cancel', (c) => c.cancel([9]), CANCEL],
    ['refill', (c) => c.refill(9), REFILL],
  ];

  describe.each(writes)('%s', (action, run, ok) => {
    it.each<[string, Step]>([
      ['429', raw('{"error":"Too many requests"}', 429, { 'retry-after': '2' })],
      ['a 200 "too many requests"', raw('{"error":"Too many requests, slow down"}', 200)],
      ['connection refused', fault('ECONNREFUSED')],
      ['DNS failure', fault('ENOTFOUND')],
      ['connect timeout', fault('UND_ERR_CONNECT_TIMEOUT')],
    ])('retries after %s (nothing was processed)', async (_n, failure) => {
      const { rt, c } = client([failure, ok]);
      await run(c);
      expect(rt.calls).toHaveLength(2);
      expect(rt.calls.every((x) => x.action === action)).toBe(true);
    });

    it.each<[string, Step]>([
      ['a reset after sending', fault('ECONNRESET', 'socket hang up')],
      ['the other side closing mid-reply', fault('UND_ERR_SOCKET', 'other side closed')],
      ['a headers timeout', fault('UND_ERR_HEADERS_TIMEOUT')],
      ['a body timeout', fault('UND_ERR_BODY_TIMEOUT')],
      ['an overall deadline', { throw: Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' }) }],
      ['an unknown transport error', { throw: new Error('boom') }],
      ['a truncated reply', raw('{"order": 235', 200)],
      ['an empty reply', raw('', 200)],
      ['an HTML 200', raw('<html><body>ok</body></html>', 200)],
      ['a gateway 502 page', HTML_502],
      ['a gateway 504', raw('Gateway Timeout', 504)],
      // The Panel's own JSON error with a 5xx proves nothing: its PHP may fail after placing the order.
      ["the Panel's own 502", raw('{"error":"Upstream provider returned an error"}', 502)],
      ["the Panel's own 500", raw('{"error":"Internal error"}', 500)],
      ['a 408', raw('', 408)],
      ['a reply too large', { throw: Object.assign(new Error('too large'), { code: 'EPANEL_RESPONSE_TOO_LARGE' }) }],
    ])('reports outcome unknown after %s, sent once', async (_n, failure) => {
      const { rt, c } = client([failure, ok, ok]);
      const e = await caught(run(c));
      expect(e).toBeInstanceOf(PanelOrderOutcomeUnknownError);
      expect(e.code).toBe('order_outcome_unknown');
      expect(e.action).toBe(action);
      expect(e.retryable).toBe(false);
      expect(e.message).toMatch(/may have/);
      expect(e.message).toMatch(/not sent again/);
      expect(rt.calls).toHaveLength(1);
      expect(rt.sleeps).toEqual([]);
    });

    it.each<[string, Step, new (...a: never[]) => PanelError]>([
      ['400', raw('{"error":"Incorrect service"}', 400), PanelBadRequestError],
      ['401', raw('{"error":"Invalid API key"}', 401), PanelAuthenticationError],
      ['402', raw('{"error":"Not enough funds"}', 402), PanelInsufficientBalanceError],
      ['404', raw('{"error":"Incorrect order ID"}', 404), PanelNotFoundError],
      ['200 + error', json({ error: 'Incorrect link' }), PanelApiError],
      ['a redirect', raw('', 301, { location: 'https://panel.test/api/v2' }), PanelMalformedResponseError],
    ])('keeps the definite answer %s, sent once', async (_n, failure, cls) => {
      const { rt, c } = client([failure, ok]);
      const e = await caught(run(c));
      expect(e).toBeInstanceOf(cls);
      expect(rt.calls).toHaveLength(1);
    });
  });

  it('an add refused with 429 every time ends as rate_limited, never outcome unknown', async () => {
    const r429 = raw('', 429);
    const { rt, c } = client([r429, r429, r429, r429, ORDER]);
    const e = await caught(c.add({ service: 1, link: 'https://x.test', quantity: 10 }));
    expect(e).toBeInstanceOf(PanelRateLimitError);
    expect(rt.calls).toHaveLength(4);
  });

  it('names the order in the outcome-unknown message', async () => {
    const { c } = client([fault('ECONNRESET')]);
    const e = await caught(c.add({ service: 42, link: 'https://x.test', quantity: 10 }));
    expect(e.message).toContain('service 42');
    expect(e.message).toContain('placed this order');
    expect(e.message).toContain('ECONNRESET');
    // The inner error's advice ("Try again") must not leak into this message.
    expect(e.message).not.toMatch(/\bTry again\b/);
  });

  it('says what was wrong with an unreadable reply to add', async () => {
    const { c } = client([raw('{"order": 12', 200)]);
    const e = await caught(c.add({ service: 1, link: 'https://x.test', quantity: 10 }));
    expect(e.message).toMatch(/the reply could not be read \(HTTP 200, truncated\)/);
    expect(e.httpStatus).toBe(200);
  });
});

describe('decideRetry (pure)', () => {
  const base = { action: 'balance', retries: 0, elapsedMs: 0, random: 0.5, opts: DEFAULT_RETRY, scrub: (s: string) => s };

  it('a connection refused before sending is retryable for a write', () => {
    const err = new PanelNetworkError('refused', { sent: false });
    expect(decideRetry(err, { ...base, action: 'add' })).toEqual({ retry: true, delayMs: 375 });
  });

  it('a timeout after sending is outcome unknown for a write, retry for a read', () => {
    const err = new PanelTimeoutError('slow', { sent: true });
    const w = decideRetry(err, { ...base, action: 'add' });
    expect(w.retry === false && w.error).toBeInstanceOf(PanelOrderOutcomeUnknownError);
    expect(decideRetry(err, base)).toEqual({ retry: true, delayMs: 375 });
  });

  it('keeps the cause on an outcome-unknown error', () => {
    const err = new PanelNetworkError('reset', { sent: true });
    const d = decideRetry(err, { ...base, action: 'refill' });
    expect(d.retry).toBe(false);
    expect(d.retry === false && (d.error as Error & { cause?: unknown }).cause).toBe(err);
  });
});

describe('properties (fast-check)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fc = require('fast-check') as typeof import('fast-check');

  /** Failures that prove the Panel did nothing, and those after which it may have acted. */
  const NOT_PROCESSED: Array<() => Step> = [
    () => raw('', 429, { 'retry-after': '1' }),
    () => fault('ECONNREFUSED'),
    () => fault('ENOTFOUND'),
    () => fault('UND_ERR_CONNECT_TIMEOUT'),
  ];
  const MAYBE_PROCESSED: Array<() => Step> = [
    () => fault('ECONNRESET'),
    () => fault('UND_ERR_SOCKET'),
    () => fault('UND_ERR_HEADERS_TIMEOUT'),
    () => raw('{"order": 1', 200),
    () => raw('', 200),
    () => HTML_502,
    () => raw('Gateway Timeout', 504),
  ];
  const DEFINITE: Array<() => Step> = [
    () => raw('{"error":"Upstream provider returned an error"}', 502),
    () => raw('{"error":"Not enough funds"}', 402),
    () => json({ error: 'Incorrect link' }),
    () => ORDER,
  ];
  const anyStep = fc.oneof(
    fc.constantFrom(...NOT_PROCESSED).map((f) => ({ kind: 'not' as const, step: f() })),
    fc.constantFrom(...MAYBE_PROCESSED).map((f) => ({ kind: 'maybe' as const, step: f() })),
    fc.constantFrom(...DEFINITE).map((f) => ({ kind: 'definite' as const, step: f() })),
  );

  it('an add is never sent again once an attempt may have reached the Panel', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyStep, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 6 }), async (steps, maxRetries) => {
        const { rt, c } = client(steps.map((s) => s.step), { maxRetries });
        await c.add({ service: 1, link: 'https://x.test', quantity: 10 }).catch(() => undefined);
        const sent = rt.calls.length;
        // Every attempt but the last one must have been a provable "not processed".
        for (let i = 0; i < sent - 1; i++) expect(steps[i]!.kind).toBe('not');
        expect(sent).toBeLessThanOrEqual(maxRetries + 1);
      }),
      { numRuns: 300 },
    );
  });

  it('a read never exceeds maxRetries or the time budget', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(anyStep, { minLength: 1, maxLength: 10 }),
        fc.record({ maxRetries: fc.integer({ min: 0, max: 8 }), baseDelayMs: fc.integer({ min: 1, max: 5000 }), budgetMs: fc.integer({ min: 0, max: 120_000 }) }),
        async (steps, opts) => {
          const { rt, c } = client([...steps.map((s) => s.step)], { ...opts, maxDelayMs: 30_000 });
          const t0 = rt.time;
          await c.balance().catch(() => undefined);
          expect(rt.calls.length).toBeLessThanOrEqual(opts.maxRetries + 1);
          expect(rt.time - t0).toBeLessThanOrEqual(opts.budgetMs);
        },
      ),
      { numRuns: 300 },
    );
  });
});
