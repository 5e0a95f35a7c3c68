import type { ParseOptions } from './options';
import type { OrderStatus } from '../types';

/** (being implemented) */
export function parseStatus(json: unknown, order: string | number, opts: ParseOptions = {}): OrderStatus {
  void json; void opts;
  throw new Error('parseStatus: not implemented yet');
}
