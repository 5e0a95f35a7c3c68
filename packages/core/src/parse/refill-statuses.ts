import type { ParseOptions } from './options';
import type { RefillStatus } from '../types';

/** (being implemented) */
export function parseRefillStatuses(json: unknown, refills?: ReadonlyArray<string | number>, opts: ParseOptions = {}): RefillStatus[] {
  void json; void opts;
  throw new Error('parseRefillStatuses: not implemented yet');
}
