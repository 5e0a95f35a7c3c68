/** One order's status object (single status, multiStatus entries) → OrderStatus. */
import { z } from 'zod';
import { readStatus } from '../statuses';
import type { OrderStatus } from '../types';
import { zDecimalOrNull, zIntOrNull, zTextOrNull } from './read';

/** The status fields; `status` must be there (text or number), the rest are tolerated missing. */
export const StatusFields = z.object({
  status: z.union([z.string(), z.number()], { errorMap: () => ({ message: 'expected a "status" text' }) }),
  charge: zDecimalOrNull,
  start_count: zIntOrNull,
  remains: zIntOrNull,
  currency: zTextOrNull,
});

export type StatusFields = z.infer<typeof StatusFields>;

export function toOrderStatus(order: string, f: StatusFields): OrderStatus {
  return {
    order,
    ...readStatus(f.status),
    charge: f.charge,
    start_count: f.start_count,
    remains: f.remains,
    currency: f.currency,
  };
}
