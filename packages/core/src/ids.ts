/**
 * Ids are opaque: a Panel may number its orders (23501) or name them ("ord_7Hk2"). Core
 * sends any non-empty id as given (trimmed); only a comma is refused, because it would split
 * the id in a `orders=1,2,3` list. One list reader for every host, so n8n and Zapier accept
 * the same input: text separated by commas, semicolons, spaces or line breaks, a list of
 * ids (numbers or texts), or one number.
 */
import { PanelValidationError, type Scrubber } from './errors';

export interface IdReadOptions {
  /** Scrubs secrets from the error message (an id field could hold a pasted key). */
  scrub?: Scrubber;
  /** parseIdList: return [] for empty input instead of refusing it (optional filters). */
  allowEmpty?: boolean;
}

/** Separators of an id list written as text. */
const SEPARATORS = /[\s,;]+/;

function shown(raw: unknown): string {
  if (typeof raw === 'string') return JSON.stringify(raw.length > 60 ? `${raw.slice(0, 60)}…` : raw);
  if (typeof raw === 'number') return String(raw);
  if (raw === null || raw === undefined) return 'nothing';
  return Array.isArray(raw) ? 'a list' : typeof raw;
}

function invalid(field: string, message: string, opts: IdReadOptions): PanelValidationError {
  return new PanelValidationError(message, { field, ...(opts.scrub ? { scrub: opts.scrub } : {}) });
}

/** One id: a whole number ≥ 0, or any non-empty text without a comma (trimmed, otherwise as given). */
export function parseId(raw: unknown, field = 'id', opts: IdReadOptions = {}): string {
  if (typeof raw === 'number' || typeof raw === 'bigint') {
    if ((typeof raw === 'bigint' || Number.isSafeInteger(raw)) && raw >= 0) return String(raw);
    throw invalid(field, `${field} must be an id as the Panel returned it (e.g. 23501 or "ord_7Hk2"); the number ${String(raw)} is not a whole number ≥ 0.`, opts);
  }
  if (typeof raw !== 'string' || raw.trim() === '') {
    throw invalid(field, `${field} must be an id as the Panel returned it (e.g. 23501 or "ord_7Hk2"); got ${shown(raw)}.`, opts);
  }
  const id = raw.trim();
  if (id.includes(',')) {
    throw invalid(field, `${field} holds a comma (${shown(id)}): give one id here, or several as a list.`, opts);
  }
  return id;
}

/**
 * A list of ids from text ("1, 2\n3"), a list ([1, "ord_2"]) or one number. Blank entries
 * are dropped; an element of a list is one id (a comma inside it is refused, so a mistake
 * like ["1,2"] is caught rather than guessed). Empty input is refused unless allowEmpty.
 */
export function parseIdList(raw: unknown, field = 'ids', opts: IdReadOptions = {}): string[] {
  const out: string[] = [];
  if (Array.isArray(raw)) {
    raw.forEach((item, i) => {
      if (item === null || item === undefined || (typeof item === 'string' && item.trim() === '')) return;
      if (typeof item === 'string' && item.includes(',')) {
        throw invalid(field, `${field}: item ${i + 1} (${shown(item.trim())}) holds a comma; give one id per list item, or the whole list as one text "1, 2, 3".`, opts);
      }
      if (typeof item !== 'string' && typeof item !== 'number' && typeof item !== 'bigint') {
        throw invalid(field, `${field}: item ${i + 1} is ${shown(item)}, not an id; give ids as numbers or texts.`, opts);
      }
      out.push(parseId(item, `${field}[${i}]`, opts));
    });
  } else if (typeof raw === 'string') {
    for (const part of raw.split(SEPARATORS)) if (part !== '') out.push(part);
  } else if (typeof raw === 'number' || typeof raw === 'bigint') {
    out.push(parseId(raw, field, opts));
  } else if (raw !== null && raw !== undefined) {
    throw invalid(field, `${field} must be ids separated by commas or line breaks, or a list of ids; got ${shown(raw)}.`, opts);
  }
  if (out.length === 0 && !opts.allowEmpty) {
    throw invalid(field, `${field} is empty: give at least one id, e.g. 23501, 23502.`, opts);
  }
  return out;
}
