/** The sandbox answers in dialects (panels.md): requests and replies over real HTTP. */
import { resolveDialect } from '../src';
import { admin, MIN, sandbox } from './helpers';

describe('dialect: perfectpanel', () => {
  let s: Awaited<ReturnType<typeof sandbox>>;
  beforeAll(async () => {
    s = await sandbox({ dialect: 'perfectpanel' });
  });
  afterAll(() => s.sb.stop());

  it('refuses multiStatus with 200 {"error":"Incorrect request"}, answers status&orders=', async () => {
    const { order } = (await s.api('add', { service: 1, link: 'https://x.test/a', quantity: 100 })).json;
    expect(order).toEqual(expect.any(Number));
    expect(await s.api('multiStatus', { orders: String(order) })).toMatchObject({ status: 200, json: { error: 'Incorrect request' } });
    const multi = await s.api('status', { orders: `${order},999999` });
    expect(multi.json[String(order)]).toMatchObject({ status: 'pending', remains: 'Unknown' });
    expect(multi.json['999999']).toEqual({ error: 'Incorrect order ID' });
  });

  it('answers every error with HTTP 200 {"error"}', async () => {
    expect(await s.api('status', { order: 999999 })).toMatchObject({ status: 200, json: { error: 'Incorrect order ID' } });
    expect(await s.api('balance', {}, 'test-key-wrong')).toMatchObject({ status: 200, json: { error: 'Invalid API key' } });
    expect(await s.api('add', { service: 424242, link: 'https://x.test', quantity: 1 })).toMatchObject({ status: 200, json: { error: 'Incorrect service ID' } });
  });

  it('writes catalog flags as 0/1 with a desc, cancel as flags, refill as {"success":true,"refill":n}, statuses in lower case', async () => {
    const [first] = (await s.api('services')).json;
    expect(first).toMatchObject({ service: '1', refill: 1, cancel: 1, dripfeed: 1, desc: expect.any(String) });
    const { order } = (await s.api('add', { service: 1, link: 'https://x.test/b', quantity: 100 })).json;
    expect((await s.api('cancel', { orders: String(order) })).json).toEqual([{ order, cancel: 1 }]);
    const { order: done } = (await s.api('add', { service: 1, link: 'https://x.test/c', quantity: 100 })).json;
    await s.sb.setOutcome(done, 'complete');
    expect((await s.api('status', { order: done })).json.status).toBe('completed');
    const refill = (await s.api('refill', { order: done })).json;
    expect(refill).toEqual({ success: true, refill: expect.any(Number) });
    await s.sb.advance(60 * MIN);
    expect((await s.api('refill_status', { refill: refill.refill })).json.status).toMatch(/^[a-z ]+$/);
  });
});

describe('dialect knobs', () => {
  it('single-order cancel, opaque ids, money as numbers, flags as text, set at run time', async () => {
    const s = await sandbox();
    try {
      const knobs = s.sb.setDialect({ cancelForm: 'order', orderIds: 'opaque', money: 'number', catalogFlags: 'text', multiStatus: 'http400' });
      expect(knobs).toMatchObject({ cancelForm: 'order', statusCase: 'as-is' });
      expect((await s.api('balance')).json).toEqual({ balance: 1000, currency: 'USD' });
      expect((await s.api('services')).json[0]).toMatchObject({ rate: 0.9, refill: 'yes', cancel: 'yes' });
      const { order } = (await s.api('add', { service: 1, link: 'https://x.test/a', quantity: 100 })).json;
      expect(order).toMatch(/^ord_\d+$/);
      expect((await s.api('status', { order })).json).toMatchObject({ status: 'Pending', charge: 0.09 });
      expect((await s.api('status', { order: order.slice(4) })).status).toBe(404);
      expect((await s.api('multiStatus', { orders: order })).status).toBe(400);
      expect(Object.keys((await s.api('status', { orders: `${order},ord_x` })).json)).toEqual([order, 'ord_x']);
      expect((await s.api('cancel', { orders: order })).json).toEqual({ error: 'Incorrect request' });
      expect((await s.api('cancel', { order })).json).toEqual({ cancel: { status: 'success' } });
      expect((await s.api('cancel', { order })).json).toEqual({ error: 'Order cannot be canceled' });
    } finally {
      await s.sb.stop();
    }
  });

  it('is settable over the admin interface, and refuses unknown knobs', async () => {
    const s = await sandbox();
    try {
      expect((await admin(s.sb, 'POST', '/dialect', { dialect: 'perfectpanel' })).json).toMatchObject({ multiStatus: 'incorrect-request' });
      expect((await admin(s.sb, 'GET', '/dialect')).json).toMatchObject({ errors: 'http200' });
      expect((await admin(s.sb, 'POST', '/dialect', { cancelForm: 'each' })).status).toBe(400);
      expect(() => resolveDialect({ colour: 'red' } as never)).toThrow(/unknown dialect knob/);
      expect(() => resolveDialect('v3' as never)).toThrow(/spec, perfectpanel/);
    } finally {
      await s.sb.stop();
    }
  });
});
