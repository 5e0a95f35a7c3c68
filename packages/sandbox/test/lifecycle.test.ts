/** Orders on the simulated clock: progress, drip-feed, outcomes, refunds. */
import { sandbox, MIN } from './helpers';
import type { Sandbox } from '../src';

let sb: Sandbox;
let api: Awaited<ReturnType<typeof sandbox>>['api'];
afterEach(() => sb.stop());

const status = async (id: number) => (await api('status', { order: id })).json;
const addOrder = async (params: Record<string, string | number>) => {
  const r = await api('add', params);
  expect(r.status).toBe(200);
  return r.json.order as number;
};

describe('with the default catalog', () => {
  beforeEach(async () => ({ sb, api } = await sandbox()));

  it('moves Pending → In progress → Completed; start_count and remains move', async () => {
    const id = await addOrder({ service: 1, link: 'https://instagram.com/acme', quantity: 2000 });
    expect(await status(id)).toMatchObject({ status: 'Pending', start_count: '0', remains: '2000' });
    await sb.advance(59_999);
    expect((await status(id)).status).toBe('Pending');
    await sb.advance(1);
    const started = await status(id);
    expect(started).toMatchObject({ status: 'In progress', remains: '2000' });
    expect(Number(started.start_count)).toBeGreaterThan(0);
    await sb.advance(30_000); // 1000/min → 500 delivered
    expect(await status(id)).toMatchObject({ status: 'In progress', remains: '1500', start_count: started.start_count });
    await sb.advance(MIN);
    expect(await status(id)).toMatchObject({ status: 'In progress', remains: '500' });
    await sb.advance(30_000);
    expect(await status(id)).toEqual({ status: 'Completed', remains: '0', start_count: started.start_count, charge: '1.80', currency: 'USD' });
    expect(sb.order(id)).toMatchObject({ delivered: 2000, refunded: '0' });
  });

  it('honours drip-feed runs and interval', async () => {
    // 3 runs of 100, one every 10 minutes, at 1000/min: each run takes 6 s
    const id = await addOrder({ service: 1, link: 'https://instagram.com/acme', quantity: 100, runs: 3, interval: 10 });
    expect(sb.order(id)!.quantity).toBe(300);
    await sb.advance(MIN + 6000);
    expect(await status(id)).toMatchObject({ status: 'In progress', remains: '200' });
    await sb.advance(9 * MIN - 6000); // t = 10 min: run 2 starts at 11 min
    expect((await status(id)).remains).toBe('200');
    await sb.advance(MIN + 3000); // half of run 2
    expect((await status(id)).remains).toBe('150');
    await sb.advance(3000);
    expect((await status(id)).remains).toBe('100');
    await sb.advance(10 * MIN);
    expect(await status(id)).toMatchObject({ status: 'Completed', remains: '0', charge: '0.27' });
  });

  it('bills Custom Comments Package at posts × max and refunds the undelivered part pro rata at completion', async () => {
    const id = await addOrder({ service: 6, username: 'acme_brand', min: 3, max: 10, delay: 5, posts: 4 });
    const placed = sb.order(id)!;
    expect(placed).toMatchObject({ quantity: 40, charge: '0.50' }); // 12.5 × 40 / 1000
    expect(sb.balance().balance).toBe('999.50');
    await sb.advance(MIN + 5 * MIN); // posts 1–2 done
    expect((await status(id)).status).toBe('In progress');
    await sb.advance(60 * MIN);
    const done = sb.order(id)!;
    expect(done.status).toBe('Completed');
    expect(done.delivered).toBeGreaterThanOrEqual(12); // 4 posts × at least min 3
    expect(done.delivered).toBeLessThan(40);
    // refund = 12.5 × (40 − delivered) / 1000, exact
    const { money } = await import('../src');
    const refund = money.chargeFor('12.5', 40 - done.delivered);
    expect(done.refunded).toBe(refund);
    expect((await status(id)).charge).toBe(money.sub('0.50', refund));
    expect(sb.balance().balance).toBe(money.add('999.50', refund));
  });

  it.each([
    ['#partial', 'Partial', '50', '0.045'],
    ['#cancel', 'Canceled', '100', '0.00'],
    ['#fail', 'Failed', '100', '0.00'],
  ])('ends a link marked %s as %s with the refund', async (marker, final, remains, charge) => {
    const id = await addOrder({ service: 1, link: `https://instagram.com/acme${marker}`, quantity: 100 });
    await sb.advance(10 * MIN);
    expect(await status(id)).toMatchObject({ status: final, remains, charge });
    const { money } = await import('../src');
    expect(sb.balance().balance).toBe(money.sub('1000.00', charge));
  });

  it('sets an outcome on request, immediately or planned on the clock', async () => {
    const a = await addOrder({ service: 1, link: 'https://instagram.com/a', quantity: 1000 });
    const b = await addOrder({ service: 1, link: 'https://instagram.com/b', quantity: 1000 });
    const c = await addOrder({ service: 1, link: 'https://instagram.com/c', quantity: 1000 });
    const d = await addOrder({ service: 1, link: 'https://instagram.com/d', quantity: 1000 });
    expect(await sb.setOutcome(a, 'partial', { delivered: 300 })).toMatchObject({ status: 'Partial', delivered: 300, remains: 700, refunded: '0.63' });
    expect(await sb.setOutcome(b, 'fail')).toMatchObject({ status: 'Failed', refunded: '0.90' });
    expect(await sb.setOutcome(c, 'complete')).toMatchObject({ status: 'Completed', remains: 0 });
    await sb.setOutcome(d, 'partial', { delivered: 100, immediate: false });
    expect((await status(d)).status).toBe('Pending');
    await sb.advance(MIN + 6000);
    expect(await status(d)).toMatchObject({ status: 'Partial', remains: '900', charge: '0.09' });
    await expect(sb.setOutcome(a, 'complete')).rejects.toThrow(/already final/);
    expect(sb.balance().balance).toBe('998.74'); // 0.27 + 0 + 0.90 + 0.09 spent
  });

  it('keeps a Package at its fixed quantity and a Poll at its quantity', async () => {
    const p = await addOrder({ service: 10, link: 'https://tiktok.com/@acme' });
    const poll = await addOrder({ service: 7, link: 'https://t.me/c/1/2', quantity: 100, answer_number: 3 });
    await sb.advance(2 * MIN);
    expect(await status(p)).toMatchObject({ status: 'Completed', charge: '4.99' });
    expect(await status(poll)).toMatchObject({ status: 'Completed', charge: '0.03355' });
    expect(sb.order(poll)!.fields.answer_number).toBe('3');
  });

  it('serves an existing Subscription (seeded) through status, cancel and refill', async () => {
    const seeded = sb.seedOrder({ key: sb.key, service: 8, username: 'acme', min: 50, max: 100, posts: 5, delay: 60 });
    expect(seeded).toMatchObject({ type: 'Subscriptions', quantity: 500, charge: '0.225' });
    expect((await status(seeded.order)).status).toBe('Pending');
    await sb.advance(2 * MIN);
    expect((await status(seeded.order)).status).toBe('In progress');
    const c = await api('cancel', { orders: String(seeded.order) });
    expect(c.json).toEqual([{ order: seeded.order, cancel: { status: 'success' } }]);
    expect((await status(seeded.order)).status).toBe('Partial');
    const refill = await api('refill', { order: seeded.order });
    expect(refill.json).toEqual({ refill: expect.stringMatching(/^\d+$/) });
    expect((await api('refill_status', { refill: refill.json.refill })).json).toEqual({ status: 'Pending' });
  });
});

describe('options', () => {
  it('spells statuses the way a Panel is configured to', async () => {
    ({ sb, api } = await sandbox({ statusSpelling: { Completed: 'Done', Canceled: 'Cancelled' } }));
    const a = await addOrder({ service: 1, link: 'https://x.y/a', quantity: 100 });
    const b = await addOrder({ service: 1, link: 'https://x.y/b#cancel', quantity: 100 });
    await sb.advance(5 * MIN);
    expect((await status(a)).status).toBe('Done');
    expect((await status(b)).status).toBe('Cancelled');
  });

  it('runs on an accelerated clock without stepping', async () => {
    ({ sb, api } = await sandbox({ clock: { speed: 6000 }, tickMs: 20 })); // 100 simulated minutes per real second
    const id = await addOrder({ service: 1, link: 'https://x.y/a', quantity: 100 });
    const deadline = Date.now() + 3000;
    while ((await status(id)).status !== 'Completed' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect((await status(id)).status).toBe('Completed');
  });
});
