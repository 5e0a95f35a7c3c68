import { settleConcurrent } from '../src/concurrency';

/** A call that resolves when the test says so, recording how many are in flight. */
function gate() {
  let inFlight = 0;
  let peak = 0;
  const started: number[] = [];
  const release = new Map<number, { ok: (v: string) => void; fail: (e: Error) => void }>();
  const fn = (item: number, index: number) =>
    new Promise<string>((resolve, reject) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      started.push(index);
      const done = () => inFlight--;
      release.set(index, { ok: (v) => (done(), resolve(v)), fail: (e) => (done(), reject(e)) });
    });
  const tick = () => new Promise((r) => setImmediate(r));
  return { fn, started, release, tick, peak: () => peak };
}

describe('settleConcurrent', () => {
  it('keeps at most `concurrency` in flight and results in input order, each item called once', async () => {
    const calls: number[] = [];
    const items = Array.from({ length: 25 }, (_, i) => i);
    let inFlight = 0;
    let peak = 0;
    const out = await settleConcurrent(
      items,
      async (n) => {
        calls.push(n);
        inFlight++;
        peak = Math.max(peak, inFlight);
        // Later items finish first: order must still follow the input.
        await new Promise((r) => setTimeout(r, (25 - n) % 7));
        inFlight--;
        return n * 2;
      },
      { concurrency: 4 },
    );
    expect(peak).toBe(4);
    expect(calls.sort((a, b) => a - b)).toEqual(items);
    expect(out).toEqual(items.map((n) => ({ status: 'fulfilled', value: n * 2 })));
  });

  it('by default a failure is kept in its place and every other item still runs', async () => {
    const out = await settleConcurrent([1, 2, 3], async (n) => {
      if (n === 2) throw new Error('no');
      return n;
    }, { concurrency: 2 });
    expect(out[0]).toEqual({ status: 'fulfilled', value: 1 });
    expect(out[1]).toMatchObject({ status: 'rejected', reason: new Error('no') });
    expect(out[2]).toEqual({ status: 'fulfilled', value: 3 });
  });

  it('stopAfterFailure: no item starts after a failure; the ones in flight are awaited and reported', async () => {
    const g = gate();
    const done = settleConcurrent([0, 1, 2, 3, 4], g.fn, { concurrency: 2, stopAfterFailure: true });
    await g.tick();
    expect(g.started).toEqual([0, 1]);
    g.release.get(0)!.fail(new Error('rejected by the Panel'));
    await g.tick();
    expect(g.started).toEqual([0, 1]); // item 2 did not start
    let settled = false;
    void done.then(() => (settled = true));
    await g.tick();
    expect(settled).toBe(false); // item 1 is still in flight: not abandoned
    g.release.get(1)!.ok('placed');
    const out = await done;
    expect(out.map((o) => o.status)).toEqual(['rejected', 'fulfilled', 'skipped', 'skipped', 'skipped']);
    expect(out[1]).toEqual({ status: 'fulfilled', value: 'placed' });
    expect(g.peak()).toBe(2);
  });

  it('handles no items and refuses a concurrency below 1', async () => {
    await expect(settleConcurrent([], async () => 1, { concurrency: 3 })).resolves.toEqual([]);
    await expect(settleConcurrent([1], async () => 1, { concurrency: 0 })).rejects.toThrow(RangeError);
  });
});
