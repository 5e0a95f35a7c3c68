import type { ParseOptions } from './options';
import type { RefillResult } from '../types';

/** (being implemented) */
export function parseRefill(json: unknown, order: string | number, opts: ParseOptions = {}): RefillResult {
  void json; void opts;
  throw new Error('parseRefill: not implemented yet');
}
