/**
 * Tolerant readers for the values inside Panel replies (numbers as strings or numbers,
 * ids either way, null or missing counts), as plain functions and as zod schemas.
 * "Be strict in what you send, tolerant in what you read": a value that cannot be
 * normalised becomes null (or keeps its raw text) instead of failing the reply.
 */
import { z } from 'zod';
import { readInteger } from '../integers';
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
  return readInteger(v, 'tolerant');
}

/** Exact decimal text from a string or number; null when absent, empty or not a number. */
export function readDecimal(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string' && typeof v !== 'number') return null;
  return decimalText(v);
}

/** A raw value worth keeping beside its normalised form: present and not blank text. */
function given(raw: unknown): raw is string | number | boolean {
  return (typeof raw === 'string' && raw.trim() !== '') || typeof raw === 'number' || typeof raw === 'boolean';
}

/**
 * A money field in canonical form plus the Panel's own spelling where it differs in type or
 * text: `("charge", "4.50")` → `{ charge: "4.5", charge_raw: "4.50" }`; `("charge", "4.5")` →
 * `{ charge: "4.5" }`; unreadable → `{ charge: null, charge_raw: "n/a" }`.
 */
export function moneyField<F extends string>(field: F, raw: unknown): { [K in F]: string | null } & Partial<Record<`${F}_raw`, string | number | boolean>> {
  const value = readDecimal(raw);
  const out = { [field]: value } as Record<string, unknown>;
  if (given(raw) && raw !== value) out[`${field}_raw`] = raw;
  return out as { [K in F]: string | null } & Partial<Record<`${F}_raw`, string | number | boolean>>;
}

/**
 * A count (start_count, remains) as an integer, and the raw value beside it only when it
 * cannot be read as one: `"remains": "Unknown"` → `{ remains: null, remains_raw: "Unknown" }`.
 */
export function countField<F extends string>(field: F, raw: unknown): { [K in F]: number | null } & Partial<Record<`${F}_raw`, string | number | boolean>> {
  const value = readInt(raw);
  const out = { [field]: value } as Record<string, unknown>;
  if (value === null && given(raw)) out[`${field}_raw`] = raw;
  return out as { [K in F]: number | null } & Partial<Record<`${F}_raw`, string | number | boolean>>;
}

const FLAG_WORDS: Readonly<Record<string, boolean>> = {
  true: true, false: false, '1': true, '0': false, yes: true, no: false, y: true, n: false,
  on: true, off: false, enabled: true, disabled: false, available: true, unavailable: false,
};

/** A yes/no catalog flag (refill, cancel, dripfeed) from a boolean, 0/1, or a word; null when unreadable. */
export function readFlag(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (v === 1 || v === 0) return v === 1;
  if (typeof v === 'string') return FLAG_WORDS[v.trim().toLowerCase()] ?? null;
  return null;
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
