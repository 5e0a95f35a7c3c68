/**
 * Tolerant readers for the values inside Panel replies (numbers as strings or numbers,
 * ids either way, null or missing counts), as plain functions and as zod schemas.
 * "Be strict in what you send, tolerant in what you read": a value that cannot be
 * normalised becomes null (or keeps its raw text) instead of failing the reply.
 */
import { z } from 'zod';
import { decimalText } from '../money';
import { carriesError, errorText } from './interpret';

/** An id: a non-negative safe integer, or a non-empty string (trimmed, ≤ 64 chars). */
export function readId(v: unknown): string | null {
  if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 0 ? String(v) : null;
  if (typeof v === 'bigint') return v >= BigInt(0) ? v.toString() : null;
  if (typeof v === 'string') {
    const t = v.trim();
    return t !== '' && t.length <= 64 ? t : null;
  }
  return null;
}

/** An integer count from a number or numeric string ("157", "157.0", 157); else null. */
export function readInt(v: unknown): number | null {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return null;
    const n = Math.trunc(v);
    return Number.isSafeInteger(n) ? n : null;
  }
  if (typeof v === 'string' && /^\s*[+-]?\d+(\.\d*)?\s*$/.test(v)) {
    const n = Math.trunc(Number(v));
    return Number.isSafeInteger(n) ? n : null;
  }
  return null;
}

/** Exact decimal text from a string or number; null when absent, empty or not a number. */
export function readDecimal(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string' && typeof v !== 'number') return null;
  return decimalText(v);
}

/** Plain text from a string, number or boolean; '' otherwise. */
export function readText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

/** Non-empty text or null. */
export function readOptionalText(v: unknown): string | null {
  const t = readText(v).trim();
  return t === '' ? null : t;
}

/** A per-item error: `{"error": …}` object → its text; else null. */
export function itemError(v: unknown): string | null {
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && carriesError(v as Record<string, unknown>)) {
    return errorText((v as Record<string, unknown>).error);
  }
  return null;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

// zod forms of the readers, for the per-action schemas.
export const zId = z.unknown().transform((v, ctx) => {
  const id = readId(v);
  if (id === null) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `expected an id (number or text), got ${describeValue(v)}` });
    return z.NEVER;
  }
  return id;
});
export const zDecimal = z.unknown().transform((v, ctx) => {
  const d = readDecimal(v);
  if (d === null) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `expected a decimal number, got ${describeValue(v)}` });
    return z.NEVER;
  }
  return d;
});
export const zDecimalOrNull = z.unknown().transform(readDecimal);
export const zIntOrNull = z.unknown().transform(readInt);
export const zTextOrNull = z.unknown().transform(readOptionalText);
export const zText = z.unknown().transform(readText);

/** Short description of a value for error messages (never the whole value). */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return v.length > 30 ? `text "${v.slice(0, 30)}…"` : `text "${v}"`;
  return `${typeof v} ${String(v).slice(0, 30)}`;
}
