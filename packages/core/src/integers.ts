/**
 * The one integer reader. Users type whole numbers as numbers or digit strings; Panels send
 * counts as numbers, digit strings or "157.0". `strict` (what users give) refuses fractions;
 * `tolerant` (what Panels send) truncates them. Both refuse anything beyond a safe integer.
 */
export type IntegerReading = 'strict' | 'tolerant';

const STRICT = /^\s*[+-]?\d+\s*$/;
const TOLERANT = /^\s*[+-]?\d+(\.\d*)?\s*$/;

export function readInteger(v: unknown, reading: IntegerReading = 'strict'): number | null {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return null;
    if (reading === 'strict') return Number.isSafeInteger(v) ? v : null;
    const n = Math.trunc(v);
    return Number.isSafeInteger(n) ? n : null;
  }
  if (typeof v === 'string' && (reading === 'strict' ? STRICT : TOLERANT).test(v)) {
    const n = Math.trunc(Number(v));
    // Math.trunc(-0.5) is -0: a count is never "minus zero".
    return Number.isSafeInteger(n) ? n + 0 : null;
  }
  return null;
}
