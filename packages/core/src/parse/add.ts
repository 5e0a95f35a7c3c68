import type { ParseOptions } from './options';
import type { AddResult } from '../types';

/** (being implemented) */
export function parseAdd(json: unknown, opts: ParseOptions = {}): AddResult {
  void json; void opts;
  throw new Error('parseAdd: not implemented yet');
}
