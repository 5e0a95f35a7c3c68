/**
 * Every create, search and polling trigger against both sandbox dialects: the spec, and a
 * PerfectPanel-style Panel (multiStatus refused, status&orders=, errors as HTTP 200,
 * lower-case statuses, 0/1 catalog flags, refill as {"success":true,"refill":n}). The
 * connection sets nothing about the dialect: core learns it.
 */
import type { Sandbox } from '@panel/sandbox';
import App from '../src';
import { appTester, authData, messageOf, performOf, rejection, sandbox } from './helpers';

type Rec = Record<string, unknown>;

describe.each(['spec', 'perfectpanel'] as const)('dialect %s', (dialect) => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await sandbox({ dialect });
  });
  afterAll(() => sb.stop());

  const run = (def: { operation: object }, inputData: Rec = {}) => appTester(performOf(def), { authData: authData(sb), inputData }, true) as Promise<unknown>;

  test('balance, services and the service dropdown, extras typed', async () => {
    expect(await run(App.searches.get_balance)).toEqual([expect.objectContaining({ balance: '1000', currency: 'USD' })]);
    const [service] = (await run(App.searches.find_service, { service: '1' })) as Rec[];
    expect(service).toMatchObject({ service: '1', type: 'Default', rate: '0.9', refill: true, cancel: true, dripfeed: true });
    const dropdown = (await appTester(performOf(App.triggers.service_list), { authData: authData(sb), meta: { page: 0 } }, true)) as Rec[];
    expect(dropdown[0]!.label).toMatch(/refill, cancel, drip-feed/);
  });

  test('create, find, poll, cancel and refill orders; errors are Zapier errors', async () => {
    const placed = (await run(App.creates.create_order, { service: '1', link: 'https://x.test/a', quantity: 100 })) as Rec;
    const order = String(placed.order);
    expect(order).toMatch(/^\d+$/);
    expect(await run(App.searches.find_order, { order })).toEqual([expect.objectContaining({ order, status: 'Pending', final: false })]);
    const polled = (await run(App.triggers.order_status_polling, { orders: [order, '999999'] })) as Rec[];
    expect(polled.map((i) => [i.order, i.status])).toEqual([[order, 'Pending']]);
    const cancel = (await run(App.creates.cancel_orders, { orders: [order] })) as Rec;
    expect(cancel).toMatchObject({ canceled_count: 1, failed_count: 0, canceled_orders: order });

    const done = (await run(App.creates.create_order, { service: '1', link: 'https://x.test/b', quantity: 100 })) as Rec;
    await sb.setOutcome(Number(done.order), 'complete');
    const refill = (await run(App.creates.refill_order, { order: String(done.order) })) as Rec;
    expect(refill).toMatchObject({ order: String(done.order), refill: expect.stringMatching(/^\d+$/) });
    expect(await run(App.searches.find_refill, { refill: String(refill.refill) })).toEqual([expect.objectContaining({ status: 'Pending' })]);

    // An unknown id: a search finds nothing; a refill of it is a Zapier error naming the Panel's words.
    expect(await run(App.searches.find_order, { order: '999999' })).toEqual([]);
    expect(messageOf(await rejection(run(App.creates.refill_order, { order: '999999' })))).toMatch(/Incorrect order ID/);
    expect(messageOf(await rejection(run(App.creates.refill_order, { order: order })))).toMatch(/Refill is not available/);
  });
});
