/**
 * Refill, as Panels of this family spell it (the spec names no refill action):
 * `refill&order=ID` → `{"refill":"1"}`; `refill&orders=1,2` →
 * `[{"order":1,"refill":1},{"order":2,"refill":{"error":"…"}}]`.
 */
import type { RefillResult } from '../types';
import { alignToIds, MISSING_FROM_REPLY, readEntries } from './entries';
import type { ParseOptions } from './options';
import { describeValue, isRecord, itemError, readId } from './read';
import { guard, requireRecord, wrongShape } from './shape';

function refillOf(order: string, value: unknown): RefillResult {
  const err = itemError(value);
  if (err !== null) return { order, refill: null, error: err };
  const id = value === 0 || value === false || value === '0' ? null : readId(value);
  if (id === null) return { order, refill: null, error: `The Panel did not create a refill (it sent ${describeValue(value)}).` };
  return { order, refill: id, error: null };
}

function toResult(order: string, item: unknown): RefillResult {
  const err = itemError(item);
  if (err !== null) return { order, refill: null, error: err };
  if (isRecord(item)) return refillOf(order, item.refill ?? item.refill_id);
  // Keyed replies may hold the refill id directly: {"1": 55}.
  return refillOf(order, item);
}

export function parseRefill(json: unknown, order: string | number, opts: ParseOptions = {}): RefillResult {
  return guard('refill', opts, () => {
    const id = readId(order);
    if (id === null) throw wrongShape('refill', 'no order id to attach the refill to', opts);
    // Some Panels answer a single refill in the list form.
    if (Array.isArray(json)) {
      const [first] = parseRefills(json, [id], opts);
      return first as RefillResult;
    }
    const rec = requireRecord('refill', json, opts);
    if (!('refill' in rec) && !('refill_id' in rec)) throw wrongShape('refill', 'no "refill" in the reply', opts);
    return refillOf(id, rec.refill ?? rec.refill_id);
  });
}

export function parseRefills(json: unknown, orders?: ReadonlyArray<string | number>, opts: ParseOptions = {}): RefillResult[] {
  return guard('refill', opts, () => {
    const entries = readEntries('refill', json, ['order', 'order_id', 'id'], opts);
    return alignToIds(entries, orders, toResult, (order) => ({ order, refill: null, error: MISSING_FROM_REPLY }));
  });
}
