/** `add` → { order: id as text }. */
import type { AddResult } from '../types';
import type { ParseOptions } from './options';
import { describeValue, readId } from './read';
import { guard, requireRecord, wrongShape } from './shape';

export function parseAdd(json: unknown, opts: ParseOptions = {}): AddResult {
  return guard('add', opts, () => {
    const rec = requireRecord('add', json, opts);
    const raw = rec.order ?? rec.order_id ?? rec.id;
    const order = readId(raw);
    if (order === null) throw wrongShape('add', `"order" is ${describeValue(raw)}, not an order id`, opts);
    return { order };
  });
}
