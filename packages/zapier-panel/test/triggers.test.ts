/** Every trigger against the sandbox, through Zapier's app tester (its id/array checks included). */
import { Decimal } from '@panel/core';
import type { Sandbox } from '@panel/sandbox';
import App from '../src';
import { SERVICE_DROPDOWN_PAGE } from '../src/triggers/serviceList';
import { appTester, authData, KEY, messageOf, performOf, rejection, sandbox } from './helpers';
import { asZapierHook, receiver, type Delivery, type Receiver } from './hooks';

type Item = Record<string, unknown> & { id: string };
const ids = (items: Item[]) => items.map((i) => i.id);
/** What a Zap would fire on: ids not seen in earlier polls (Zapier's dedupe). */
const fresh = (seen: Set<string>, items: Item[]) => items.filter((i) => !seen.has(i.id));

describe('polling triggers', () => {
  let sb: Sandbox;
  beforeEach(async () => {
    sb = await sandbox();
  });
  afterEach(() => sb.stop());

  const poll = (key: keyof typeof App.triggers, inputData: Record<string, unknown> = {}, meta: Record<string, unknown> = {}) =>
    appTester(performOf(App.triggers[key]), { authData: authData(sb), inputData, meta }, true) as Promise<Item[]>;

  describe('hidden service list (dropdown)', () => {
    test('pages of services with id and a readable label; served from the cache on the next call', async () => {
      sb.setCatalog({ size: SERVICE_DROPDOWN_PAGE + 30 });
      const tester = appTester;
      const page0 = (await tester(performOf(App.triggers.service_list), { authData: authData(sb), meta: { page: 0 } }, true)) as Item[];
      const page1 = (await tester(performOf(App.triggers.service_list), { authData: authData(sb), meta: { page: 1 } })) as Item[];
      const page2 = (await tester(performOf(App.triggers.service_list), { authData: authData(sb), meta: { page: 2 } })) as Item[];
      expect(page0).toHaveLength(SERVICE_DROPDOWN_PAGE);
      expect(page1).toHaveLength(30);
      expect(page2).toEqual([]);
      expect(new Set([...ids(page0), ...ids(page1)]).size).toBe(SERVICE_DROPDOWN_PAGE + 30);
      expect(page0[0]!.label).toEqual(expect.stringContaining(`#${page0[0]!.id}`));
      expect(sb.requests({ action: 'services' })).toHaveLength(1);
    });
  });

  describe('New Service', () => {
    test('newest first; a service added to the catalog is the one new id', async () => {
      const first = await poll('new_service');
      expect(first.length).toBe(sb.catalog().length);
      const numbers = ids(first).map(Number);
      expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
      const seen = new Set(ids(first));
      sb.setCatalog([...sb.catalog(), { service: 500, name: 'Brand New Likes', type: 'Default', rate: '1.25', min: 10, max: 1000, category: 'Instagram Likes' }]);
      const next = fresh(seen, await poll('new_service'));
      expect(next).toHaveLength(1);
      expect(next[0]).toMatchObject({ id: '500', service: '500', name: 'Brand New Likes', rate: '1.25', type: 'Default' });
    });

    test('category filter (contains, any case)', async () => {
      const items = await poll('new_service', { category: 'telegram' });
      expect(items.length).toBeGreaterThan(0);
      for (const i of items) expect(String(i.category).toLowerCase()).toContain('telegram');
    });
  });

  describe('Service Rate Changed', () => {
    test('fires once per new rate of a service, and not again while the rate holds', async () => {
      const seen = new Set(ids(await poll('service_rate_changed')));
      expect(fresh(seen, await poll('service_rate_changed'))).toEqual([]);
      sb.setCatalog(sb.catalog().map((s) => (s.service === 3 ? { ...s, rate: '1.5000001' } : s)));
      const changed = fresh(seen, await poll('service_rate_changed'));
      expect(changed).toHaveLength(1);
      expect(changed[0]).toMatchObject({ service: '3', rate: '1.5000001', id: '3:1.5000001' });
      for (const i of changed) seen.add(i.id);
      expect(fresh(seen, await poll('service_rate_changed'))).toEqual([]);
    });

    test('watches only the listed services when given', async () => {
      const items = await poll('service_rate_changed', { services: ['2', '7'] });
      expect(items.map((i) => i.service).sort()).toEqual(['2', '7']);
    });
  });

  describe('Balance Below', () => {
    const below = (threshold: string) =>
      appTester(performOf(App.triggers.balance_below), { authData: authData(sb), inputData: { threshold } }) as Promise<Item[]>;

    test('fires once per crossing: same id while below, a new id after a top-up and a new drop', async () => {
      // balance 1000.00; each order of 100 × service 12 (rate 3.20) costs 0.32
      expect(await below('999.70')).toEqual([]);
      const a = sb.seedOrder({ key: KEY, service: 12, link: 'https://x.com/a', quantity: 100 });
      const first = await below('999.70');
      expect(first).toHaveLength(1);
      expect(first[0]).toMatchObject({ currency: 'USD', threshold: '999.7' });
      expect(Decimal.parse(first[0]!.balance).eq('999.68')).toBe(true);
      const again = await below('999.70');
      expect(ids(again)).toEqual(ids(first));
      // A cancel refunds the order: the balance is back above the threshold.
      await sb.setOutcome(a.order, 'cancel', { immediate: true });
      expect(await below('999.70')).toEqual([]);
      await new Promise((r) => setTimeout(r, 5));
      sb.seedOrder({ key: KEY, service: 12, link: 'https://x.com/b', quantity: 100 });
      const second = await below('999.70');
      expect(second).toHaveLength(1);
      expect(second[0]!.id).not.toBe(first[0]!.id);
    });

    test('a threshold that is not an amount names the field', async () => {
      const err = await rejection(below('ten dollars'));
      expect(messageOf(err)).toContain('"threshold"');
    });
  });

  describe('Order Status Changed (polling)', () => {
    test('one id per order and status: fires again only when the status changes', async () => {
      const a = sb.seedOrder({ key: KEY, service: 1, link: 'https://instagram.com/a', quantity: 100 });
      const b = sb.seedOrder({ key: KEY, service: 2, link: 'https://instagram.com/b', quantity: 100 });
      const input = { orders: [String(a.order), String(b.order)] };
      const first = await poll('order_status_polling', input);
      expect(ids(first).sort()).toEqual([`${a.order}:Pending`, `${b.order}:Pending`].sort());
      const seen = new Set(ids(first));
      expect(fresh(seen, await poll('order_status_polling', input))).toEqual([]);
      await sb.setOutcome(a.order, 'complete', { immediate: true });
      const changed = fresh(seen, await poll('order_status_polling', input));
      expect(changed).toHaveLength(1);
      expect(changed[0]).toMatchObject({ id: `${a.order}:Completed`, order: String(a.order), status: 'Completed', final: true });
    });

    test('status filter and unknown ids among known ones', async () => {
      const a = sb.seedOrder({ key: KEY, service: 1, link: 'https://instagram.com/a', quantity: 100 });
      const b = sb.seedOrder({ key: KEY, service: 1, link: 'https://instagram.com/b', quantity: 100 });
      await sb.setOutcome(b.order, 'fail', { immediate: true });
      const items = await poll('order_status_polling', { orders: `${a.order}, ${b.order}, 987654321`, statuses: ['Failed', 'Completed'] });
      expect(ids(items)).toEqual([`${b.order}:Failed`]);
    });

    test('only unknown ids: an error naming the orders field', async () => {
      const err = await rejection(poll('order_status_polling', { orders: ['987654321'] }));
      expect(messageOf(err)).toContain('"orders"');
      expect(messageOf(err)).toContain('987654321');
    });

    test('every status spelling arrives canonical, and the filter matches the canonical name', async () => {
      await sb.stop();
      sb = await sandbox({ statusSpelling: { Completed: 'Done', Canceled: 'Cancelled', Pending: 'pending', Failed: 'FAILED', Partial: 'partial' } });
      const outcomes = ['complete', 'cancel', 'fail', 'partial'] as const;
      const placed = outcomes.map((o) => ({ o, id: sb.seedOrder({ key: KEY, service: 1, link: `https://instagram.com/${o}`, quantity: 100 }).order }));
      const pending = sb.seedOrder({ key: KEY, service: 1, link: 'https://instagram.com/p', quantity: 100 }).order;
      for (const { o, id } of placed) await sb.setOutcome(id, o, { immediate: true });
      const items = await poll('order_status_polling', { orders: [...placed.map((p) => String(p.id)), String(pending)] });
      const byOrder = Object.fromEntries(items.map((i) => [i.order, [i.status, i.status_raw, i.final]]));
      expect(byOrder[String(placed[0]!.id)]).toEqual(['Completed', 'Done', true]);
      expect(byOrder[String(placed[1]!.id)]).toEqual(['Canceled', 'Cancelled', true]);
      expect(byOrder[String(placed[2]!.id)]).toEqual(['Failed', 'FAILED', true]);
      expect(byOrder[String(placed[3]!.id)]).toEqual(['Partial', 'partial', true]);
      expect(byOrder[String(pending)]).toEqual(['Pending', 'pending', false]);
      const canceled = await poll('order_status_polling', { orders: placed.map((p) => String(p.id)), statuses: ['Canceled'] });
      expect(ids(canceled)).toEqual([`${placed[1]!.id}:Canceled`]);
    });

    test('the "status" dialect of other Panels is used when the connection says so', async () => {
      const a = sb.seedOrder({ key: KEY, service: 1, link: 'https://instagram.com/d', quantity: 100 });
      sb.clearRequests();
      const items = (await appTester(performOf(App.triggers.order_status_polling), {
        authData: { ...authData(sb), status_dialect: 'status' },
        inputData: { orders: [String(a.order), '987654321'] },
      })) as Item[];
      expect(ids(items)).toEqual([`${a.order}:Pending`]);
      expect(sb.requests({ action: 'status' })).toHaveLength(1);
      expect(sb.requests({ action: 'multiStatus' })).toHaveLength(0);
    });

    test('many orders are checked 100 per multiStatus request', async () => {
      const orders = Array.from({ length: 150 }, (_, i) => String(sb.seedOrder({ key: KEY, service: 2, link: `https://instagram.com/${i}`, quantity: 10 }).order));
      sb.clearRequests();
      const items = await poll('order_status_polling', { orders });
      expect(items).toHaveLength(150);
      expect(sb.requests({ action: 'multiStatus' })).toHaveLength(2);
    });
  });
});

describe('Order Status Changed (instant, static webhook)', () => {
  let sb: Sandbox;
  let rx: Receiver;
  beforeAll(async () => {
    rx = await receiver();
  });
  afterAll(() => rx.close());
  beforeEach(async () => {
    rx.deliveries.length = 0;
  });
  afterEach(() => sb.stop());

  const hook = performOf(App.triggers.order_status_webhook);
  // Each test is a Zap of its own (the sandbox restarts order ids), so remembered deliveries do not leak between tests.
  let zap = 0;
  beforeEach(() => {
    zap++;
  });
  const run = (d: Delivery, inputData: Record<string, unknown> = {}, auth: Record<string, unknown> = {}) =>
    appTester(hook, { ...asZapierHook(d, inputData), authData: auth, meta: { zap: { id: `zap-${zap}` } } }) as Promise<Item[]>;

  /** Places an order and completes it; returns the sandbox's deliveries for it. */
  async function completedOrderDeliveries(options: Parameters<typeof sandbox>[0] = {}): Promise<{ order: number; deliveries: Delivery[] }> {
    sb = await sandbox(options);
    const placed = sb.seedOrder({ key: KEY, service: 1, link: 'https://instagram.com/w', quantity: 100 });
    await sb.setOutcome(placed.order, 'complete', { immediate: true });
    await sb.webhooksIdle();
    expect(rx.deliveries.length).toBeGreaterThan(0);
    return { order: placed.order, deliveries: [...rx.deliveries] };
  }

  test('a delivery becomes one normalised order update (no secret configured)', async () => {
    const { order, deliveries } = await completedOrderDeliveries({ webhook: { url: rx.url } });
    const items = await run(deliveries.at(-1)!);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: `${order}:Completed`, order: String(order), status: 'Completed', final: true, remains: 0 });
    expect(typeof items[0]!.charge).toBe('string');
  });

  test('the Panel\'s "Done" spelling arrives as Completed', async () => {
    const { order, deliveries } = await completedOrderDeliveries({ webhook: { url: rx.url }, statusSpelling: { Completed: 'Done' } });
    const items = await run(deliveries.at(-1)!);
    expect(items[0]).toMatchObject({ order: String(order), status: 'Completed', status_raw: 'Done' });
  });

  test('secret in the URL: accepted when right; wrong or missing starts nothing', async () => {
    const { deliveries } = await completedOrderDeliveries({ webhook: { url: rx.url, token: 'shared-secret-1', tokenIn: 'query' } });
    const d = deliveries.at(-1)!;
    expect(await run(d, {}, { webhook_token: 'shared-secret-1' })).toHaveLength(1);
    expect(await run(d, {}, { webhook_token: 'another-secret' })).toEqual([]);
    const stripped = { ...d, url: d.url.replace(/token=[^&]*/, '') };
    expect(await run(stripped, {}, { webhook_token: 'shared-secret-1' })).toEqual([]);
    // A repeated token is malformed, even when one copy is right.
    expect(await run({ ...d, url: `${d.url}&token=shared-secret-1` }, {}, { webhook_token: 'shared-secret-1' })).toEqual([]);
  });

  test('secret in the X-Panel-Token header', async () => {
    const { deliveries } = await completedOrderDeliveries({ webhook: { url: rx.url, token: 'shared-secret-2', tokenIn: 'header' } });
    expect(await run(deliveries.at(-1)!, {}, { webhook_token: 'shared-secret-2' })).toHaveLength(1);
    expect(await run(deliveries.at(-1)!, {}, { webhook_token: 'shared-secret-3' })).toEqual([]);
  });

  test('HMAC-signed deliveries: verified over the raw body; tampered or wrongly keyed ones are dropped', async () => {
    const { deliveries } = await completedOrderDeliveries({ webhook: { url: rx.url, hmacSecret: 'hmac-secret-1' } });
    const d = deliveries.at(-1)!;
    expect(await run(d, {}, { webhook_hmac_secret: 'hmac-secret-1' })).toHaveLength(1);
    expect(await run(d, {}, { webhook_hmac_secret: 'hmac-secret-2' })).toEqual([]);
    const tampered = { ...d, body: d.body.replace(/"status":"[^"]*"/, '"status":"Canceled"') };
    expect(tampered.body).not.toBe(d.body);
    expect(await run(tampered, {}, { webhook_hmac_secret: 'hmac-secret-1' })).toEqual([]);
  });

  test('status filter drops other statuses; a malformed body is dropped', async () => {
    const { deliveries } = await completedOrderDeliveries({ webhook: { url: rx.url } });
    expect(await run(deliveries.at(-1)!, { statuses: ['Failed'] })).toEqual([]);
    expect(await run(deliveries.at(-1)!, { statuses: ['Completed'] })).toHaveLength(1);
    expect(await run({ url: '/', headers: { 'content-type': 'text/plain' }, body: 'not json' })).toEqual([]);
  });

  test('a repeated delivery of the same change starts nothing; "4.50" and 4.5 are the same change', async () => {
    const { deliveries } = await completedOrderDeliveries({ webhook: { url: rx.url } });
    const d = deliveries.at(-1)!;
    expect(await run(d)).toHaveLength(1);
    expect(await run(d)).toEqual([]);
    const respelt = { ...d, body: d.body.replace(/"charge":([0-9.]+)/, (_m, c: string) => `"charge":"${c}0"`) };
    expect(respelt.body).not.toBe(d.body);
    expect(await run(respelt)).toEqual([]);
  });

  test('directions tell where to paste the URL; the sample has the output shape', () => {
    const trigger = App.triggers.order_status_webhook;
    expect(trigger.display.directions).toMatch(/paste/i);
    expect(trigger.display.directions).toMatch(/token=/);
    expect(Object.keys(trigger.operation.sample!).sort()).toEqual(
      ['id', 'order', 'status', 'status_raw', 'final', 'charge', 'start_count', 'remains', 'currency'].sort(),
    );
  });
});
