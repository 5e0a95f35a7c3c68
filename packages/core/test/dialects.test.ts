/** The client learns a Panel's dialect from its answers, remembers it, and honours a pin. */
import { PanelApiError, PanelClient, PanelOrderOutcomeUnknownError, PanelValidationError } from '../src';
import { fakeRuntime, fault, json, raw } from './helpers/fake-runtime';

const API_URL = 'https://panel.test/api/v2';
const STATUS = { status: 'Completed', charge: '1', remains: '0', start_count: '5', currency: 'USD' };

function client(rt: ReturnType<typeof fakeRuntime>, extra: Record<string, unknown> = {}) {
  return new PanelClient({ apiUrl: API_URL, runtime: rt, rateLimit: false, retry: false, ...extra });
}

describe('multi-status spelling', () => {
  it.each([
    ['200 {"error":"Incorrect request"}', json({ error: 'Incorrect request' })],
    ['400 unknown action', json({ error: 'Unsupported action: multiStatus' }, 400)],
    ['404', json({ error: 'Not found' }, 404)],
  ])('switches to status&orders= after %s, and remembers it', async (_n, refusal) => {
    const rt = fakeRuntime([refusal, json({ '1': STATUS, '2': STATUS }), json({ '3': STATUS })]);
    const c = client(rt);
    expect(c.multiStatusAction).toBe('multiStatus');
    const first = await c.statuses([1, 2]);
    expect(first.map((r) => r.error)).toEqual([null, null]);
    expect(c.multiStatusAction).toBe('status');
    await c.statuses([3]);
    expect(rt.calls.map((x) => `${x.form.action}&orders=${x.form.orders}`)).toEqual(['multiStatus&orders=1,2', 'status&orders=1,2', 'status&orders=3']);
  });

  it('does not switch on a key problem', async () => {
    const rt = fakeRuntime([json({ error: 'Invalid API key' })]);
    const c = client(rt);
    await expect(c.statuses([1])).rejects.toBeInstanceOf(PanelApiError);
    expect(rt.calls).toHaveLength(1);
    expect(c.multiStatusAction).toBe('multiStatus');
  });

  it('keeps the first refusal when both spellings are refused, and learns nothing', async () => {
    const rt = fakeRuntime([json({ error: 'Incorrect request' }), json({ error: 'Incorrect request' }, 400)]);
    const c = client(rt);
    await expect(c.statuses([1])).rejects.toBeInstanceOf(PanelApiError);
    expect(c.multiStatusAction).toBe('multiStatus');
  });

  it('a pin is obeyed: no second spelling tried', async () => {
    const rt = fakeRuntime([json({ error: 'Incorrect request' })]);
    const c = client(rt, { multiStatusAction: 'multiStatus' });
    await expect(c.statuses([1])).rejects.toBeInstanceOf(PanelApiError);
    expect(rt.calls).toHaveLength(1);
    const pinned = fakeRuntime([json({ '1': STATUS })]);
    await client(pinned, { multiStatusAction: 'status' }).statuses([1]);
    expect(pinned.calls[0]!.form.action).toBe('status');
  });

  it('refuses an unknown pin', () => {
    expect(() => client(fakeRuntime(), { multiStatusAction: 'multi' })).toThrow(PanelValidationError);
    expect(() => client(fakeRuntime(), { cancelForm: 'each' })).toThrow(PanelValidationError);
  });
});

describe('cancel form', () => {
  it('switches to one order= per id when the list form is refused as a whole, and remembers it', async () => {
    const rt = fakeRuntime([
      json({ error: 'Incorrect request' }),
      json({ cancel: { status: 'success' } }),
      json({ error: 'Order cannot be canceled' }),
      json({ cancel: 1 }),
    ]);
    const c = client(rt);
    expect(await c.cancel(['ord_1', 'ord_2'])).toEqual([
      { order: 'ord_1', canceled: true, error: null },
      { order: 'ord_2', canceled: false, error: 'Order cannot be canceled' },
    ]);
    expect(c.cancelForm).toBe('order');
    expect(await c.cancel([3])).toEqual([{ order: '3', canceled: true, error: null }]);
    expect(rt.calls.map((x) => x.form)).toEqual([
      { action: 'cancel', orders: 'ord_1,ord_2' },
      { action: 'cancel', order: 'ord_1' },
      { action: 'cancel', order: 'ord_2' },
      { action: 'cancel', order: '3' },
    ]);
  });

  it('never asks again another way after an ambiguous failure (the cancel may have happened)', async () => {
    const rt = fakeRuntime([fault('ECONNRESET')]);
    const c = client(rt);
    await expect(c.cancel([1, 2])).rejects.toBeInstanceOf(PanelOrderOutcomeUnknownError);
    expect(rt.calls).toHaveLength(1);
    const gateway = fakeRuntime([raw('<html>502</html>', 502)]);
    await expect(client(gateway).cancel([1])).rejects.toBeInstanceOf(PanelOrderOutcomeUnknownError);
    expect(gateway.calls).toHaveLength(1);
  });

  it('keeps the list form when the Panel refuses the single form too', async () => {
    const rt = fakeRuntime([json({ error: 'Incorrect request' }), json({ error: 'Missing required field `orders`' }, 400)]);
    const c = client(rt);
    await expect(c.cancel([1])).rejects.toMatchObject({ code: 'panel_error' });
    expect(c.cancelForm).toBe('orders');
  });

  it('does not switch on a key problem, nor when pinned', async () => {
    const key = fakeRuntime([json({ error: 'Invalid API key' })]);
    await expect(client(key).cancel([1])).rejects.toBeInstanceOf(PanelApiError);
    expect(key.calls).toHaveLength(1);
    const pinned = fakeRuntime([json({ error: 'Incorrect request' })]);
    await expect(client(pinned, { cancelForm: 'orders' }).cancel([1])).rejects.toBeInstanceOf(PanelApiError);
    expect(pinned.calls).toHaveLength(1);
    const single = fakeRuntime([json({ cancel: 1 }), json({ cancel: 1 })]);
    await client(single, { cancelForm: 'order' }).cancel([1, 2]);
    expect(single.calls.map((x) => x.form.order)).toEqual(['1', '2']);
  });
});
