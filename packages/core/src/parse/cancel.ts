import type { ParseOptions } from './options';
import type { CancelResult } from '../types';

/** (being implemented) */
export function parseCancel(json: unknown, orders?: ReadonlyArray<string | number>, opts: ParseOptions = {}): CancelResult[] {
  void json; void opts;
  throw new Error('parseCancel: not implemented yet');
}
