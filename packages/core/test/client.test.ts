import { PanelClient } from '../src/client';
import {
  PanelError,
  PanelNotFoundError,
  PanelUnsupportedOrderTypeError,
  PanelValidationError,
  PANEL_ERROR_CODES,
} from '../src/errors';
import type { Service } from '../src/types';
import { fakeRuntime, fault, json, raw, API_URL, KEY, type Step } from './helpers/fake-runtime';

const SERVICES = [
  { service: '1', name: 'Followers', type: 'Default', rate: '0.90', min: '50', max: '10000', category: 'First Category' },
  { service: 2, name: 'Comments', type: 'Custom Comments', rate: '8', min: 1, max: 1500, category: 'Second Category' },
  { service: '8', name: 'Auto Likes', type: 'Subscriptions', rate: '0.45', min: '50', max: '5000', category: 'Likes' },
];

const FOLLOWERS: Service = { service: '1', name: 'Followers', type: 'Default', type_raw: 'Default', rate: '0.90', min: 50, max: 10000, category: 'First Category' };

function setup(script: Step[] = [], fallback?: Step, extra: Partial<ConstructorParameters<typeof PanelClient>[0]> = {}) {
  const rt = fakeRuntime(script, fallback);
  const client = new PanelClient({ apiUrl: API_URL, runtime: rt, secrets: [KEY], rateLimit: false, retry: false, ...extra });
  return { rt, client };
}

describe('PanelClient options', () => {
  const rt = fakeRuntime();
  it.each<[string, Record<string, unknown>, RegExp]>([
    ['apiUrl missing', { apiUrl: undefined }, /apiUrl/],
    ['apiUrl without scheme', { apiUrl: 'panel.test/api/v2' }, /http:\/\/ or https:\/\//],
    ['apiUrl ftp', { apiUrl: 'ftp://panel.test/api/v2' }, /apiUrl/],
    ['runtime missing', { runtime: undefined }, /runtime/],
    ['bad dialect', { multiStatusAction: 'multi' }, /multiStatusAction/],
    ['bad timeout', { timeoutMs: 0 }, /timeoutMs/],
    ['bad concurrency', { statusConcurrency: -2 }, /statusConcurrency/],
    ['bad retry', { retry: { maxRetries: -1 } }, /retry\.maxRetries/],
    ['bad rate limit', { rateLimit: { limit: 0, windowMs: 1000 } }, /rateLimit\.limit/],
  ])('refuses %s with a validation error naming it', (_n, patch, re) => {
    const make = () => new PanelClient({ apiUrl: API_URL, runtime: rt, ...patch } as never);
    expect(make).toThrow(PanelValidationError);
    expect(make).toThrow(re);
  });

  it('keeps the key out of the apiUrl error', () => {
    try {
      new PanelClient({ apiUrl: `nope ${KEY}`, runtime: rt, secrets: [KEY] });
    } catch (e) {
      expect(String(e)).not.toContain(KEY);
      expect(JSON.stringify(e)).not.toContain(KEY);
      return;
    }
    throw new Error('expected an error');
  });
});

describe('every action sends exactly its form (never the key) and reads its reply', () => {
  it('balance', async () => {
    const { rt, client } = setup([json({ balance: '100.84292', currency: 'USD' })]);
    await expect(client.balance()).resolves.toEqual({ balance: '100.84292', currency: 'USD' });
    expect(rt.calls[0]).toMatchObject({ url: API_URL, action: 'balance', form: { action: 'balance' }, timeoutMs: 30_000 });
  });

  it('services', async () => {
    const { rt, client } = setup([json(SERVICES)]);
    const list = await client.services();
    expect(rt.calls[0]!.form).toEqual({ action: 'services' });
    expect(list.map((s) => [s.service, s.type, s.rate, s.min, s.max])).toEqual([
      ['1', 'Default', '0.9', 50, 10000],
      ['2', 'Custom Comments', '8', 1, 1500],
      ['8', 'Subscriptions', '0.45', 50, 5000],
    ]);
  });

  it('service(id) finds one in the catalog, or is not_found', async () => {
    const { client } = setup([], json(SERVICES));
    await expect(client.service(2)).resolves.toMatchObject({ service: '2', name: 'Comments' });
    const e = await client.service('404').catch((x) => x);
    expect(e).toBeInstanceOf(PanelNotFoundError);
    expect(e.message).toMatch(/Service 404 is not in the Panel's catalog/);
  });

  it('status', async () => {
    const { rt, client } = setup([json({ charge: '0.27819', start_count: '3572', status: 'Partial', remains: '157', currency: 'USD' })]);
    const s = await client.status(' 23501 ');
    expect(rt.calls[0]!.form).toEqual({ action: 'status', order: '23501' });
    expect(s).toMatchObject({ order: '23501', status: 'Partial', final: true, charge: '0.27819', start_count: 3572, remains: 157, currency: 'USD' });
  });

  it('statuses (multiStatus)', async () => {
    const { rt, client } = setup([
      json({ '1': { charge: '0.27819', start_count: '3572', status: 'Partial', remains: '157', currency: 'USD' }, '2': { error: 'Incorrect order ID' } }),
    ]);
    const r = await client.statuses([1, 2]);
    expect(rt.calls[0]!.form).toEqual({ action: 'multiStatus', orders: '1,2' });
    expect(r[1]).toEqual({ order: '2', error: 'Incorrect order ID' });
  });

  it('cancel: distinct ids in one request, per-id results', async () => {
    const { rt, client } = setup([json([{ order: 9, cancel: { status: 'success' } }, { order: 2, error: 'Incorrect order ID' }])]);
    const r = await client.cancel([9, '2', 9]);
    expect(rt.calls[0]!.form).toEqual({ action: 'cancel', orders: '9,2' });
    expect(r).toEqual([
      { order: '9', canceled: true, error: null },
      { order: '2', canceled: false, error: 'Incorrect order ID' },
    ]);
  });

  it('refill (one)', async () => {
    const { rt, client } = setup([json({ refill: '1' })]);
    await expect(client.refill(23501)).resolves.toEqual({ order: '23501', refill: '1', error: null });
    expect(rt.calls[0]!.form).toEqual({ action: 'refill', order: '23501' });
  });

  it('refills (many)', async () => {
    const { rt, client } = setup([json([{ order: 1, refill: 1 }, { order: 2, refill: { error: 'Refill not available' } }])]);
    const r = await client.refills([1, 2]);
    expect(rt.calls[0]!.form).toEqual({ action: 'refill', orders: '1,2' });
    expect(r).toEqual([
      { order: '1', refill: '1', error: null },
      { order: '2', refill: null, error: 'Refill not available' },
    ]);
  });

  it('refillStatus (one)', async () => {
    const { rt, client } = setup([json({ status: 'Completed' })]);
    await expect(client.refillStatus(7)).resolves.toMatchObject({ refill: '7', status: 'Completed', final: true, error: null });
    expect(rt.calls[0]!.form).toEqual({ action: 'refill_status', refill: '7' });
  });

  it('refillStatuses (many)', async () => {
    const { rt, client } = setup([json([{ refill: 1, status: 'Completed' }, { refill: 3, status: { error: 'Refill not found' } }])]);
    const r = await client.refillStatuses([1, 3]);
    expect(rt.calls[0]!.form).toEqual({ action: 'refill_status', refills: '1,3' });
    expect(r[1]).toMatchObject({ refill: '3', status: null, error: 'Refill not found' });
  });

  it('add (raw): the caller\'s fields as strings, key and action never taken from params', async () => {
    const { rt, client } = setup([json({ order: 23501 })]);
    const r = await client.add({ service: 1, link: 'https://instagram.com/p/x', quantity: 100, key: 'sneaky', action: 'balance' });
    expect(r).toEqual({ order: '23501' });
    expect(rt.calls[0]!.form).toEqual({ action: 'add', service: '1', link: 'https://instagram.com/p/x', quantity: '100' });
  });

  it('add (raw) still requires a service id', async () => {
    const { rt, client } = setup([json({ order: 1 })]);
    await expect(client.add({ link: 'https://x.test' })).rejects.toMatchObject({ code: 'validation', field: 'service' });
    expect(rt.calls).toHaveLength(0);
  });

  it('addOrder with a Service: validates, then sends the prepared form only', async () => {
    const { rt, client } = setup([json({ order: '23501' })]);
    await expect(client.addOrder(FOLLOWERS, { link: 'https://instagram.com/x', quantity: 100 })).resolves.toEqual({ order: '23501' });
    expect(rt.calls.map((c) => c.form)).toEqual([{ action: 'add', service: '1', link: 'https://instagram.com/x', quantity: '100' }]);
  });

  it('addOrder with an id: one services read, then the add', async () => {
    const { rt, client } = setup([json(SERVICES), json({ order: 5 })]);
    await client.addOrder(2, { link: 'https://instagram.com/x', comments: 'nice\r\n\r\ngreat\n  wow  \n' });
    expect(rt.calls.map((c) => c.action)).toEqual(['services', 'add']);
    expect(rt.calls[1]!.form).toMatchObject({ action: 'add', service: '2', link: 'https://instagram.com/x' });
    expect(rt.calls[1]!.form.quantity).toBeUndefined();
  });

  it('prepareOrder is a dry run: validates and prices, sends no add', async () => {
    const { rt, client } = setup([json(SERVICES)]);
    const p = await client.prepareOrder('1', { link: 'https://instagram.com/x', quantity: 1000 });
    expect(p).toMatchObject({ type: 'Default', quantity: 1000, quantity_rule: 'sent', form: { action: 'add', service: '1', quantity: '1000' } });
    expect(Number(p.charge)).toBe(0.9);
    expect(rt.calls.map((c) => c.action)).toEqual(['services']);
  });

  it('refuses a Subscriptions service before sending the add', async () => {
    const { rt, client } = setup([json(SERVICES)]);
    const e = await client.addOrder(8, { link: 'https://instagram.com/x', quantity: 100 }).catch((x) => x);
    expect(e).toBeInstanceOf(PanelUnsupportedOrderTypeError);
    expect(rt.calls.map((c) => c.action)).toEqual(['services']);
  });

  it('refuses a quantity outside min/max before sending, naming the field', async () => {
    const { rt, client } = setup();
    const e = await client.addOrder(FOLLOWERS, { link: 'https://instagram.com/x', quantity: 10 }).catch((x) => x);
    expect(e).toBeInstanceOf(PanelValidationError);
    expect(e.field).toBe('quantity');
    expect(rt.calls).toHaveLength(0);
  });

  it('counts every request handed to the runtime', async () => {
    const { client } = setup([], json({ balance: '1', currency: 'USD' }));
    await client.balance();
    await client.balance();
    expect(client.requestCount).toBe(2);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'oops'],
    ['no status', { body: '{}' }],
    ['a number body', { status: 200, headers: {}, body: 42 }],
  ])('a runtime that returns %s yields a typed error, not a crash', async (_n, reply) => {
    const { client } = setup([() => reply as never]);
    const e = await client.balance().catch((x) => x);
    expect(e).toBeInstanceOf(PanelError);
    expect(e.code).toBe('malformed_response');
  });

  it('passes its timeout to the runtime', async () => {
    const { rt, client } = setup([json({ balance: '1', currency: 'USD' })], undefined, { timeoutMs: 1234 });
    await client.balance();
    expect(rt.calls[0]!.timeoutMs).toBe(1234);
  });
});

describe('the API key never leaves in an error', () => {
  const enc = encodeURIComponent(KEY);
  /** Replies and faults that echo the key back, one per error code the client can raise. */
  const cases: Array<[string, string, Step, (c: PanelClient) => Promise<unknown>]> = [
    ['bad_request', 'balance', raw(JSON.stringify({ error: `bad key=${KEY}` }), 400), (c) => c.balance()],
    ['authentication', 'balance', raw(JSON.stringify({ error: `Invalid API key ${KEY}` }), 401), (c) => c.balance()],
    ['insufficient_balance', 'add', raw(JSON.stringify({ error: `no funds for ${KEY}` }), 402), (c) => c.add({ service: 1 })],
    ['not_found', 'status', raw(JSON.stringify({ error: `order not found (key ${KEY})` }), 404), (c) => c.status(1)],
    ['rate_limited', 'balance', raw(`slow down ${KEY}`, 429), (c) => c.balance()],
    ['upstream', 'balance', raw(`<html><title>502 ${KEY}</title></html>`, 502), (c) => c.balance()],
    ['panel_error', 'balance', json({ error: `Incorrect key ${KEY}` }), (c) => c.balance()],
    ['malformed_response', 'balance', raw(`<html><title>Login ${KEY}</title><body>key=${enc}</body></html>`), (c) => c.balance()],
    ['malformed_response', 'services', raw(`not json ${KEY}`), (c) => c.services()],
    ['malformed_response', 'balance', raw('', 302, { location: `https://evil.test/?key=${enc}` }), (c) => c.balance()],
    ['network', 'balance', fault('ECONNREFUSED', `connect ECONNREFUSED key=${KEY}`), (c) => c.balance()],
    ['timeout', 'balance', fault('UND_ERR_HEADERS_TIMEOUT', `timeout sending key=${enc}`), (c) => c.balance()],
    ['order_outcome_unknown', 'add', fault('ECONNRESET', `reset after body key=${KEY}`), (c) => c.add({ service: 1 })],
    ['order_outcome_unknown', 'add', raw(`{"order": 1, "echo": "${KEY}`), (c) => c.add({ service: 1 })],
  ];

  it.each(cases)('%s (%s)', async (code, _action, step, run) => {
    const { client } = setup([step]);
    const e = (await run(client).catch((x) => x)) as PanelError;
    expect(e).toBeInstanceOf(PanelError);
    expect(e.code).toBe(code);
    const cause = (e as { cause?: unknown }).cause;
    const texts = [e.message, e.toString(), JSON.stringify(e), String(e.stack), JSON.stringify(Object.entries(e)), cause instanceof Error ? `${cause.message}${cause.stack}` : String(cause ?? '')];
    for (const t of texts) {
      expect(t).not.toContain(KEY);
      expect(t).not.toContain(enc);
    }
  });

  it('covers every transport/reply error code the client can raise', () => {
    const covered = new Set(cases.map((c) => c[0]));
    const local = ['validation', 'unsupported_order_type', 'webhook_invalid'];
    expect(PANEL_ERROR_CODES.filter((c) => !covered.has(c) && !local.includes(c))).toEqual([]);
  });

  it('validation errors from order input are scrubbed too', async () => {
    const { client } = setup();
    const e = (await client.addOrder(FOLLOWERS, { link: `https://x.test/${KEY}`, quantity: `lots-${KEY}` }).catch((x) => x)) as PanelError;
    expect(e.code).toBe('validation');
    expect(`${e.message}${JSON.stringify(e)}${e.toString()}`).not.toContain(KEY);
  });
});

describe('servicesCacheMs', () => {
  const catalog = () => json(SERVICES);

  it('is off by default: every lookup by id reads the catalog', async () => {
    const { rt, client } = setup([], catalog());
    await client.service(1);
    await client.service(2);
    expect(rt.calls.map((c) => c.action)).toEqual(['services', 'services']);
  });

  it('reuses one catalog read for lookups while fresh, then reads again', async () => {
    const { rt, client } = setup([], catalog(), { servicesCacheMs: 60_000 });
    await Promise.all([client.service(1), client.service(2), client.prepareOrder(1, { link: 'https://x.test', quantity: 100 })]);
    await client.service(8);
    expect(rt.calls.map((c) => c.action)).toEqual(['services']);
    rt.time += 60_000;
    await client.service(1);
    expect(rt.calls.map((c) => c.action)).toEqual(['services', 'services']);
  });

  it('services() always reads afresh (and refreshes the cache)', async () => {
    const { rt, client } = setup([], catalog(), { servicesCacheMs: 60_000 });
    await client.services();
    await client.services();
    await client.service(1);
    expect(rt.calls).toHaveLength(2);
  });

  it('does not keep a failed read', async () => {
    const { rt, client } = setup([raw('', 401)], catalog(), { servicesCacheMs: 60_000 });
    await expect(client.service(1)).rejects.toMatchObject({ code: 'authentication' });
    await expect(client.service(1)).resolves.toMatchObject({ service: '1' });
    expect(rt.calls).toHaveLength(2);
  });

  it('refuses a negative cache time', () => {
    expect(() => new PanelClient({ apiUrl: API_URL, runtime: fakeRuntime(), servicesCacheMs: -1 })).toThrow(/servicesCacheMs/);
  });
});
