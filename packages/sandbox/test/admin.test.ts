/** The admin interface under /_sandbox: the programmatic controls over HTTP. */
import { sandbox, admin, MIN } from './helpers';
import type { Sandbox } from '../src';

let sb: Sandbox;
let api: Awaited<ReturnType<typeof sandbox>>['api'];
beforeEach(async () => ({ sb, api } = await sandbox()));
afterEach(() => sb.stop());

it('shows state, orders, balances and the request log, without keys', async () => {
  const id = (await api('add', { service: 1, link: 'https://x.y/a', quantity: 100 })).json.order;
  const state = await admin(sb, 'GET', '/state');
  expect(state.status).toBe(200);
  expect(state.json.accounts).toEqual([{ id: 'acct_1', key_hint: 'sand…ey', balance: '999.91', currency: 'USD', webhooks: [] }]);
  expect(state.json.orders).toEqual([expect.objectContaining({ order: id, status: 'Pending', charge: '0.09', quantity: 100, fields: { link: 'https://x.y/a', quantity: '100' } })]);
  expect((await admin(sb, 'GET', `/orders/${id}`)).json.order).toBe(id);
  expect((await admin(sb, 'GET', '/orders/999')).status).toBe(404);
  expect((await admin(sb, 'POST', '/balance', { key: 'sandbox-demo-key' })).json).toEqual({ balance: '999.91', currency: 'USD' });
  const log = await admin(sb, 'GET', '/requests?action=add');
  expect(log.json).toEqual([expect.objectContaining({ action: 'add', status: 200, created: id, account: 'acct_1' })]);
  const since = log.json[0].seq;
  await api('balance');
  expect((await admin(sb, 'GET', `/requests?since=${since}`)).json.map((e: any) => e.action)).toEqual(['balance']);
  expect(JSON.stringify(state.json) + JSON.stringify(log.json)).not.toContain('sandbox-demo-key');
  await admin(sb, 'DELETE', '/requests');
  expect(sb.requests()).toEqual([]);
});

it('lists its routes at the root', async () => {
  const r = await admin(sb, 'GET', '');
  expect(r.json.routes).toEqual(expect.arrayContaining(['GET /_sandbox/state', 'POST /_sandbox/orders/:id/outcome', 'POST /_sandbox/advance', 'GET /_sandbox/requests']));
});

it('advances the clock, sets outcomes, seeds orders, adds accounts, resets', async () => {
  const id = (await api('add', { service: 1, link: 'https://x.y/a', quantity: 1000 })).json.order;
  const t0 = sb.now();
  expect((await admin(sb, 'POST', '/advance', { ms: MIN })).json).toEqual({ now: t0 + MIN });
  expect((await api('status', { order: id })).json.status).toBe('In progress');
  const outcome = await admin(sb, 'POST', `/orders/${id}/outcome`, { outcome: 'partial', delivered: 400 });
  expect(outcome.json).toMatchObject({ status: 'Partial', delivered: 400, refunded: '0.54' });
  expect((await admin(sb, 'POST', `/orders/${id}/outcome`, { outcome: 'complete' })).status).toBe(400);
  expect((await admin(sb, 'POST', `/orders/${id}/outcome`, { outcome: 'explode' })).status).toBe(400);

  const seeded = await admin(sb, 'POST', '/orders', { key: 'sandbox-demo-key', service: 8, username: 'acme', max: 100, posts: 2 });
  expect(seeded.json).toMatchObject({ type: 'Subscriptions', quantity: 200 });
  expect((await api('status', { order: seeded.json.order })).json.status).toBe('Pending');
  expect((await admin(sb, 'POST', '/orders', { key: 'nobody', service: 8 })).status).toBe(400);

  const acct = await admin(sb, 'POST', '/accounts', { key: 'sandbox-eur-key', balance: '50.5', currency: 'EUR' });
  expect(acct.json).toEqual({ id: 'acct_2', balance: '50.50', currency: 'EUR' });
  expect((await api('balance', {}, 'sandbox-eur-key')).json).toEqual({ balance: '50.50', currency: 'EUR' });

  expect((await admin(sb, 'POST', '/advance', { ms: 'soon' })).status).toBe(400);
  expect((await admin(sb, 'GET', '/nothing')).status).toBe(404);
  const bad = await fetch(`${sb.adminUrl}/advance`, { method: 'POST', body: '{nope' });
  expect(bad.status).toBe(400);

  expect((await admin(sb, 'POST', '/reset')).json).toEqual({ ok: true });
  expect(sb.orders()).toEqual([]);
  expect(sb.balance()).toEqual({ balance: '1000.00', currency: 'USD' });
  expect((await api('balance', {}, 'sandbox-eur-key')).status).toBe(401);
  expect((await api('add', { service: 1, link: 'https://x.y/a', quantity: 100 })).json.order).toBe(1);
  expect((await admin(sb, 'GET', '/catalog')).json).toHaveLength(12);
});
