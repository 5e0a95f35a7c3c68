/** Webhooks: the spec's JSON on every status change, token, HMAC, retries, the delivery log. */
import { createHmac } from 'node:crypto';
import { sandbox, MIN, admin } from './helpers';
import { startReceiver } from './receiver';
import type { Sandbox } from '../src';

let sb: Sandbox;
let api: Awaited<ReturnType<typeof sandbox>>['api'];
let rx: Awaited<ReturnType<typeof startReceiver>>;
beforeEach(async () => {
  rx = await startReceiver();
  ({ sb, api } = await sandbox());
});
afterEach(async () => {
  await sb.stop();
  await rx.close();
});

const add = async (link = 'https://instagram.com/acme', quantity = 100) => (await api('add', { service: 1, link, quantity })).json.order as number;

it('POSTs the spec payload (numbers) on every status change, in order', async () => {
  sb.setWebhook(sb.key, { url: rx.url });
  const id = await add('https://instagram.com/acme', 1000);
  expect(rx.received).toHaveLength(0); // creation is not a change
  await sb.advance(MIN);
  await sb.advance(MIN);
  expect(rx.received.map((r) => JSON.parse(r.body).status)).toEqual(['In progress', 'Completed']);
  const last = rx.received[1]!;
  expect(last.headers['content-type']).toBe('application/json');
  const startCount = sb.order(id)!.start_count;
  expect(last.body).toBe(`{"order_id":${id},"status":"Completed","remains":0,"start_count":${startCount},"charge":0.9}`);
  expect(JSON.parse(rx.received[0]!.body)).toEqual({ order_id: id, status: 'In progress', remains: 1000, start_count: startCount, charge: 0.9 });
  expect(last.headers['x-panel-signature']).toBeUndefined();
  expect(last.url).toBe('/hooks/panel');
});

it('reports a cancel and a Partial with the net charge', async () => {
  sb.setWebhook(sb.key, { url: rx.url });
  const a = await add();
  const b = await add('https://instagram.com/acme#partial');
  await api('cancel', { orders: String(a) });
  await sb.webhooksIdle();
  await sb.advance(5 * MIN);
  const bodies = rx.received.map((r) => JSON.parse(r.body));
  expect(bodies).toEqual([
    { order_id: a, status: 'Canceled', remains: 100, start_count: 0, charge: 0 },
    { order_id: b, status: 'In progress', remains: 100, start_count: expect.any(Number), charge: 0.09 },
    { order_id: b, status: 'Partial', remains: 50, start_count: expect.any(Number), charge: 0.045 },
  ]);
});

it('sends the token in the query or in a header', async () => {
  sb.setWebhook(sb.key, [
    { url: rx.url, token: 'hook-secret-q' },
    { url: `${rx.url}?src=panel`, token: 'hook-secret-h', tokenIn: 'header' },
  ]);
  await add();
  await sb.advance(MIN);
  expect(rx.received).toHaveLength(2);
  expect(rx.received[0]!.url).toBe('/hooks/panel?token=hook-secret-q');
  expect(rx.received[0]!.headers['x-panel-token']).toBeUndefined();
  expect(rx.received[1]!.url).toBe('/hooks/panel?src=panel');
  expect(rx.received[1]!.headers['x-panel-token']).toBe('hook-secret-h');
  // the delivery log never shows a token
  expect(JSON.stringify(sb.deliveries())).not.toMatch(/hook-secret/);
  expect(JSON.stringify((await admin(sb, 'GET', '/accounts')).json)).not.toMatch(/hook-secret|sandbox-demo-key/);
});

it('signs with HMAC-SHA256 over `${timestamp}.${body}`', async () => {
  sb.setWebhook(sb.key, { url: rx.url, hmacSecret: 'whsec-test' });
  await add();
  const before = Math.floor(Date.now() / 1000);
  await sb.advance(MIN);
  const r = rx.received[0]!;
  const ts = r.headers['x-panel-timestamp'] as string;
  expect(Number(ts)).toBeGreaterThanOrEqual(before);
  expect(Number(ts)).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
  const expected = `sha256=${createHmac('sha256', 'whsec-test').update(`${ts}.${r.body}`).digest('hex')}`;
  expect(r.headers['x-panel-signature']).toBe(expected);
  const wrong = `sha256=${createHmac('sha256', 'other').update(`${ts}.${r.body}`).digest('hex')}`;
  expect(r.headers['x-panel-signature']).not.toBe(wrong);
});

it('can sign the raw body alone (no timestamp)', async () => {
  sb.setWebhook(sb.key, { url: rx.url, hmacSecret: 'whsec-raw', hmacTimestamp: false });
  await add();
  await sb.advance(MIN);
  const r = rx.received[0]!;
  expect(r.headers['x-panel-timestamp']).toBeUndefined();
  expect(r.headers['x-panel-signature']).toBe(`sha256=${createHmac('sha256', 'whsec-raw').update(r.body).digest('hex')}`);
});

it('retries a failing receiver with backoff on the clock and logs every attempt', async () => {
  sb.setWebhook(sb.key, { url: rx.url });
  rx.answer(500, 503);
  const id = await add();
  await sb.advance(MIN); // In progress: attempt 1 → 500
  let d = sb.deliveries();
  expect(d).toHaveLength(1);
  expect(d[0]).toMatchObject({ orderId: id, status: 'In progress', state: 'pending' });
  expect(d[0]!.attempts).toEqual([{ at: expect.any(Number), status: 500, error: 'HTTP 500' }]);
  await sb.advance(4999);
  expect(sb.deliveries()[0]!.attempts).toHaveLength(1); // backoff 5 s not over
  await sb.advance(1); // attempt 2 → 503; the order also completed meanwhile (6 s at 1000/min)
  await sb.advance(10_000); // attempt 3 → 200 (backoff 10 s)
  d = sb.deliveries();
  expect(d[0]!.attempts.map((a) => a.status)).toEqual([500, 503, 200]);
  expect(d[0]!.state).toBe('delivered');
  expect(d[1]).toMatchObject({ status: 'Completed', state: 'delivered' });
  expect(rx.received).toHaveLength(4);
});

it('gives up after maxAttempts and when the receiver is unreachable', async () => {
  await sb.stop();
  ({ sb, api } = await sandbox({ webhookRetry: { maxAttempts: 2, baseMs: 1000 } }));
  sb.setWebhook(sb.key, { url: 'http://127.0.0.1:9/unreachable' });
  await add();
  await sb.advance(MIN);
  await sb.advance(1000);
  const [d] = sb.deliveries();
  expect(d!.state).toBe('failed');
  expect(d!.attempts).toHaveLength(2);
  expect(d!.attempts[0]!.error).toMatch(/ECONNREFUSED|fetch failed/);
});

it('is configured per account, through the option and through the admin interface', async () => {
  await sb.stop();
  ({ sb, api } = await sandbox({ webhook: { url: rx.url, token: 'opt-token' }, accounts: [{ key: 'sandbox-demo-key', balance: '10' }, { key: 'sandbox-b-key', balance: '10' }] }));
  await add();
  await api('add', { service: 1, link: 'https://x.y/b', quantity: 100 }, 'sandbox-b-key');
  await sb.advance(MIN);
  expect(rx.received).toHaveLength(1); // only the first account has a webhook
  const set = await admin(sb, 'POST', '/webhook', { key: 'sandbox-b-key', url: rx.url, tokenIn: 'header', token: 'b-token' });
  expect(set.status).toBe(200);
  await sb.advance(MIN);
  const headerTokens = rx.received.map((r) => r.headers['x-panel-token']).filter(Boolean);
  expect(headerTokens).toEqual(['b-token']);
  expect((await admin(sb, 'POST', '/webhook', { key: 'sandbox-b-key', url: 'ftp://x' })).status).toBe(400);
  expect((await admin(sb, 'POST', '/webhook', { key: 'sandbox-b-key', webhooks: null })).status).toBe(200);
  expect(sb.accounts()[1]!.webhooks).toEqual([]);
});

it('delivers many orders in parallel lanes, each order in order', async () => {
  sb.setWebhook(sb.key, { url: rx.url });
  const ids: number[] = [];
  for (let i = 0; i < 12; i++) ids.push(await add(`https://instagram.com/a${i}`));
  await sb.advance(2 * MIN);
  expect(rx.received).toHaveLength(24);
  for (const id of ids) {
    const mine = rx.received.map((r) => JSON.parse(r.body)).filter((b) => b.order_id === id).map((b) => b.status);
    expect(mine).toEqual(['In progress', 'Completed']);
  }
  expect(sb.deliveries().every((d) => d.state === 'delivered')).toBe(true);
});

it('fires on an accelerated clock without any stepping', async () => {
  await sb.stop();
  ({ sb, api } = await sandbox({ clock: { speed: 6000 }, tickMs: 20, webhook: { url: rx.url } }));
  const id = await add();
  const deadline = Date.now() + 3000;
  while (rx.received.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  expect(rx.received.map((r) => JSON.parse(r.body))).toEqual([
    expect.objectContaining({ order_id: id, status: 'In progress' }),
    expect.objectContaining({ order_id: id, status: 'Completed', remains: 0 }),
  ]);
});
