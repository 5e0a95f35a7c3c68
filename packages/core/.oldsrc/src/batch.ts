/**
 * Many ids, few requests: statuses of any number of orders (or refills) are fetched in
 * chunks of at most 100 (the Panel's cap), each id once, a few chunks at a time, and merged
 * back into one result per input id, in input order.
 */
import { PanelValidationError, type Scrubber } from './errors';

/** The Panel's cap on ids per multiStatus / multi refill_status request. */
export const MAX_IDS_PER_REQUEST = 100;

/**
 * An id as the Panel writes it: a non-negative integer, given as a number or a string
 * (surrounding spaces tolerated). Anything else would corrupt the comma list.
 */
export function normalizeId(raw: unknown, field: string, scrub?: Scrubber): string {
  const text = typeof raw === 'number' ? (Number.isSafeInteger(raw) && raw >= 0 ? String(raw) : '') : typeof raw === 'string' ? raw.trim() : '';
  if (!/^\d+$/.test(text)) {
    const shown = typeof raw === 'string' || typeof raw === 'number' ? JSON.stringify(raw) : typeof raw;
    throw new PanelValidationError(
      `${field} must be a whole number as the Panel returned it (e.g. 23501); got ${shown}.`,
      { field, ...(scrub ? { scrub } : {}) },
    );
  }
  // Leading zeros would make "007" and "7" two ids for the same order.
  return text.replace(/^0+(?=\d)/, '');
}

/** Normalise a list of ids; an empty list is an input error, not an empty request. */
export function normalizeIds(raw: ReadonlyArray<unknown>, field: string, scrub?: Scrubber): string[] {
  if (!Array.isArray(raw)) throw new PanelValidationError(`${field} must be a list of ids.`, { field });
  if (raw.length === 0) throw new PanelValidationError(`${field} is empty: give at least one id.`, { field });
  return raw.map((id, i) => normalizeId(id, `${field}[${i}]`, scrub));
}

/** First occurrence of each id, in order. */
export function dedupe(ids: ReadonlyArray<string>): string[] {
  return [...new Set(ids)];
}

export function chunk<T>(list: ReadonlyArray<T>, size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive integer, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * Runs `fn` over `items` with at most `concurrency` in flight; results keep the items'
 * order. On the first failure no new item starts and that failure is thrown once the
 * ones in flight have settled (so no request is left running unobserved).
 */
export async function mapConcurrent<T, R>(items: ReadonlyArray<T>, concurrency: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const limit = Math.max(1, Math.floor(concurrency) || 1);
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async (): Promise<void> => {
    while (failure === null && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index] as T, index);
      } catch (error) {
        if (failure === null) failure = { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure !== null) throw (failure as { error: unknown }).error;
  return results;
}

export interface BatchPlan<R> {
  /** Normalised ids, one per input, in input order. */
  ids: ReadonlyArray<string>;
  concurrency: number;
  /** Fetch one chunk (≤ 100 distinct ids). */
  fetch(chunkIds: string[]): Promise<R[]>;
  /** The id a result belongs to. */
  keyOf(result: R): string;
  /** The result for an id the Panel's reply left out. */
  missing(id: string): R;
}

/** Dedupe, chunk, fetch with bounded concurrency, merge: one result per input id, in input order. */
export async function fetchBatched<R>(plan: BatchPlan<R>): Promise<R[]> {
  const unique = dedupe(plan.ids);
  const chunks = chunk(unique, MAX_IDS_PER_REQUEST);
  const replies = await mapConcurrent(chunks, plan.concurrency, (ids) => plan.fetch(ids));
  const byId = new Map<string, R>();
  for (const reply of replies) for (const r of reply) {
    const key = plan.keyOf(r);
    if (!byId.has(key)) byId.set(key, r);
  }
  return plan.ids.map((id) => {
    const r = byId.get(id);
    // Duplicated ids get their own copy, so a caller mutating one item does not change another.
    return r === undefined ? plan.missing(id) : { ...r };
  });
}
