/**
 * Proof of "zero configuration for the common dialects": every action of every dialect in the
 * corpus, success and error replies, through a client with default options, over real HTTP
 * against the sandbox speaking that dialect.
 */
import { DIALECT_CORPUS } from '../fixtures/dialects';
import { PanelClient } from '../../src/client';
import { PanelError } from '../../src/errors';
import { createNodeRuntime } from '../../src/node';
import { startHarness, KEY, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

/** The sandbox's own number of an order id as a dialect writes it. */
const internal = (id: string) => Number(id.replace(/^ord_/, ''));

async function rejection(p: Promise<unknown>): Promise<PanelError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(PanelError);
  return e as PanelError;
}

describe.each(DIALECT_CORPUS)('dialect: $name', ({ dialect, learns }) => {
  let client: PanelClient;
  let opaque: boolean;
  beforeEach(() => {
    h.sb.reset();
    const knobs = h.sb.setDialect(dialect);
    opaque = knobs.orderIds === 'opaque';
    // Default options: nothing about the dialect is configured.
    client = new PanelClient({ apiUrl: h.sb.apiUrl, runtime: h.runtime, secrets: [KEY] });
  });
  const unknownOrder = () => (opaque ? 'ord_999999' : '999999');

  it('reads: balance and the catalog with its extras', async () => {
    await expect(client.balance()).resolves.toMatchObject({ balance: '1000', currency: 'USD' });
    const services = await client.services();
    expect(services).toHaveLength(h.sb.catalog().length);
    const first = services[0]!;
    expect(first).toMatchObject({ service: '1', type: 'Default', rate: '0.9', min: 50, max: 10000 });
    const knobs = h.sb.dialect();
    if (knobs.catalogFlags === 'none') expect(first).not.toHaveProperty('refill');
    else expect(first).toMatchObject({ refill: true, cancel: true, dripfeed: true });
    if (knobs.catalogDesc) expect(first.desc).toEqual(expect.any(String));
  });

  it('orders: add, status, statuses, cancel — success and per-id errors', async () => {
    const { order } = await client.addOrder('1', { link: 'https://x.test/a', quantity: 100 });
    expect(order).toMatch(opaque ? /^ord_\d+$/ : /^\d+$/);
    await expect(client.status(order)).resolves.toMatchObject({ order, status: 'Pending', final: false, charge: '0.09' });
    const [known, unknown] = await client.statuses([order, unknownOrder()]);
    expect(known).toMatchObject({ order, status: 'Pending', error: null });
    expect(unknown).toMatchObject({ order: unknownOrder(), error: expect.stringMatching(/Incorrect order ID/) });
    expect(await client.cancel([order, unknownOrder()])).toEqual([
      { order, canceled: true, error: null },
      { order: unknownOrder(), canceled: false, error: expect.stringMatching(/Incorrect order ID/) },
    ]);
    expect(await client.cancel([order])).toEqual([{ order, canceled: false, error: expect.stringMatching(/cannot be canceled/) }]);
    await expect(client.status(order)).resolves.toMatchObject({ status: 'Canceled', final: true });
    expect({ multiStatusAction: client.multiStatusAction, cancelForm: client.cancelForm }).toEqual(learns);
  });

  it('refills: refill, refills, refill status(es) — success and errors', async () => {
    const { order } = await client.addOrder('1', { link: 'https://x.test/b', quantity: 100 });
    await h.sb.setOutcome(internal(order), 'complete');
    await expect(client.status(order)).resolves.toMatchObject({ status: 'Completed', final: true, remains: 0 });
    const single = await client.refill(order);
    expect(single).toMatchObject({ order, refill: expect.stringMatching(/^\d+$/), error: null });
    const [again, missing] = await client.refills([order, unknownOrder()]);
    expect(again).toMatchObject({ order, error: null });
    expect(missing).toMatchObject({ order: unknownOrder(), refill: null, error: expect.any(String) });
    await expect(client.refillStatus(single.refill!)).resolves.toMatchObject({ refill: single.refill, status: 'Pending', error: null });
    await h.sb.advance(24 * 3_600_000);
    const [done, notFound] = await client.refillStatuses([single.refill!, '999999']);
    expect(done).toMatchObject({ status: 'Completed', final: true, error: null });
    expect(notFound).toMatchObject({ refill: '999999', status: null, error: expect.stringMatching(/Refill not found/) });
  });

  it('whole-call errors are typed PanelErrors, whatever the HTTP status', async () => {
    await rejection(client.status(unknownOrder()));
    const pending = await client.addOrder('1', { link: 'https://x.test/c', quantity: 100 });
    expect((await rejection(client.refill(pending.order))).message).toMatch(/Refill is not available/);
    await rejection(client.add({ service: 424242, link: 'https://x.test', quantity: 100 }));
    await rejection(client.refillStatus('999999'));
    const wrongKey = createNodeRuntime({ apiKey: 'test-key-wrong' });
    try {
      const stranger = new PanelClient({ apiUrl: h.sb.apiUrl, runtime: wrongKey, secrets: ['test-key-wrong'] });
      const e = await rejection(stranger.balance());
      expect(e.message).toMatch(/API key/);
      expect(JSON.stringify(e)).not.toContain('test-key-wrong');
    } finally {
      await wrongKey.close();
    }
  });
});

it('the corpus holds at least six distinct dialects', () => {
  expect(new Set(DIALECT_CORPUS.map((d) => JSON.stringify(d.dialect))).size).toBeGreaterThanOrEqual(6);
});
