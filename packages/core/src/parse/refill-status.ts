import type { ParseOptions } from './options';
import type { RefillStatus } from '../types';

/** (being implemented) */
export function parseRefillStatus(json: unknown, refill: string | number, opts: ParseOptions = {}): RefillStatus {
  void json; void opts;
  throw new Error('parseRefillStatus: not implemented yet');
}
