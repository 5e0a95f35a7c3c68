/** Readers for `add` fields: each throws a 400 that names the field to fix. */
import { ApiError, MESSAGES } from '../errors';
import type { ServiceDef } from '../types';

export type Params = Record<string, string>;

export function text(p: Params, name: string): string {
  const v = (p[name] ?? '').trim();
  if (!v) throw new ApiError(400, MESSAGES.missingField(name));
  return v;
}

/** A link/username: non-empty, no whitespace inside. */
export function link(p: Params, name = 'link'): string {
  const v = text(p, name);
  if (/\s/.test(v)) throw new ApiError(400, `Field \`${name}\` must not contain spaces`);
  return v;
}

function parseInteger(name: string, raw: string): number {
  if (!/^\d+$/.test(raw)) throw new ApiError(400, MESSAGES.badInteger(name));
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw new ApiError(400, MESSAGES.badInteger(name));
  return n;
}

export function int(p: Params, name: string, min = 0): number {
  const n = parseInteger(name, text(p, name));
  if (n < min) throw new ApiError(400, `Field \`${name}\` must be at least ${min}`);
  return n;
}

export function optionalInt(p: Params, name: string, min = 0): number | undefined {
  const raw = (p[name] ?? '').trim();
  return raw === '' ? undefined : int(p, name, min);
}

/** Non-empty lines (comments, groups). */
export function lines(p: Params, name: string): string[] {
  return text(p, name).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}

export function inRange(service: ServiceDef, quantity: number, name = 'quantity'): number {
  if (quantity < service.min || quantity > service.max) {
    throw new ApiError(400, `\`${name}\` must be between ${service.min} and ${service.max} for service ${service.service} (got ${quantity})`);
  }
  return quantity;
}

export function date(p: Params, name: string): string | undefined {
  const raw = (p[name] ?? '').trim();
  if (!raw) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const d = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) : null;
  if (!m || !d || d.getUTCMonth() !== +m[2]! - 1 || d.getUTCDate() !== +m[3]!) {
    throw new ApiError(400, `Field \`${name}\` must be a date YYYY-MM-DD`);
  }
  return raw;
}
