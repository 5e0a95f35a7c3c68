/**
 * `multiStatus` (or `status&orders=`) → StatusResult[]. A per-id error is data:
 * `{"2": {"error": "Incorrect order ID"}}` becomes `{order: "2", error: "Incorrect order ID"}`.
 */
import type { StatusResult } from '../types';
import { alignToIds, MISSING_FROM_REPLY, readEntries } from './entries';
import type { ParseOptions } from './options';
import { StatusFields, toOrderStatus } from './order-status';
import { describeValue, isRecord, itemError } from './read';
import { guard } from './shape';

function toResult(order: string, value: unknown): StatusResult {
  const err = itemError(value);
  if (err !== null) return { order, error: err };
  if (typeof value === 'string' && value.trim() !== '') return { order, error: value };
  if (!isRecord(value)) return { order, error: `The Panel sent ${describeValue(value)} instead of a status for this order.` };
  const parsed = StatusFields.safeParse(value);
  if (!parsed.success) return { order, error: 'The Panel sent no status for this order.' };
  return { ...toOrderStatus(order, parsed.data), error: null };
}

export function parseMultiStatus(json: unknown, orders?: ReadonlyArray<string | number>, opts: ParseOptions = {}): StatusResult[] {
  return guard('multiStatus', opts, () => {
    const entries = readEntries('multiStatus', json, ['order', 'order_id', 'id'], opts);
    return alignToIds(entries, orders, toResult, (order) => ({ order, error: MISSING_FROM_REPLY }));
  });
}
