/**
 * `cancel` → CancelResult[]: `[{"order":9,"cancel":{"status":"success"}}, {"order":2,"error":"…"}]`.
 * Also read: `cancel: 1 | true | "success"`, `cancel: {"error": …}`, and replies keyed by id.
 */
import type { CancelResult } from '../types';
import { alignToIds, MISSING_FROM_REPLY, readEntries } from './entries';
import { errorText } from './interpret';
import type { ParseOptions } from './options';
import { isRecord, itemError } from './read';
import { guard } from './shape';

const ACCEPTED = /^(success|ok|true|1|yes|canceled|cancelled|accepted)$/i;

function outcome(v: unknown): { canceled: boolean; error: string | null } {
  const err = itemError(v);
  if (err !== null) return { canceled: false, error: err };
  if (v === true || v === 1) return { canceled: true, error: null };
  if (typeof v === 'string') return ACCEPTED.test(v.trim()) ? { canceled: true, error: null } : { canceled: false, error: v };
  if (isRecord(v)) {
    const s = v.status;
    if (s === true || s === 1 || (typeof s === 'string' && ACCEPTED.test(s.trim()))) return { canceled: true, error: null };
    if (s !== undefined) return { canceled: false, error: `The Panel did not cancel the order (status "${errorText(s)}").` };
  }
  return { canceled: false, error: 'The Panel did not say whether the order was canceled.' };
}

function toResult(order: string, value: unknown): CancelResult {
  const err = itemError(value);
  if (err !== null) return { order, canceled: false, error: err };
  if (isRecord(value) && 'cancel' in value) return { order, ...outcome(value.cancel) };
  // Keyed replies may hold the outcome directly: {"9": {"status": "success"}} or {"9": 1}.
  return { order, ...outcome(value) };
}

export function parseCancel(json: unknown, orders?: ReadonlyArray<string | number>, opts: ParseOptions = {}): CancelResult[] {
  return guard('cancel', opts, () => {
    // A single result object naming its order: {"order": 9, "cancel": {...}}.
    const list = isRecord(json) && 'order' in json ? [json] : json;
    const entries = readEntries('cancel', list, ['order', 'order_id', 'id'], opts);
    return alignToIds(entries, orders, toResult, (order) => ({ order, canceled: false, error: MISSING_FROM_REPLY }));
  });
}
