/**
 * The one place that tells whether a reply is the Panel's own `{"error": …}` and what it says.
 */
import { htmlTitle } from './html';

/**
 * Whether an object is an error reply. `"error": null` (or false / "") beside other fields is
 * a Panel saying "no error", not an error; alone, it is an error without a message.
 */
export function carriesError(rec: Record<string, unknown>): boolean {
  if (!Object.prototype.hasOwnProperty.call(rec, 'error')) return false;
  const e = rec.error;
  const empty = e === null || e === undefined || e === false || e === '';
  return !(empty && Object.keys(rec).length > 1);
}

/** The Panel's error text from a `{"error": …}` value of any shape. */
export function errorText(value: unknown): string {
  if (typeof value === 'string') return value.trim() === '' ? '(empty error message)' : value;
  if (value === null || value === undefined || value === true || value === false) return `(error: ${String(value)})`;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object') {
    const rec = value as Record<string, unknown>;
    for (const k of ['message', 'error', 'msg', 'detail', 'description']) {
      const v = rec[k];
      if (typeof v === 'string' && v.trim() !== '') return v;
    }
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The body as a JSON object, when it is one (else undefined). */
export function jsonObjectOf(body: string): Record<string, unknown> | undefined {
  const t = body.trim();
  if (!t.startsWith('{')) return undefined;
  try {
    const j = JSON.parse(t) as unknown;
    return j !== null && typeof j === 'object' && !Array.isArray(j) ? (j as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** True when a body is the Panel's own JSON error object (not a proxy's page). */
export function isPanelJsonError(body: string): boolean {
  const rec = jsonObjectOf(body);
  return rec !== undefined && carriesError(rec);
}

/** Longest text kept as a message when the body is plain text. */
const PLAIN_TEXT_CHARS = 300;

/** The message inside an error reply (JSON error/message, an HTML page's title, or short plain text). Not cut. */
export function panelMessageOf(body: string): string | undefined {
  const t = body.trim();
  if (t === '') return undefined;
  const rec = jsonObjectOf(t);
  if (rec !== undefined) {
    if ('error' in rec) return errorText(rec.error);
    if (typeof rec.message === 'string') return rec.message;
  }
  if (t.startsWith('<')) return htmlTitle(t);
  if (t.length <= PLAIN_TEXT_CHARS && !/[\u0000-\u0008]/.test(t)) return t;
  return undefined;
}
