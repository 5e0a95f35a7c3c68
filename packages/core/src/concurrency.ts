/**
 * Independent calls with a bounded number in flight, every outcome kept in input order.
 * Built for writes such as `add`: each item's function is called at most once (never
 * retried here), and with `stopAfterFailure` no new item starts once one has failed, so a
 * failure behaves like the end of a sequential loop, except that calls already in flight
 * are awaited (and reported), never abandoned.
 */

export type Settled<R> =
  | { status: 'fulfilled'; value: R }
  | { status: 'rejected'; reason: unknown }
  /** Not started, because an earlier call failed under `stopAfterFailure`. */
  | { status: 'skipped' };

export interface SettleOptions {
  /** Calls in flight at most (≥ 1). */
  concurrency: number;
  /** After a failure, start no further item (default false: every item runs). */
  stopAfterFailure?: boolean;
}

export async function settleConcurrent<T, R>(
  items: ReadonlyArray<T>,
  fn: (item: T, index: number) => Promise<R>,
  options: SettleOptions,
): Promise<Array<Settled<R>>> {
  const limit = Math.floor(options.concurrency);
  if (!Number.isFinite(limit) || limit < 1) throw new RangeError(`concurrency must be at least 1, got ${options.concurrency}`);
  const out: Array<Settled<R>> = items.map(() => ({ status: 'skipped' }));
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (next < items.length && !(failed && options.stopAfterFailure)) {
      const index = next++;
      try {
        out[index] = { status: 'fulfilled', value: await fn(items[index] as T, index) };
      } catch (reason) {
        failed = true;
        out[index] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
