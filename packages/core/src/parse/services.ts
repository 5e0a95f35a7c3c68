import type { ParseOptions } from './options';
import type { Service } from '../types';

/** (being implemented) */
export function parseServices(json: unknown, opts: ParseOptions = {}): Service[] {
  void json; void opts;
  throw new Error('parseServices: not implemented yet');
}
