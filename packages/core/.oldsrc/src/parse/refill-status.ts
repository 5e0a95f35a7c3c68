/**
 * `refill_status&refill=ID` → `{"status":"Completed"}`; `refill_status&refills=1,3` →
 * `[{"refill":1,"status":"Completed"},{"refill":3,"status":{"error":"Refill not found"}}]`.
 */
import { readStatus } from '../statuses';
import type { RefillStatus } from '../types';
import { alignToIds, MISSING_FROM_REPLY, readEntries } from './entries';
import type { ParseOptions } from './options';
import { describeValue, isRecord, itemError, readId } from './read';
import { guard, requireRecord, wrongShape } from './shape';

function failed(refill: string, error: string): RefillStatus {
  return { refill, status: null, status_raw: null, final: false, error };
}

function statusOf(refill: string, value: unknown): RefillStatus {
  const err = itemError(value);
  if (err !== null) return failed(refill, err);
  if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number') {
    return { refill, ...readStatus(value), error: null };
  }
  return failed(refill, `The Panel sent ${describeValue(value)} instead of a refill status.`);
}

function toResult(refill: string, item: unknown): RefillStatus {
  const err = itemError(item);
  if (err !== null) return failed(refill, err);
  if (isRecord(item)) return statusOf(refill, item.status);
  return statusOf(refill, item);
}

export function parseRefillStatus(json: unknown, refill: string | number, opts: ParseOptions = {}): RefillStatus {
  return guard('refill_status', opts, () => {
    const id = readId(refill);
    if (id === null) throw wrongShape('refill_status', 'no refill id to attach the status to', opts);
    if (Array.isArray(json)) {
      const [first] = parseRefillStatuses(json, [id], opts);
      return first as RefillStatus;
    }
    const rec = requireRecord('refill_status', json, opts);
    if (!('status' in rec)) throw wrongShape('refill_status', 'no "status" in the reply', opts);
    return statusOf(id, rec.status);
  });
}

export function parseRefillStatuses(json: unknown, refills?: ReadonlyArray<string | number>, opts: ParseOptions = {}): RefillStatus[] {
  return guard('refill_status', opts, () => {
    const entries = readEntries('refill_status', json, ['refill', 'refill_id', 'id'], opts);
    return alignToIds(entries, refills, toResult, (refill) => failed(refill, MISSING_FROM_REPLY));
  });
}
