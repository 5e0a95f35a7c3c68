/**
 * Field builders for the order-type table. Each field is its OrderField description (what
 * n8n / Zapier show) plus a zod schema that reads what a user typed and yields the exact
 * form value sent to the Panel, or an issue whose message says what to fix.
 */
import { z } from 'zod';
import type { OrderField, OrderFieldKind } from '../types';

export interface FieldSpec extends OrderField {
  /** unknown input → form value (string) or undefined when an optional field is left empty. */
  schema: z.ZodType<string | undefined, z.ZodTypeDef, unknown>;
}

interface Common {
  label: string;
  description: string;
  required: boolean;
  default?: string | number;
}

/** '' / null / undefined count as "not given" (n8n and Zapier send empty optional fields). */
export function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

/** How messages name a field: the label users see, and the form name adapters map from. */
function describe(name: string, label: string): string {
  return `${label} ("${name}")`;
}

function field(
  name: string,
  kind: OrderFieldKind,
  c: Common,
  read: (v: unknown, ctx: z.RefinementCtx, what: string) => string | undefined,
  extra: Partial<OrderField> = {},
): FieldSpec {
  const what = describe(name, c.label);
  const schema = z.unknown().transform((v, ctx): string | undefined => {
    if (isBlank(v)) {
      if (c.required) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${what} is required: ${c.description}` });
        return z.NEVER;
      }
      return undefined;
    }
    return read(v, ctx, what);
  });
  const out: FieldSpec = { name, kind, label: c.label, description: c.description, required: c.required, schema, ...extra };
  if (c.default !== undefined) out.default = c.default;
  return out;
}

function fail(ctx: z.RefinementCtx, message: string): never {
  ctx.addIssue({ code: z.ZodIssueCode.custom, message });
  return z.NEVER as never;
}

/** Text of a scalar input; null (with an issue added) for lists, objects and the like. */
function scalarText(v: unknown, ctx: z.RefinementCtx, what: string): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${what} must be text, got ${Array.isArray(v) ? 'a list' : typeof v}.` });
  return null;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A link: one token, no spaces; http(s) when a scheme is given (Panels also take t.me/… or @names). */
export function urlField(name: string, c: Common): FieldSpec {
  return field(name, 'url', c, (v, ctx, what) => {
    const t = scalarText(v, ctx, what);
    if (t === null) return z.NEVER;
    const s = t.trim();
    if (/\s/.test(s) || CONTROL.test(s)) return fail(ctx, `${what} must be a single link without spaces, e.g. https://instagram.com/yourpage.`);
    if (s.length > 2048) return fail(ctx, `${what} is longer than 2048 characters; give the page's address only.`);
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s) && !/^https?:\/\//i.test(s)) return fail(ctx, `${what} must be an http:// or https:// link, got "${s.slice(0, 60)}".`);
    if (/^(javascript|data|vbscript|file):/i.test(s)) return fail(ctx, `${what} must be an http:// or https:// link.`);
    return s;
  });
}

/** One word of text (e.g. a username): trimmed, no spaces or line breaks. */
export function stringField(name: string, c: Common): FieldSpec {
  return field(name, 'string', c, (v, ctx, what) => {
    const t = scalarText(v, ctx, what);
    if (t === null) return z.NEVER;
    const s = t.trim();
    if (/\s/.test(s) || CONTROL.test(s)) return fail(ctx, `${what} must be a single word without spaces, e.g. mychannel.`);
    if (s.length > 1024) return fail(ctx, `${what} is longer than 1024 characters.`);
    return s;
  });
}

/** Reads an integer from a number or a string of digits. */
export function readInteger(v: unknown): number | null {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? v : null;
  if (typeof v === 'string' && /^\s*[+-]?\d+\s*$/.test(v)) {
    const n = Number(v.trim());
    return Number.isSafeInteger(n) ? n : null;
  }
  return null;
}

export function integerField(name: string, c: Common & { min: number; max?: number }): FieldSpec {
  return field(
    name,
    'integer',
    c,
    (v, ctx, what) => {
      const n = readInteger(v);
      if (n === null) {
        return fail(ctx, `${what} must be a whole number${typeof v === 'string' || typeof v === 'number' ? `, got "${String(v).slice(0, 40)}"` : ''}.`);
      }
      if (n < c.min) return fail(ctx, `${what} must be at least ${c.min}, got ${n}.`);
      if (c.max !== undefined && n > c.max) return fail(ctx, `${what} must be at most ${c.max}, got ${n}.`);
      return String(n);
    },
    { min: c.min },
  );
}

/** Text given as lines (string with any line endings, or a list): trimmed, blanks dropped. */
export function splitLines(v: unknown): string[] | null {
  const items: unknown[] = Array.isArray(v) ? v : [v];
  const out: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string' && !(typeof item === 'number' && Number.isFinite(item))) {
      if (item === null || item === undefined) continue;
      return null;
    }
    for (const line of String(item).split(/\r\n|\r|\n/)) {
      const t = line.trim();
      if (t !== '') out.push(t);
    }
  }
  return out;
}

export function linesField(name: string, c: Common & { itemName: string; singleWord?: boolean }): FieldSpec {
  return field(name, 'lines', c, (v, ctx, what) => {
    const lines = splitLines(v);
    if (lines === null) return fail(ctx, `${what} must be text with one ${c.itemName} per line, or a list of texts.`);
    if (lines.length === 0) return fail(ctx, `${what} has no ${c.itemName}s: give at least one, one per line (blank lines are ignored).`);
    if (lines.some((l) => CONTROL.test(l))) return fail(ctx, `${what} contains control characters; remove them.`);
    const spaced = c.singleWord ? lines.findIndex((l) => /\s/.test(l)) : -1;
    if (spaced >= 0) {
      return fail(ctx, `${what} must hold one ${c.itemName} per line; line ${spaced + 1} ("${(lines[spaced] ?? '').slice(0, 40)}") has a space in it.`);
    }
    return lines.join('\n');
  });
}

/**
 * A comma list that may also come one per line (SEO keywords): commas and line breaks both
 * separate items, as the Panel reads them. Sent comma-separated, as the spec shows.
 */
export function splitList(v: unknown): string[] | null {
  const lines = splitLines(v);
  if (lines === null) return null;
  return lines.flatMap((l) => l.split(',')).map((s) => s.trim()).filter((s) => s !== '');
}

export function listField(name: string, c: Common & { itemName: string }): FieldSpec {
  return field(name, 'list', c, (v, ctx, what) => {
    const items = splitList(v);
    if (items === null) return fail(ctx, `${what} must be a comma-separated list (or one ${c.itemName} per line).`);
    if (items.length === 0) return fail(ctx, `${what} has no ${c.itemName}s: give at least one.`);
    if (items.some((l) => CONTROL.test(l))) return fail(ctx, `${what} contains control characters; remove them.`);
    return items.join(',');
  });
}

/** YYYY-MM-DD, a real calendar date. An ISO date-time is accepted and cut to its date. */
export function dateField(name: string, c: Common): FieldSpec {
  return field(name, 'date', c, (v, ctx, what) => {
    const t = scalarText(v, ctx, what);
    if (t === null) return z.NEVER;
    const s = t.trim();
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
    if (!m) return fail(ctx, `${what} must be a date written YYYY-MM-DD, e.g. 2030-01-31; got "${s.slice(0, 40)}".`);
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const day = new Date(Date.UTC(y, mo - 1, d));
    if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) {
      return fail(ctx, `${what} is not a real calendar date: ${m[1]}-${m[2]}-${m[3]}.`);
    }
    return `${m[1]}-${m[2]}-${m[3]}`;
  });
}
