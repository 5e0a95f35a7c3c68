/**
 * The client-side limiter against a sandbox that enforces a (shortened) rate limit, over real
 * HTTP and real time: kept a little under the Panel's limit, a burst never meets a 429.
 */
import { startHarness, logged, type Harness } from './harness';
import { createPanelClient } from '../../src/node';
import { PanelRateLimitError } from '../../src/errors';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

it('without a client limiter, a burst over the limit is refused with 429 and Retry-After', async () => {
  // A window long enough that all 8 requests surely fall inside it, however loaded the machine.
  h = await startHarness({ rateLimit: { limit: 5, windowMs: 10_000 } });
  const c = createPanelClient({ apiUrl: h.sb.apiUrl, apiKey: 'sandbox-demo-key', rateLimit: false, retry: false });
  try {
    const results = await Promise.all(Array.from({ length: 8 }, () => c.balance().then(() => 'ok', (e: unknown) => e)));
    const refused = results.filter((r) => r instanceof PanelRateLimitError) as PanelRateLimitError[];
    expect(refused).toHaveLength(3);
    expect(refused[0]!.retryAfterMs).toBeGreaterThanOrEqual(1000);
  } finally {
    await c.close();
  }
});

it('with the limiter a little under the Panel limit, 15 concurrent calls all pass without a 429', async () => {
  h = await startHarness({ rateLimit: { limit: 5, windowMs: 300 } });
  // Twice the Panel's window between a request and the fifth after it: network jitter cannot close that gap.
  const c = createPanelClient({ apiUrl: h.sb.apiUrl, apiKey: 'sandbox-demo-key', rateLimit: { limit: 5, windowMs: 600 }, retry: false });
  try {
    const results = await Promise.all(Array.from({ length: 15 }, () => c.balance()));
    expect(results).toHaveLength(15);
    expect(logged(h.sb, 'balance').map((r) => r.status)).toEqual(Array(15).fill(200));
  } finally {
    await c.close();
  }
});
