/**
 * Status and refill-status chunks go out together: 1,000 ids (10 chunks) are all in flight at
 * once, under the client's default rate limiter, so they take about one round trip. Counted
 * over real HTTP against the sandbox, with latency added so the chunks overlap for sure.
 */
import { startHarness, logged, type Harness } from './harness';
import { PanelClient } from '../../src/client';
import type { PanelRuntime } from '../../src/runtime';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

/** The harness runtime, counting requests in flight (and the most seen at once). */
function counting(rt: PanelRuntime): PanelRuntime & { max: number } {
  let now = 0;
  const out = {
    ...rt,
    max: 0,
    request: async (req: Parameters<PanelRuntime['request']>[0]) => {
      now++;
      out.max = Math.max(out.max, now);
      try {
        return await rt.request(req);
      } finally {
        now--;
      }
    },
  };
  return out;
}

const IDS = Array.from({ length: 1000 }, (_, i) => String(700_000 + i));

it.each([
  ['statuses', (c: PanelClient) => c.statuses(IDS), 'multiStatus'],
  ['refillStatuses', (c: PanelClient) => c.refillStatuses(IDS), 'refill_status'],
] as const)('%s of 1,000 ids: all 10 chunks in flight at once, under the default limiter', async (_n, run, action) => {
  h.sb.reset();
  h.sb.fault({ kind: 'latency', action, ms: 150, rate: 1 });
  const rt = counting(h.runtime);
  // Default options: rate limiter on (1000/min), default statusConcurrency.
  const c = new PanelClient({ apiUrl: h.sb.apiUrl, runtime: rt, secrets: ['sandbox-demo-key'] });
  const results = await run(c);
  expect(results).toHaveLength(1000);
  expect(logged(h.sb, action)).toHaveLength(10);
  expect(rt.max).toBe(10);
});
