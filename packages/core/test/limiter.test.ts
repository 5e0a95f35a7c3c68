import { RateLimiter, createLimiter, DEFAULT_RATE_LIMIT } from '../src/limiter';
import { PanelClient } from '../src/client';
import { fakeRuntime, json, API_URL } from './helpers/fake-runtime';

function fakeClock(start = 0) {
  const c = {
    time: start,
    sleeps: [] as number[],
    now: () => c.time,
    sleep: async (ms: number) => {
      c.sleeps.push(ms);
      c.time += ms;
    },
  };
  return c;
}

/** Largest number of start times inside any window of `windowMs` (a sliding window). */
function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[i] as number) - (sorted[j] as number) >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe('RateLimiter', () => {
  it('defaults to the Panel limit of 1000 requests per minute', () => {
    expect(DEFAULT_RATE_LIMIT).toEqual({ limit: 1000, windowMs: 60_000 });
    const l = new RateLimiter(fakeClock());
    expect([l.limit, l.windowMs]).toEqual([1000, 60_000]);
  });

  it('lets `limit` requests through at once, then makes the next wait for the window to pass', async () => {
    const clock = fakeClock(1000);
    const l = new RateLimiter(clock, { limit: 3, windowMs: 1000 });
    for (let i = 0; i < 3; i++) await l.acquire();
    expect(clock.sleeps).toEqual([]);
    clock.time += 250;
    await l.acquire();
    expect(clock.sleeps).toEqual([750]);
    expect(clock.time).toBe(2000);
  });

  it('is a sliding window: a slot frees exactly one window after its request started', async () => {
    const clock = fakeClock(0);
    const l = new RateLimiter(clock, { limit: 2, windowMs: 100 });
    await l.acquire(); // t=0
    clock.time = 60;
    await l.acquire(); // t=60
    await l.acquire(); // waits for t=100
    expect(clock.time).toBe(100);
    await l.acquire(); // waits for t=160
    expect(clock.time).toBe(160);
  });

  it('counts a finished request from its reply: the Panel saw it no earlier than that', async () => {
    const clock = fakeClock(0);
    const l = new RateLimiter(clock, { limit: 2, windowMs: 100 });
    const first = await l.acquire(); // starts t=0 …
    clock.time = 30;
    first(); // … its reply arrives at t=30
    await l.acquire(); // t=30, the second slot
    clock.time = 40;
    await l.acquire(); // the first slot frees one window after its reply, not its start
    expect(clock.time).toBe(130);
  });

  it('a slot never moves back in time when released late or twice', async () => {
    const clock = fakeClock(0);
    const l = new RateLimiter(clock, { limit: 1, windowMs: 100 });
    const done = await l.acquire();
    clock.time = 50;
    done();
    clock.time = 20; // a clock that steps back must not shorten the window
    done();
    await l.acquire();
    expect(clock.time).toBe(150);
  });

  it('serves concurrent callers in arrival order without exceeding the limit', async () => {
    const clock = fakeClock(0);
    const l = new RateLimiter(clock, { limit: 2, windowMs: 1000 });
    const starts: Array<[number, number]> = [];
    await Promise.all([0, 1, 2, 3, 4].map((i) => l.acquire().then(() => starts.push([i, clock.time]))));
    expect(starts).toEqual([
      [0, 0],
      [1, 0],
      [2, 1000],
      [3, 1000],
      [4, 2000],
    ]);
  });

  it('holds every caller until a Retry-After instant', async () => {
    const clock = fakeClock(0);
    const l = new RateLimiter(clock, { limit: 100, windowMs: 1000 });
    l.blockUntil(5000);
    l.blockUntil(3000); // an earlier instant never shortens the hold
    await l.acquire();
    expect(clock.time).toBe(5000);
  });

  it('keeps working after a sleep fails', async () => {
    const clock = fakeClock(0);
    let fail = true;
    const l = new RateLimiter(
      {
        now: clock.now,
        sleep: async (ms) => {
          if (fail) {
            fail = false;
            throw new Error('sleep interrupted');
          }
          await clock.sleep(ms);
        },
      },
      { limit: 1, windowMs: 10 },
    );
    await l.acquire();
    await expect(l.acquire()).rejects.toThrow('sleep interrupted');
    await l.acquire();
    expect(clock.time).toBe(10);
  });

  it.each([
    [{ limit: 0 }],
    [{ limit: 1.5 }],
    [{ limit: 2_000_000 }],
    [{ windowMs: 0 }],
    [{ windowMs: Number.NaN }],
  ])('refuses %j with a RangeError naming the option', (opts) => {
    expect(() => new RateLimiter(fakeClock(), opts)).toThrow(/rateLimit\.(limit|windowMs)/);
  });

  it('createLimiter(false) turns limiting off', () => {
    expect(createLimiter(fakeClock(), false)).toBeNull();
    expect(createLimiter(fakeClock(), undefined)).toBeInstanceOf(RateLimiter);
  });
});

describe('PanelClient rate limiting', () => {
  it('shares one limiter across all concurrent calls of a client', async () => {
    const rt = fakeRuntime([], json({ balance: '1.00', currency: 'USD' }));
    const client = new PanelClient({ apiUrl: API_URL, runtime: rt, rateLimit: { limit: 3, windowMs: 1000 } });
    await Promise.all(Array.from({ length: 10 }, () => client.balance()));
    expect(rt.calls).toHaveLength(10);
    expect(maxInWindow(rt.calls.map((c) => c.at), 1000)).toBe(3);
    // 10 calls at 3 per second need at least three waits of a full window. (This fake clock
    // jumps while replies are pending, so a reply-stamped slot may cost one window more.)
    expect(rt.time - 1_700_000_000_000).toBeGreaterThanOrEqual(3000);
    expect(rt.time - 1_700_000_000_000).toBeLessThanOrEqual(4000);
  });

  it('uses the default 1000/min: the 1001st request waits a minute', async () => {
    const rt = fakeRuntime([], json({ balance: '1.00', currency: 'USD' }));
    const client = new PanelClient({ apiUrl: API_URL, runtime: rt });
    for (let i = 0; i < 1001; i++) await client.balance();
    expect(rt.sleeps).toEqual([60_000]);
    expect(maxInWindow(rt.calls.map((c) => c.at), 60_000)).toBe(1000);
  });

  it('does not wait at all with rateLimit: false', async () => {
    const rt = fakeRuntime([], json({ balance: '1.00', currency: 'USD' }));
    const client = new PanelClient({ apiUrl: API_URL, runtime: rt, rateLimit: false });
    for (let i = 0; i < 50; i++) await client.balance();
    expect(rt.sleeps).toEqual([]);
  });

  it('two clients have two limiters', async () => {
    const rt = fakeRuntime([], json({ balance: '1.00', currency: 'USD' }));
    const a = new PanelClient({ apiUrl: API_URL, runtime: rt, rateLimit: { limit: 1, windowMs: 1000 } });
    const b = new PanelClient({ apiUrl: API_URL, runtime: rt, rateLimit: { limit: 1, windowMs: 1000 } });
    await Promise.all([a.balance(), b.balance()]);
    expect(rt.sleeps).toEqual([]);
  });
});

describe('limiter property (fast-check)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fc = require('fast-check') as typeof import('fast-check');

  it('no window ever holds more than `limit` starts, whatever the arrivals', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 80 }),
        async (limit, windowMs, gaps) => {
          const clock = fakeClock(0);
          const l = new RateLimiter(clock, { limit, windowMs });
          const starts: number[] = [];
          // Callers arrive after the given gaps; some arrive while earlier ones still wait.
          const pending: Promise<void>[] = [];
          for (const gap of gaps) {
            clock.time += gap % 3 === 0 ? 0 : gap;
            pending.push(l.acquire().then(() => void starts.push(clock.time)));
            if (gap % 2 === 0) await Promise.all(pending.splice(0));
          }
          await Promise.all(pending);
          expect(starts).toHaveLength(gaps.length);
          expect(maxInWindow(starts, windowMs)).toBeLessThanOrEqual(limit);
        },
      ),
      { numRuns: 200 },
    );
  });
});
