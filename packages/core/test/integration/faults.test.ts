/**
 * Faults injected by the sandbox, over real HTTP: reads are retried, an order that may have
 * been placed is never sent twice (counted on the sandbox).
 */
import { startHarness, logged, type Harness } from './harness';
import { PanelOrderOutcomeUnknownError, PanelTimeoutError, PanelUpstreamError, PanelRateLimitError, PanelMalformedResponseError } from '../../src/errors';
import { createPanelClient } from '../../src/node';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(() => {
  h.sb.reset();
  h.sleeps.length = 0;
});

const ORDER = { service: 1, link: 'https://instagram.com/p/fault', quantity: 100 };

describe('add never sent twice', () => {
  it('reset after the Panel processed it: outcome unknown, exactly one add, exactly one order', async () => {
    h.sb.fault({ kind: 'reset_after', action: 'add' });
    const c = h.client();
    const e = await c.addOrder(1, { link: ORDER.link, quantity: ORDER.quantity }).catch((x) => x);
    expect(e).toBeInstanceOf(PanelOrderOutcomeUnknownError);
    expect(e.message).toMatch(/may have placed this order/);
    expect(logged(h.sb, 'add')).toHaveLength(1);
    expect(h.sb.orders()).toHaveLength(1); // the order does exist: that is why it must not be resent
  });

  it('reset before processing looks the same from outside: still not resent', async () => {
    h.sb.fault({ kind: 'reset_before', action: 'add' });
    const e = await h.client().add(ORDER).catch((x) => x);
    expect(e).toBeInstanceOf(PanelOrderOutcomeUnknownError);
    expect(logged(h.sb, 'add')).toHaveLength(1);
    expect(h.sb.orders()).toHaveLength(0);
  });

  it('a truncated reply to add: outcome unknown, one order', async () => {
    h.sb.fault({ kind: 'truncated', action: 'add' });
    await expect(h.client().add(ORDER)).rejects.toBeInstanceOf(PanelOrderOutcomeUnknownError);
    expect(logged(h.sb, 'add')).toHaveLength(1);
    expect(h.sb.orders()).toHaveLength(1);
  });

  it.each([
    ['a 502 without a body', { kind: 'status', status: 502 }, false],
    ['a 500 with the Panel\'s JSON error, order placed', { kind: 'body', status: 500, body: '{"error":"Internal error"}', processed: true }, true],
    ['a 502 with the Panel\'s JSON error, nothing placed', { kind: 'body', status: 502, body: '{"error":"Upstream provider returned an error"}' }, false],
    ['a 503 HTML page, order placed', { kind: 'html', status: 503, processed: true }, true],
  ] as const)('%s: outcome unknown (a 5xx never proves a refusal), sent once', async (_n, fault, placed) => {
    h.sb.fault({ ...fault, action: 'add' });
    const e = await h.client().add(ORDER).catch((x) => x);
    expect(e).toBeInstanceOf(PanelOrderOutcomeUnknownError);
    expect(e.message).toMatch(/may have placed this order/);
    expect(e.httpStatus).toBe(fault.status);
    expect(logged(h.sb, 'add')).toHaveLength(1);
    expect(h.sb.orders()).toHaveLength(placed ? 1 : 0);
  });

  it('a 429 on add proves nothing was done: retried once after Retry-After, one order', async () => {
    h.sb.fault({ kind: 'status', status: 429, action: 'add', retryAfterSec: 2 });
    const { order } = await h.client().add(ORDER);
    expect(logged(h.sb, 'add').map((r) => r.status)).toEqual([429, 200]);
    expect(h.sleeps).toEqual([2000]);
    expect(h.sb.orders().map((o) => String(o.order))).toEqual([order]);
  });

  it('cancel and refill are never resent after a reset either', async () => {
    const c = h.client();
    const { order } = await c.add(ORDER);
    h.sb.fault({ kind: 'reset_after', action: 'cancel' });
    await expect(c.cancel([order])).rejects.toBeInstanceOf(PanelOrderOutcomeUnknownError);
    expect(logged(h.sb, 'cancel')).toHaveLength(1);
    h.sb.fault({ kind: 'reset_after', action: 'refill' });
    await expect(c.refill(order)).rejects.toBeInstanceOf(PanelOrderOutcomeUnknownError);
    expect(logged(h.sb, 'refill')).toHaveLength(1);
  });
});

describe('reads retry', () => {
  it('429 then success, honouring Retry-After', async () => {
    h.sb.fault({ kind: 'status', status: 429, action: 'balance', retryAfterSec: 3 });
    await expect(h.client().balance()).resolves.toMatchObject({ currency: 'USD' });
    expect(logged(h.sb, 'balance').map((r) => r.status)).toEqual([429, 200]);
    expect(h.sleeps).toEqual([3000]);
  });

  it('502 twice then success, with exponential backoff', async () => {
    h.sb.fault({ kind: 'status', status: 502, action: 'services', times: 2 });
    const services = await h.client().services();
    expect(services.length).toBeGreaterThan(0);
    expect(logged(h.sb, 'services').map((r) => r.status)).toEqual([502, 502, 200]);
    expect(h.sleeps).toEqual([375, 750]);
  });

  it('a reset on a read is retried', async () => {
    h.sb.fault({ kind: 'reset_before', action: 'status' });
    const c = h.client();
    const { order } = await c.add(ORDER);
    await expect(c.status(order)).resolves.toMatchObject({ order });
    expect(logged(h.sb, 'status')).toHaveLength(2);
  });

  it('multiStatus chunks are retried one by one on 502', async () => {
    h.sb.fault({ kind: 'status', status: 502, action: 'multiStatus' });
    const res = await h.client({ statusConcurrency: 1 }).statuses(Array.from({ length: 150 }, (_, i) => i + 1));
    expect(res).toHaveLength(150);
    expect(logged(h.sb, 'multiStatus').map((r) => r.status)).toEqual([502, 200, 200]);
  });

  it('gives up after maxRetries with a typed error', async () => {
    h.sb.fault({ kind: 'status', status: 429, action: 'balance', times: 3, retryAfterSec: 1 });
    await expect(h.client({ retry: { maxRetries: 2 } }).balance()).rejects.toBeInstanceOf(PanelRateLimitError);
    expect(logged(h.sb, 'balance')).toHaveLength(3);
  });

  it('an HTML error page is a malformed reply that names the fix', async () => {
    h.sb.fault({ kind: 'html', action: 'balance' });
    const e = await h.client().balance().catch((x) => x);
    expect(e).toBeInstanceOf(PanelMalformedResponseError);
    expect(e.reason).toBe('html');
    expect(e.message).toMatch(/API URL/);
  });

  it('a body slower than the timeout is a timeout', async () => {
    h.sb.fault({ kind: 'slow', action: 'balance', ms: 150 });
    const c = createPanelClient({ apiUrl: h.sb.apiUrl, apiKey: 'sandbox-demo-key', rateLimit: false, retry: false, timeoutMs: 300 });
    try {
      await expect(c.balance()).rejects.toBeInstanceOf(PanelTimeoutError);
    } finally {
      await c.close();
    }
  });
});
