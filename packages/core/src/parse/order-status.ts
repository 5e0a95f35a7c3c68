/** One order's status object (single status, multiStatus entries) → OrderStatus. */
import { z } from 'zod';
import { readStatus } from '../statuses';
import type { OrderStatus } from '../types';
import { countField, moneyField, readOptionalText } from './read';

/**
 * The status fields; `status` must be there (text or number), the rest are tolerated missing
 * and read by toOrderStatus (raw kept where they cannot be normalised).
 */
export const StatusFields = z
  .object({
    status: z.union([z.string(), z.number()], { errorMap: () => ({ message: 'expected a "status" text' }) }),
  })
  .passthrough();

export type StatusFields = z.infer<typeof StatusFields>;

export function toOrderStatus(order: string, f: StatusFields): OrderStatus {
  return {
    order,
    ...readStatus(f.status),
    ...moneyField('charge', f.charge),
    ...countField('start_count', f.start_count),
    ...countField('remains', f.remains),
    currency: readOptionalText(f.currency),
  };
}
