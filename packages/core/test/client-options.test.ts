/**
 * Per-call options (signal, timeoutMs, retry), retry visibility (onRetry, logger), headers
 * kept on errors, and the Panel's rate-limit signals pacing the client.
 */
import { PanelClient, type ClientOptions } from '../src/client';
import { PanelNetworkError, PanelOrderOutcomeUnknownError, PanelRateLimitError, PanelUpstreamError } from '../src/errors';
import type { RetryEvent } from '../src/retry';
import { API_URL, KEY, fakeRuntime, json, raw, type FakeRuntime, type Step } from './helpers/fake-runtime';

const STATUS = json({ charge: '1', start_count: '0', status: 'Pending', remains: '10', currency: 'USD' });
const BALANCE = json({ balance: '10', currency: 'USD' });
const ADDED = json({ order: 77 });

function client(script: Step[], extra: Partial<ClientOptions> = {}, fallback?: Step): { rt: FakeRuntime; c: PanelClient } {
  const rt = fakeRuntime(script, fallback);
  return { rt, c: new PanelClient({ apiUrl: API_URL, runtime: rt, secrets: [KEY], rateLimit: false, ...extra }) };
}

const caught = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a rejection'); }, (e: unknown) => e as Error & Record<string, unknown>);

describe('per-call options', () => {
  it('timeoutMs goes to the runtime for this call only', async () => {
    const { rt, c } = client([BALANCE, BALANCE], { timeoutMs: 9000 });
    await c.balance({ timeoutMs: 1234 });
    await c.balance();
    expect(rt.calls.map((x) => x.timeoutMs)).toEqual([1234, 9000]);
  });

  it('retry: false makes this call a single attempt; the client keeps retrying others', async () => {
    const r503 = raw('down', 503);
    const { rt, c } = client([r503, r503, BALANCE]);
    await expect(c.balance({ retry: false })).rejects.toBeInstanceOf(PanelUpstreamError);
    expect(rt.calls).toHaveLength(1);
    await expect(c.balance()).resolves.toMatchObject({ currency: 'USD' });
    expect(rt.calls).toHaveLength(3);
  });

  it('retry options merge over the client policy', async () => {
    const r503 = raw('down', 503);
    const { rt, c } = client([r503, r503, r503], { retry: { maxRetries: 5, baseDelayMs: 100 } });
    await expect(c.balance({ retry: { maxRetries: 1 } })).rejects.toBeInstanceOf(PanelUpstreamError);
    expect(rt.calls).toHaveLength(2);
    expect(rt.sleeps).toEqual([75]); // equal jitter at random 0.5: 3/4 of the 100 ms step
  });

  it('an already aborted signal sends nothing', async () => {
    const { rt, c } = client([BALANCE]);
    const e = await caught(c.balance({ signal: AbortSignal.abort() }));
    expect(e).toBeInstanceOf(PanelNetworkError);
    expect(e.message).toMatch(/canceled by the caller/);
    expect(e.sent).toBe(false);
    expect(rt.calls).toHaveLength(0);
  });

  it('the signal is handed to the runtime, and an abort in flight stops the call without retrying', async () => {
    const ac = new AbortController();
    const hang: Step = (req) =>
      new Promise((_resolve, reject) => {
        req.signal?.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })), { once: true });
        setTimeout(() => ac.abort(), 5);
      });
    const { rt, c } = client([hang, BALANCE]);
    const e = await caught(c.balance({ signal: ac.signal }));
    expect(e).toBeInstanceOf(PanelNetworkError);
    expect(e.retryable).toBe(false);
    expect(rt.calls).toHaveLength(1);
    expect(rt.calls[0]!.signal).toBe(ac.signal);
  });

  it('a runtime that ignores the signal is not waited for once it aborts', async () => {
    const ac = new AbortController();
    const never: Step = () => {
      setTimeout(() => ac.abort(), 5);
      return new Promise(() => undefined);
    };
    const { c } = client([never]);
    await expect(c.balance({ signal: ac.signal })).rejects.toBeInstanceOf(PanelNetworkError);
  });

  it('an add aborted after it was sent is outcome unknown, never resent', async () => {
    const ac = new AbortController();
    const hang: Step = (req) =>
      new Promise((_resolve, reject) => {
        req.signal?.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })), { once: true });
        setTimeout(() => ac.abort(), 5);
      });
    const { rt, c } = client([hang, ADDED]);
    await expect(c.add({ service: 1, link: 'x', quantity: 10 }, { signal: ac.signal })).rejects.toBeInstanceOf(PanelOrderOutcomeUnknownError);
    expect(rt.calls).toHaveLength(1);
  });

  it('an abort during the backoff sleep stops before the next attempt', async () => {
    const ac = new AbortController();
    const rt = fakeRuntime([raw('down', 503), BALANCE]);
    rt.sleep = () => {
      ac.abort();
      return new Promise(() => undefined);
    };
    const c = new PanelClient({ apiUrl: API_URL, runtime: rt, secrets: [KEY], rateLimit: false });
    const e = await caught(c.balance({ signal: ac.signal }));
    expect(e.message).toMatch(/canceled/);
    expect(rt.calls).toHaveLength(1);
  });

  it('the client-level signal applies to every call (n8n passes its execution-cancel signal)', async () => {
    const { rt, c } = client([BALANCE], { signal: AbortSignal.abort() });
    await expect(c.statuses(['1', '2'])).rejects.toBeInstanceOf(PanelNetworkError);
    expect(rt.calls).toHaveLength(0);
  });
});

describe('retries are visible', () => {
  it('onRetry is told each retry with its delay and the scrubbed failure', async () => {
    const events: RetryEvent[] = [];
    const { c } = client([raw(`bad ${KEY}`, 503), raw('', 429, { 'retry-after': '3' }), BALANCE], { onRetry: (e) => events.push(e) });
    await c.balance();
    expect(events.map((e) => [e.action, e.retry, e.delayMs, e.error.code])).toEqual([
      ['balance', 1, 375, 'upstream'],
      ['balance', 2, 3000, 'rate_limited'],
    ]);
    expect(JSON.stringify(events.map((e) => e.error))).not.toContain(KEY);
  });

  it('a logger gets one warning per retry when no onRetry is given', async () => {
    const warnings: Array<[string, Record<string, unknown> | undefined]> = [];
    const { c } = client([raw('down', 502), BALANCE], { logger: { warn: (m, meta) => warnings.push([m, meta]) } });
    await c.balance();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]![0]).toBe('Panel "balance" failed (upstream, HTTP 502); retry 1 in 375 ms');
    expect(warnings[0]![1]).toMatchObject({ action: 'balance', retry: 1, delayMs: 375, code: 'upstream', httpStatus: 502 });
  });
});

describe('headers on errors', () => {
  it('an error keeps the reply headers (scrubbed), also through outcome unknown', async () => {
    const { c } = client([raw('', 429, { 'x-ratelimit-remaining': '0', 'retry-after': '1', 'x-echo': KEY })], { retry: false });
    const e = await caught(c.balance());
    expect(e).toBeInstanceOf(PanelRateLimitError);
    expect(e.headers).toMatchObject({ 'x-ratelimit-remaining': '0', 'retry-after': '1', 'x-echo': '[redacted]' });
    const { c: c2 } = client([raw('{"error":"boom"}', 500, { 'x-request-id': 'abc' })]);
    const u = await caught(c2.add({ service: 1, link: 'x', quantity: 10 }));
    expect(u).toBeInstanceOf(PanelOrderOutcomeUnknownError);
    expect(u.headers).toMatchObject({ 'x-request-id': 'abc' });
    expect(u.message).toMatch(/HTTP 500, the reply said "boom"/);
  });
});

describe('rate-limit signals pace the client', () => {
  const NOW = 1_700_000_000_000;

  it.each([
    ['Retry-After seconds', { 'retry-after': '4' }, 4000],
    ['Retry-After as an HTTP date', { 'retry-after': new Date(NOW + 6000).toUTCString() }, 6000],
    ['X-RateLimit-Reset as unix seconds', { 'x-ratelimit-reset': String(NOW / 1000 + 7) }, 7000],
    ['X-RateLimit-Reset as seconds to wait', { 'x-ratelimit-reset': '5' }, 5000],
  ])('a 429 with %s: the retry waits that long', async (_n, headers, wait) => {
    const { rt, c } = client([raw('', 429, headers), BALANCE]);
    await c.balance();
    expect(rt.sleeps).toEqual([wait]);
  });

  it('a 200 {"error":"Too many requests"} is a rate limit: retried (also an add) after its wait', async () => {
    const { rt, c } = client([raw('{"error":"Too many requests, slow down"}', 200, { 'retry-after': '2' }), ADDED]);
    await expect(c.add({ service: 1, link: 'x', quantity: 10 })).resolves.toMatchObject({ order: '77' });
    expect(rt.calls).toHaveLength(2);
    expect(rt.sleeps).toEqual([2000]);
  });

  it('a Retry-After beyond the retry budget is not slept through: the rate limit is reported', async () => {
    const { rt, c } = client([raw('', 429, { 'retry-after': '120' }), BALANCE], { retry: { budgetMs: 10_000 } });
    const e = await caught(c.balance());
    expect(e).toBeInstanceOf(PanelRateLimitError);
    expect(e.retryAfterMs).toBe(120_000);
    expect(rt.sleeps).toEqual([]);
  });

  it('X-RateLimit-Remaining: 0 on a good reply holds the next call until the reset (limiter on)', async () => {
    const { rt, c } = client([raw('{"balance":"1","currency":"USD"}', 200, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '3' }), BALANCE], {
      rateLimit: { limit: 1000, windowMs: 60_000 },
    });
    await c.balance();
    await c.balance();
    expect(rt.calls.map((x) => x.at - rt.calls[0]!.at)).toEqual([0, 3000]);
  });

  it('a 429 with Retry-After holds the other calls of the client too', async () => {
    const { rt, c } = client([raw('', 429, { 'retry-after': '2' }), STATUS, BALANCE], { rateLimit: { limit: 1000, windowMs: 60_000 } });
    await Promise.all([c.status('1'), new Promise((r) => setTimeout(r, 1)).then(() => c.balance())]);
    expect(rt.calls.map((x) => x.at - rt.calls[0]!.at)).toEqual([0, 2000, 2000]);
  });
});
