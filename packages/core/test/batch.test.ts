import { chunk, dedupe, fetchBatched, mapConcurrent, MAX_IDS_PER_REQUEST, normalizeId, normalizeIds } from '../src/batch';
import { PanelClient } from '../src/client';
import { PanelValidationError } from '../src/errors';
import type { TransportRequest } from '../src/runtime';
import { fakeRuntime, json, raw, API_URL } from './helpers/fake-runtime';

/** A multiStatus reply for whatever ids the request asked for; ids over 900000 are unknown to the "Panel". */
function multiStatusReply(req: TransportRequest) {
  const ids = (req.form.orders ?? '').split(',');
  const body: Record<string, unknown> = {};
  for (const id of ids) {
    body[id] = Number(id) > 900_000 ? { error: 'Incorrect order ID' } : { charge: '0.27819', start_count: '3572', status: 'In progress', remains: String(Number(id) % 50), currency: 'USD' };
  }
  return json(body);
}

function refillStatusesReply(req: TransportRequest) {
  const ids = (req.form.refills ?? '').split(',');
  return json(ids.map((id) => (Number(id) > 900_000 ? { refill: Number(id), status: { error: 'Refill not found' } } : { refill: Number(id), status: 'Completed' })));
}

describe('ids', () => {
  it('accepts numbers and any non-empty text without a comma, as given (trimmed)', () => {
    expect(normalizeIds([1, '23501', ' 7 ', '007', 0, 'ord_7Hk2'], 'orders')).toEqual(['1', '23501', '7', '007', '0', 'ord_7Hk2']);
  });

  it.each([[''], ['  '], ['1,2'], [-1], [1.5], [Number.NaN], [null], [{}], [2 ** 60]])('refuses %p naming the field', (bad) => {
    try {
      normalizeIds([1, bad], 'orders');
      throw new Error('expected a PanelValidationError');
    } catch (e) {
      expect(e).toBeInstanceOf(PanelValidationError);
      expect((e as PanelValidationError).field).toBe('orders[1]');
      expect((e as Error).message).toMatch(/id as the Panel returned it|comma/);
    }
  });

  it('refuses an empty list', () => {
    expect(() => normalizeIds([], 'orders')).toThrow(/empty/);
  });

  it('normalizeId names the single field', () => {
    expect(() => normalizeId('', 'refill')).toThrow(expect.objectContaining({ field: 'refill' }));
  });

  it('dedupe keeps first occurrences in order; chunk splits evenly with a short tail', () => {
    expect(dedupe(['3', '1', '3', '2', '1'])).toEqual(['3', '1', '2']);
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 100)).toEqual([]);
    expect(() => chunk([1], 0)).toThrow(RangeError);
  });
});

describe('mapConcurrent', () => {
  it('never runs more than `concurrency` at once and keeps the order of results', async () => {
    let inFlight = 0;
    let peak = 0;
    const out = await mapConcurrent([5, 1, 4, 2, 3, 0, 6], 3, async (n) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      for (let i = 0; i < n; i++) await Promise.resolve();
      inFlight--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30, 0, 60]);
    expect(peak).toBe(3);
  });

  it('starts nothing new after a failure and throws it once the rest settled', async () => {
    const started: number[] = [];
    const p = mapConcurrent([0, 1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      await Promise.resolve();
      if (n === 1) throw new Error('chunk 1 failed');
      return n;
    });
    await expect(p).rejects.toThrow('chunk 1 failed');
    expect(started.length).toBeLessThan(6);
  });
});

describe('fetchBatched', () => {
  it('returns one result per input id, duplicates as copies, absent ids from `missing`', async () => {
    const asked: string[][] = [];
    const res = await fetchBatched({
      ids: ['1', '2', '1', '3'],
      concurrency: 2,
      fetch: async (ids) => {
        asked.push(ids);
        return ids.filter((i) => i !== '3').map((order) => ({ order, v: Number(order) }));
      },
      keyOf: (r) => r.order,
      missing: (order) => ({ order, v: -1 }),
    });
    expect(asked).toEqual([['1', '2', '3']]);
    expect(res).toEqual([{ order: '1', v: 1 }, { order: '2', v: 2 }, { order: '1', v: 1 }, { order: '3', v: -1 }]);
    expect(res[0]).not.toBe(res[2]);
  });
});

describe('client.statuses', () => {
  it(`asks for 250 ids in 3 requests of at most ${MAX_IDS_PER_REQUEST}, and answers in input order`, async () => {
    const rt = fakeRuntime([], multiStatusReply);
    const client = new PanelClient({ apiUrl: API_URL, runtime: rt, rateLimit: false });
    const ids = Array.from({ length: 250 }, (_, i) => 1000 + ((i * 7) % 250));
    const res = await client.statuses(ids);
    expect(rt.calls).toHaveLength(3);
    expect(rt.calls.map((c) => c.form.orders!.split(',').length)).toEqual([100, 100, 50]);
    expect(rt.calls.every((c) => c.action === 'multiStatus' && c.form.action === 'multiStatus')).toBe(true);
    expect(res.map((r) => r.order)).toEqual(ids.map(String));
    expect(res[0]).toMatchObject({ status: 'In progress', remains: 1000 % 50, start_count: 3572, error: null });
  });

  it('asks for each id once: 1000 items naming 120 orders take 2 requests', async () => {
    const rt = fakeRuntime([], multiStatusReply);
    const client = new PanelClient({ apiUrl: API_URL, runtime: rt, rateLimit: false });
    const ids = Array.from({ length: 1000 }, (_, i) => String(5000 + (i % 120)));
    const res = await client.statuses(ids);
    expect(rt.calls).toHaveLength(2);
    const sent = rt.calls.flatMap((c) => c.form.orders!.split(','));
    expect(new Set(sent).size).toBe(sent.length);
    expect(sent).toHaveLength(120);
    expect(res).toHaveLength(1000);
    expect(res.map((r) => r.order)).toEqual(ids);
  });

  it('keeps per-id errors as data', async () => {
    const rt = fakeRuntime([], multiStatusReply);
    const client = new PanelClient({ apiUrl: API_URL, runtime: rt, rateLimit: false });
    const res = await client.statuses([1, 999_999, 2]);
    expect(res[1]).toEqual({ order: '999999', error: 'Incorrect order ID' });
    expect(res[0]).toMatchObject({ order: '1', error: null });
    expect(res[2]).toMatchObject({ order: '2', error: null });
  });

  it('runs at most statusConcurrency requests at once', async () => {
    const rt = fakeRuntime();
    let inFlight = 0;
    let peak = 0;
    rt.request = async (req) => {
      rt.calls.push({ ...req, at: rt.time });
      inFlight++;
      peak = Math.max(peak, inFlight);
      for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
      inFlight--;
      return multiStatusReply(req);
    };
    const client = new PanelClient({ apiUrl: API_URL, runtime: rt, rateLimit: false, statusConcurrency: 2 });
    await client.statuses(Array.from({ length: 750 }, (_, i) => i + 1));
    expect(rt.calls).toHaveLength(8);
    expect(peak).toBe(2);
  });

  it("speaks the other dialect: action=status&orders=…", async () => {
    const rt = fakeRuntime([], multiStatusReply);
    const client = new PanelClient({ apiUrl: API_URL, runtime: rt, rateLimit: false, multiStatusAction: 'status' });
    const res = await client.statuses([11, 12]);
    expect(rt.calls[0]!.form).toEqual({ action: 'status', orders: '11,12' });
    expect(res.map((r) => r.order)).toEqual(['11', '12']);
  });

  it('retries a failed chunk (reads are safe) without repeating the others', async () => {
    let n = 0;
    const rt = fakeRuntime([], (req) => (++n === 2 ? raw('', 502) : multiStatusReply(req)));
    const client = new PanelClient({ apiUrl: API_URL, runtime: rt, rateLimit: false, statusConcurrency: 1 });
    const res = await client.statuses(Array.from({ length: 150 }, (_, i) => i + 1));
    expect(rt.calls).toHaveLength(3);
    expect(rt.calls.map((c) => c.form.orders!.split(',')[0])).toEqual(['1', '101', '101']);
    expect(res).toHaveLength(150);
  });

  it('refuses a bad id before sending anything', async () => {
    const rt = fakeRuntime([], multiStatusReply);
    const client = new PanelClient({ apiUrl: API_URL, runtime: rt, rateLimit: false });
    await expect(client.statuses([1, 'two,three'])).rejects.toBeInstanceOf(PanelValidationError);
    expect(rt.calls).toHaveLength(0);
  });
});

describe('client.refillStatuses', () => {
  it('chunks refill ids the same way (refills=…) and keeps per-id errors', async () => {
    const rt = fakeRuntime([], refillStatusesReply);
    const client = new PanelClient({ apiUrl: API_URL, runtime: rt, rateLimit: false });
    const ids = [...Array.from({ length: 205 }, (_, i) => i + 1), 999_999, 3];
    const res = await client.refillStatuses(ids);
    expect(rt.calls.map((c) => [c.form.action, c.form.refills!.split(',').length])).toEqual([
      ['refill_status', 100],
      ['refill_status', 100],
      ['refill_status', 6],
    ]);
    expect(res).toHaveLength(207);
    expect(res[0]).toMatchObject({ refill: '1', status: 'Completed', final: true, error: null });
    expect(res[205]).toMatchObject({ refill: '999999', error: 'Refill not found' });
    expect(res[206]).toMatchObject({ refill: '3', status: 'Completed' });
  });
});
