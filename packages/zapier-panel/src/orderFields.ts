/**
 * Core's OrderField descriptions → Zapier input fields (one table by field kind), and the
 * Zap's input → core's OrderInput. What each order type needs is core's knowledge alone.
 */
import type { OrderField, OrderFieldKind, OrderInput } from '@panel/core';

type ZapierFieldType = 'string' | 'text' | 'integer';

const BY_KIND: Record<OrderFieldKind, { type: ZapierFieldType; list?: true; hint?: string }> = {
  url: { type: 'string' },
  string: { type: 'string' },
  lines: { type: 'text', hint: 'One per line.' },
  list: { type: 'string', list: true, hint: 'One per row (or comma separated).' },
  integer: { type: 'integer' },
  date: { type: 'string', hint: 'Format: YYYY-MM-DD.' },
};

export interface ZapierInputField {
  key: string;
  label: string;
  helpText: string;
  required: boolean;
  type: ZapierFieldType;
  list?: boolean;
  default?: string;
}

export function toZapierField(f: OrderField): ZapierInputField {
  const kind = BY_KIND[f.kind];
  const help = [f.description, kind.hint, f.min !== undefined ? `At least ${f.min}.` : undefined].filter(Boolean).join(' ');
  const out: ZapierInputField = { key: f.name, label: f.label, helpText: help, required: f.required, type: kind.type };
  if (kind.list) out.list = true;
  if (f.default !== undefined) out.default = String(f.default);
  return out;
}

/** Only the type's own fields, as given; blanks are left for core to judge (optional or missing). */
export function toOrderInput(fields: readonly OrderField[], inputData: Record<string, unknown>): OrderInput {
  const input: OrderInput = {};
  for (const f of fields) {
    const v = inputData[f.name];
    if (v === undefined || v === null) continue;
    input[f.name] = Array.isArray(v) ? v.map((x) => (typeof x === 'number' ? x : String(x))) : typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
  }
  return input;
}

/** Zapier booleans arrive as true/false or as text ("true", "yes"). */
export function isYes(value: unknown): boolean {
  return value === true || ['true', 'yes', '1', 'on'].includes(String(value ?? '').trim().toLowerCase());
}
