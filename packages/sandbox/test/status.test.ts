/** status, multiStatus, the status&orders dialect, cancel, refill, refill_status. */
import { sandbox, MIN } from './helpers';
import type { Sandbox } from '../src';

let sb: Sandbox;
let api: Awaited<ReturnType<typeof sandbox>>['api'];
beforeEach(async () => ({ sb, api } = await sandbox()));
afterEach(() => sb.stop());

async function place(n: number, params: Record<string, string | number> = { service: 1, link: 'https://instagram.com/acme', quantity: 100 }): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) ids.push((await api('add', params)).json.order);
  return ids;
}

describe('status', () => {
  it('answers 400 without `order` and 404 for an unknown or foreign order', async () => {
    expect((await api('status')).status).toBe(400);
    expect((await api('status', { order: 424242 })).json).toEqual({ error: 'Incorrect order ID' });
    expect((await api('status', { order: 424242 })).status).toBe(404);
    expect((await api('status', { order: 'abc' })).status).toBe(404);
    sb.addAccount({ key: 'sandbox-other-key', balance: '10' });
    const [id] = await place(1);
    expect((await api('status', { order: id! }, 'sandbox-other-key')).status).toBe(404);
  });
});

describe('multiStatus and status&orders', () => {
  it('answers an object keyed by id with per-id errors, in both spellings', async () => {
    const ids = await place(3);
    await sb.advance(MIN + 3000); // In progress, 50 delivered of 100
    const list = `${ids[0]},999,${ids[1]},x,${ids[2]}`;
    for (const action of ['multiStatus', 'status']) {
      const r = await api(action, { orders: list });
      expect(r.status).toBe(200);
      expect(Object.keys(r.json).sort()).toEqual([...ids.map(String), '999', 'x'].sort());
      expect(r.json['999']).toEqual({ error: 'Incorrect order ID' });
      expect(r.json.x).toEqual({ error: 'Incorrect order ID' });
      expect(r.json[String(ids[0])]).toEqual({ charge: '0.09', start_count: expect.stringMatching(/^[1-9]\d*$/), status: 'In progress', remains: '50', currency: 'USD' });
    }
  });

  it('caps multiStatus at 100 ids', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => i + 1).join(',');
    const r = await api('multiStatus', { orders: ids });
    expect(r.status).toBe(400);
    expect(r.json.error).toBe('Too many ids in `orders`: at most 100');
    expect((await api('multiStatus', { orders: ids.split(',').slice(0, 100).join(',') })).status).toBe(200);
    expect((await api('multiStatus')).status).toBe(400);
  });

  it('logs each request with its ids, so tests can count requests', async () => {
    const ids = await place(2);
    const mark = sb.lastRequestSeq();
    expect(mark).toBe(2);
    expect(sb.requests({ since: mark })).toEqual([]);
    await api('balance');
    expect(sb.requests({ since: mark }).map((e) => e.action)).toEqual(['balance']);
    expect(sb.requests({ since: 1, action: 'add' }).map((e) => e.seq)).toEqual([2]);
    sb.clearRequests();
    await api('multiStatus', { orders: ids.join(',') });
    await api('status', { order: ids[0]! });
    const log = sb.requests();
    expect(log.map((e) => [e.action, e.status])).toEqual([['multiStatus', 200], ['status', 200]]);
    expect(log[0]!.ids).toEqual(ids.map(String));
    expect(log[1]!.order).toBe(String(ids[0]));
    expect(JSON.stringify(log)).not.toContain('sandbox-demo-key');
  });
});

describe('cancel', () => {
  it('answers per order, refunds in full while Pending, and refuses final orders', async () => {
    const [a, b] = await place(2);
    const r = await api('cancel', { orders: `${a},999,${b}` });
    expect(r.status).toBe(200);
    expect(r.json).toEqual([
      { order: a, cancel: { status: 'success' } },
      { order: 999, error: 'Incorrect order ID' },
      { order: b, cancel: { status: 'success' } },
    ]);
    expect((await api('status', { order: a! })).json).toMatchObject({ status: 'Canceled', charge: '0.00', remains: '100' });
    expect(sb.balance().balance).toBe('1000.00');
    const again = await api('cancel', { orders: String(a) });
    expect(again.json).toEqual([{ order: a, error: 'Order cannot be canceled' }]);
  });

  it('turns a cancel of a partly delivered order into Partial with the rest refunded', async () => {
    const [a] = await place(1, { service: 1, link: 'https://instagram.com/acme', quantity: 1000 });
    await sb.advance(MIN + 15_000); // 250 of 1000 delivered
    const r = await api('cancel', { orders: String(a) });
    expect(r.json).toEqual([{ order: a, cancel: { status: 'success' } }]);
    const s = (await api('status', { order: a! })).json;
    expect(s).toMatchObject({ status: 'Partial', remains: '750', charge: '0.225' });
    expect(sb.balance().balance).toBe('999.775');
  });

  it('says when a service does not allow cancel', async () => {
    const [a] = await place(1, { service: 11, link: 'https://tiktok.com/v/1', quantity: 100 });
    expect((await api('cancel', { orders: String(a) })).json).toEqual([{ order: a, error: 'Cancel is not available for this service' }]);
    expect((await api('cancel')).status).toBe(400);
  });

  it('cancels more than 100 orders in one request', async () => {
    const ids = await place(120);
    const r = await api('cancel', { orders: ids.join(',') });
    expect(r.status).toBe(200);
    expect(r.json).toHaveLength(120);
    expect(r.json.every((x: any) => x.cancel?.status === 'success')).toBe(true);
    expect(sb.balance().balance).toBe('1000.00');
  });
});

describe('refill and refill_status', () => {
  it('refills a completed order of a refill service, single and multi, and tracks the refill', async () => {
    const [a, b] = await place(2);
    const [noRefill] = await place(1, { service: 2, link: 'https://instagram.com/p/1', quantity: 100 });
    // not yet complete: refused (200 + error), unknown: 404
    expect((await api('refill', { order: a! })).json).toEqual({ error: 'Refill is not available for this order' });
    expect((await api('refill', { order: 999 })).status).toBe(404);
    await sb.advance(2 * MIN);
    const one = await api('refill', { order: a! });
    expect(one.status).toBe(200);
    expect(one.json).toEqual({ refill: expect.stringMatching(/^\d+$/) });
    const many = await api('refill', { orders: `${b},${noRefill},999` });
    expect(many.json).toEqual([
      { order: b, refill: expect.any(Number) },
      { order: noRefill, refill: { error: 'Refill is not available for this order' } },
      { order: 999, refill: { error: 'Incorrect order ID' } },
    ]);
    const r1 = Number(one.json.refill);
    const r2 = many.json[0].refill as number;
    expect((await api('refill_status', { refill: r1 })).json).toEqual({ status: 'Pending' });
    await sb.advance(30_000);
    expect((await api('refill_status', { refill: r1 })).json).toEqual({ status: 'In progress' });
    await sb.advance(MIN);
    const multi = await api('refill_status', { refills: `${r1},${r2},777` });
    expect(multi.json).toEqual([
      { refill: r1, status: 'Completed' },
      { refill: r2, status: 'Completed' },
      { refill: 777, status: { error: 'Refill not found' } },
    ]);
    expect((await api('refill_status', { refill: 777 })).status).toBe(404);
    expect((await api('refill_status')).status).toBe(400);
    expect((await api('refill')).status).toBe(400);
    const cap = Array.from({ length: 101 }, (_, i) => i + 1).join(',');
    expect((await api('refill_status', { refills: cap })).status).toBe(400);
    // refill and cancel take any number of ids (the spec caps only multiStatus / refill_status)
    const uncapped = await api('refill', { orders: cap });
    expect(uncapped.status).toBe(200);
    expect(uncapped.json).toHaveLength(101);
  });
});
