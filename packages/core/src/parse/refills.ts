import type { ParseOptions } from './options';
import type { RefillResult } from '../types';

/** (being implemented) */
export function parseRefills(json: unknown, orders?: ReadonlyArray<string | number>, opts: ParseOptions = {}): RefillResult[] {
  void json; void opts;
  throw new Error('parseRefills: not implemented yet');
}
