import type { ParseOptions } from './options';
import type { StatusResult } from '../types';

/** (being implemented) */
export function parseMultiStatus(json: unknown, orders?: ReadonlyArray<string | number>, opts: ParseOptions = {}): StatusResult[] {
  void json; void opts;
  throw new Error('parseMultiStatus: not implemented yet');
}
