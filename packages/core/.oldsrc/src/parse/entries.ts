/**
 * Multi-id replies come keyed by id (`{"1": {...}}`) or as a list of items naming their id
 * (`[{"order": 1, ...}]`); PHP Panels send `[]` for an empty keyed object. This reads all
 * of them into (id, value) pairs, and lines results up with the ids the caller asked for.
 */
import type { ParseOptions } from './options';
import { describeValue, isRecord, readId } from './read';
import { wrongShape } from './shape';

export type Entry = { id: string; value: unknown };

export function readEntries(action: string, json: unknown, idKeys: readonly string[], opts: ParseOptions): Entry[] {
  const out: Entry[] = [];
  if (Array.isArray(json)) {
    json.forEach((item, i) => {
      if (!isRecord(item)) throw wrongShape(action, `item ${i} is ${describeValue(item)}, not an object`, opts);
      let id: string | null = null;
      for (const k of idKeys) {
        id = readId(item[k]);
        if (id !== null) break;
      }
      if (id === null) throw wrongShape(action, `item ${i} has no "${idKeys[0]}" id`, opts);
      out.push({ id, value: item });
    });
    return out;
  }
  if (isRecord(json)) {
    for (const key of Object.keys(json)) out.push({ id: key.trim(), value: json[key] });
    return out;
  }
  throw wrongShape(action, `got ${describeValue(json)} instead of a list or an object keyed by id`, opts);
}

/**
 * Results in the order of `ids` (as text); an id the reply does not mention gets `missing(id)`.
 * Without `ids`, results follow the reply.
 */
export function alignToIds<T>(
  entries: Entry[],
  ids: ReadonlyArray<string | number> | undefined,
  convert: (id: string, value: unknown) => T,
  missing: (id: string) => T,
): T[] {
  if (ids === undefined) return entries.map((e) => convert(e.id, e.value));
  const byId = new Map<string, unknown>();
  for (const e of entries) if (!byId.has(e.id)) byId.set(e.id, e.value);
  return ids.map((raw) => {
    const id = readId(raw) ?? String(raw);
    return byId.has(id) ? convert(id, byId.get(id)) : missing(id);
  });
}

export const MISSING_FROM_REPLY = 'The Panel\'s reply did not mention this id; check the id and ask again.';
