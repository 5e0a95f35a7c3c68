import type { ParseOptions } from './options';
import type { Balance } from '../types';

/** (being implemented) */
export function parseBalance(json: unknown, opts: ParseOptions = {}): Balance {
  void json; void opts;
  throw new Error('parseBalance: not implemented yet');
}
