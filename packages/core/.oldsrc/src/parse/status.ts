/** `status` (single order) → OrderStatus. The reply carries no id: the caller's id is used. */
import type { OrderStatus } from '../types';
import type { ParseOptions } from './options';
import { StatusFields, toOrderStatus } from './order-status';
import { readId } from './read';
import { guard, wrongShape, zparse } from './shape';

export function parseStatus(json: unknown, order: string | number, opts: ParseOptions = {}): OrderStatus {
  return guard('status', opts, () => {
    const id = readId(order);
    if (id === null) throw wrongShape('status', 'no order id to attach the status to', opts);
    return toOrderStatus(id, zparse('status', StatusFields, json, opts));
  });
}
