/** Unit: the sliding window, per IP, with an injected clock. */
import { RateLimiter } from '../src/rateLimit';

it('counts per IP in a sliding window and says how long to wait', () => {
  let now = 1_000_000;
  const rl = new RateLimiter({ limit: 3, windowMs: 60_000 }, () => now);
  expect([rl.hit('a'), rl.hit('a'), rl.hit('a')]).toEqual([null, null, null]);
  expect(rl.hit('a')).toBe(60);
  expect(rl.hit('b')).toBeNull(); // another IP has its own window
  now += 30_000;
  expect(rl.hit('a')).toBe(30);
  now += 30_000; // the first three leave the window
  expect(rl.hit('a')).toBeNull();
  expect(() => new RateLimiter({ limit: 0, windowMs: 1 })).toThrow(/positive/);
});
