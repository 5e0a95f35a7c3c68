/** Every action end to end, over real HTTP against the sandbox Panel. */
import { startHarness, logged, type Harness } from './harness';
import { PanelBadRequestError, PanelUnsupportedOrderTypeError, PanelNotFoundError, PanelAuthenticationError } from '../../src/errors';
import { createPanelClient } from '../../src/node';
import type { OrderInput } from '../../src/types';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(() => h.sb.reset());

describe('reads', () => {
  it('balance: the funded sandbox account, exact', async () => {
    await expect(h.client().balance()).resolves.toEqual({ balance: '1000', balance_raw: '1000.00', currency: 'USD' });
  });

  it('services: the whole catalog, all eight types, normalised', async () => {
    const services = await h.client().services();
    expect(services.length).toBe(h.sb.catalog().length);
    expect(new Set(services.map((s) => s.type))).toEqual(
      new Set(['Default', 'SEO', 'Custom Comments', 'Custom Comments Package', 'Poll', 'Subscriptions', 'Invites from Groups', 'Package']),
    );
    for (const s of services) {
      expect(typeof s.service).toBe('string');
      expect(Number.isInteger(s.min) && Number.isInteger(s.max)).toBe(true);
      expect(s.rate).toMatch(/^\d+(\.\d+)?$/);
    }
  });

  it('a wrong key is an authentication error', async () => {
    const c = createPanelClient({ apiUrl: h.sb.apiUrl, apiKey: 'test-key-wrong', rateLimit: false });
    try {
      const e = await c.balance().catch((x) => x);
      expect(e).toBeInstanceOf(PanelAuthenticationError);
      expect(JSON.stringify(e)).not.toContain('test-key-wrong');
    } finally {
      await c.close();
    }
  });
});

/** One valid order per creatable type, by the sandbox's default catalog. */
const ORDERS: Array<[string, number, OrderInput]> = [
  ['Default', 1, { link: 'https://instagram.com/p/default', quantity: 100 }],
  ['Default (drip-feed)', 2, { link: 'https://instagram.com/p/drip', quantity: 50, runs: 3, interval: 15 }],
  ['SEO', 4, { link: 'https://example.com', keywords: 'smm panel, cheap likes\nbest panel', quantity: 200 }],
  ['Custom Comments', 5, { link: 'https://instagram.com/p/cc', comments: 'Great!\r\n\r\nLove it\n  Wow  \n' }],
  ['Custom Comments Package', 6, { username: 'mychannel', min: 2, max: 5, delay: 30, posts: 3 }],
  ['Poll', 7, { link: 'https://t.me/channel/42', quantity: 100, answer_number: 2 }],
  ['Invites from Groups', 9, { link: 'https://t.me/target', groups: 'groupone\ngrouptwo', quantity: 150 }],
  ['Package', 10, { link: 'https://tiktok.com/@someone' }],
];

/** Keyword / group lists compared as lists: the sandbox stores them in its own spelling. */
function listsOf(fields: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...fields };
  for (const k of ['keywords', 'groups']) {
    if (typeof fields[k] === 'string') out[k] = fields[k]!.split(/[,\n]/).map((x) => x.trim()).filter(Boolean);
  }
  return out;
}

describe('every order type is placed, billed as prepared', () => {
  it.each(ORDERS)('%s', async (_name, serviceId, input) => {
    const c = h.client();
    const prepared = await c.prepareOrder(serviceId, input);
    const before = h.sb.balance().balance;
    const { order } = await c.addOrder(prepared.service, input);
    const placed = h.sb.order(Number(order));
    expect(placed).toBeDefined();
    expect(placed!.service).toBe(serviceId);
    expect(placed!.type).toBe(prepared.type);
    // The Panel received the prepared fields and billed what the dry run estimated.
    const { action: _a, service: _s, ...fields } = prepared.form;
    expect(listsOf(placed!.fields)).toMatchObject(listsOf(fields));
    expect(placed!.quantity).toBe(prepared.quantity);
    expect(Number(placed!.charge)).toBeCloseTo(Number(prepared.charge), 7);
    expect(Number(before) - Number(h.sb.balance().balance)).toBeCloseTo(Number(prepared.charge), 7);
    expect(logged(h.sb, 'add')).toHaveLength(1);
    const st = await c.status(order);
    expect(st.order).toBe(order);
    expect(['Pending', 'In progress']).toContain(st.status);
  });

  it('Subscriptions is refused locally, and the Panel\'s own 400 is a bad request', async () => {
    const c = h.client();
    await expect(c.addOrder(8, { link: 'https://instagram.com/x', quantity: 100 })).rejects.toBeInstanceOf(PanelUnsupportedOrderTypeError);
    expect(logged(h.sb, 'add')).toHaveLength(0);
    const e = await c.add({ service: 8, link: 'https://instagram.com/x', quantity: 100 }).catch((x) => x);
    expect(e).toBeInstanceOf(PanelBadRequestError);
    expect(e.message).toMatch(/Subscription/);
    expect(h.sb.orders()).toHaveLength(0);
  });

  it('an unknown service is not found', async () => {
    await expect(h.client().add({ service: 999, link: 'https://x.test', quantity: 100 })).rejects.toBeInstanceOf(PanelNotFoundError);
  });
});

describe('status, multiStatus, cancel, refill', () => {
  it('status follows an order to Completed (final) on the sandbox clock', async () => {
    const c = h.client();
    const { order } = await c.add({ service: 1, link: 'https://instagram.com/p/follow', quantity: 50 });
    await h.sb.advance(7 * 24 * 3600_000);
    const st = await c.status(order);
    expect(st).toMatchObject({ order, status: 'Completed', final: true, remains: 0, currency: 'USD' });
    expect(st.charge).toMatch(/^\d+\.\d+$/);
  });

  it('statuses over 250 ids take exactly 3 multiStatus requests, answered in input order', async () => {
    const c = h.client();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await c.add({ service: 2, link: `https://instagram.com/p/${i}`, quantity: 10 })).order);
    // 5 real orders spread among 245 unknown ids, and duplicates that cost nothing.
    const asked = Array.from({ length: 250 }, (_, i) => (i % 50 === 0 ? ids[i / 50]! : String(800_000 + i)));
    h.sb.clearRequests();
    const res = await c.statuses([...asked, ids[0]!, ids[1]!]);
    expect(logged(h.sb, 'multiStatus')).toHaveLength(3);
    expect(h.sb.requests()).toHaveLength(3);
    expect(res.map((r) => r.order)).toEqual([...asked, ids[0], ids[1]]);
    expect(res.filter((r) => r.error === null)).toHaveLength(7);
    expect(res[1]).toEqual({ order: '800001', error: expect.stringMatching(/Incorrect order ID/) });
  });

  it('the `status&orders=` dialect gets the same answers', async () => {
    const c = h.client({ multiStatusAction: 'status' });
    const { order } = await c.add({ service: 2, link: 'https://instagram.com/p/d', quantity: 10 });
    h.sb.clearRequests();
    const res = await c.statuses([order, 999_999]);
    expect(h.sb.requests().map((r) => r.action)).toEqual(['status']);
    expect(res[0]).toMatchObject({ order, error: null });
    expect(res[1]).toMatchObject({ order: '999999', error: expect.any(String) });
  });

  it('cancel: per-id results, a canceled order ends Canceled', async () => {
    const c = h.client();
    const { order } = await c.add({ service: 3, link: 'https://youtube.com/watch?v=x', quantity: 1000 });
    const res = await c.cancel([order, 999_999]);
    expect(res[0]).toEqual({ order, canceled: true, error: null });
    expect(res[1]).toMatchObject({ order: '999999', canceled: false, error: expect.any(String) });
    await h.sb.advance(3600_000);
    expect(await c.status(order)).toMatchObject({ status: 'Canceled', final: true });
  });

  it('refill and refill_status, one and many', async () => {
    const c = h.client();
    const a = await c.add({ service: 1, link: 'https://instagram.com/p/r1', quantity: 50 });
    const b = await c.add({ service: 1, link: 'https://instagram.com/p/r2', quantity: 50 });
    const notRefillable = await c.add({ service: 2, link: 'https://instagram.com/p/r3', quantity: 10 });
    await h.sb.advance(7 * 24 * 3600_000);
    const one = await c.refill(a.order);
    expect(one).toMatchObject({ order: a.order, error: null });
    expect(one.refill).toMatch(/^\d+$/);
    const many = await c.refills([b.order, notRefillable.order]);
    expect(many[0]).toMatchObject({ order: b.order, error: null });
    expect(many[1]).toMatchObject({ order: notRefillable.order, refill: null, error: expect.stringMatching(/Refill/) });
    const st = await c.refillStatus(one.refill!);
    expect(st).toMatchObject({ refill: one.refill, error: null });
    await h.sb.advance(7 * 24 * 3600_000);
    const sts = await c.refillStatuses([one.refill!, many[0]!.refill!, 999_999]);
    expect(sts.slice(0, 2).map((s) => [s.status, s.final])).toEqual([
      ['Completed', true],
      ['Completed', true],
    ]);
    expect(sts[2]).toMatchObject({ refill: '999999', error: expect.any(String) });
  });
});
