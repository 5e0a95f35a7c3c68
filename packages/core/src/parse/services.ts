/**
 * `services` → Service[]. Ids, rates, min and max are required (a catalog without them
 * cannot be ordered from); name, type and category are tolerated missing. The type is
 * normalised (`type`) beside the catalog's spelling (`type_raw`). The extras most Panels list
 * are typed: `refill`, `cancel`, `dripfeed` become booleans (from booleans, 0/1 or words;
 * an unreadable one is left out and kept as `<flag>_raw`), `desc` is the description text
 * (`desc` or `description`). Other fields are kept as they came.
 *
 * Items are read by hand rather than one zod object per item: catalogs run to tens of
 * thousands of services and this parser is on the benchmark (B3). zod checks the container.
 */
import { z } from 'zod';
import { normalizeServiceType } from '../orders/table';
import type { OrderTypeName, Service } from '../types';
import type { ParseOptions } from './options';
import { describeValue, isRecord, readDecimal, readFlag, readId, readInt, readText } from './read';
import { guard, wrongShape, zparse } from './shape';

const Container = z.union([z.array(z.unknown()), z.record(z.unknown()).transform((o) => Object.values(o))], {
  errorMap: () => ({ message: 'expected a list of services' }),
});

export function parseServices(json: unknown, opts: ParseOptions = {}): Service[] {
  return guard('services', opts, () => {
    // The usual list skips zod's copy of 20,000 items; anything else goes through the schema.
    const items = Array.isArray(json) ? (json as unknown[]) : zparse('services', Container, json, opts);
    const out: Service[] = new Array(items.length);
    for (let i = 0; i < items.length; i++) out[i] = readService(items[i], i, opts);
    return out;
  });
}

/** Yes/no extras of a catalog entry, read as booleans. */
const SERVICE_FLAGS = ['refill', 'cancel', 'dripfeed'] as const;

/** A catalog repeats a handful of type spellings thousands of times. */
const typeCache = new Map<string, OrderTypeName | null>();

function readService(item: unknown, i: number, opts: ParseOptions): Service {
  if (!isRecord(item)) throw wrongShape('services', `item ${i} is ${describeValue(item)}, not a service object`, opts);
  const service = readId(item.service ?? item.id);
  if (service === null) throw wrongShape('services', `item ${i} has no service id`, opts);
  const rate = readDecimal(item.rate);
  if (rate === null) throw wrongShape('services', `service ${service}: "rate" is ${describeValue(item.rate)}, not a decimal`, opts);
  const min = readInt(item.min);
  if (min === null) throw wrongShape('services', `service ${service}: "min" is ${describeValue(item.min)}, not a whole number`, opts);
  const max = readInt(item.max);
  if (max === null) throw wrongShape('services', `service ${service}: "max" is ${describeValue(item.max)}, not a whole number`, opts);
  const type_raw = readText(item.type);
  let type = typeCache.get(type_raw);
  if (type === undefined) {
    type = normalizeServiceType(type_raw);
    if (typeCache.size < 1000) typeCache.set(type_raw, type);
  }
  const out: Service = {
    ...item,
    service,
    name: readText(item.name),
    type,
    type_raw,
    rate,
    min,
    max,
    category: readText(item.category),
  };
  if (item.rate !== rate) out.rate_raw = item.rate as string | number;
  for (const flag of SERVICE_FLAGS) {
    const raw = item[flag];
    if (raw === undefined || typeof raw === 'boolean') continue; // absent, or already typed
    const value = readFlag(raw);
    if (value !== null) out[flag] = value;
    else {
      delete out[flag]; // rare: an unreadable flag
      if (raw !== null && raw !== '') out[`${flag}_raw`] = raw;
    }
  }
  const desc = item.desc ?? item.description;
  if (typeof desc === 'string' && desc.trim() !== '') out.desc = desc.trim();
  else if ('desc' in out) delete out.desc;
  return out;
}

const FEATURE_WORDS: ReadonlyArray<[(typeof SERVICE_FLAGS)[number], string]> = [
  ['refill', 'refill'],
  ['cancel', 'cancel'],
  ['dripfeed', 'drip-feed'],
];

/**
 * What a service offers, in words, for the places a user picks a service (n8n's service
 * picker, Zapier's dropdown): "refill, cancel, no drip-feed". Only flags the catalog states
 * are named; '' when it states none.
 */
export function serviceFeatures(service: Pick<Service, 'refill' | 'cancel' | 'dripfeed'>): string {
  const out: string[] = [];
  for (const [flag, word] of FEATURE_WORDS) {
    const v = readFlag(service[flag]);
    if (v !== null) out.push(v ? word : `no ${word}`);
  }
  return out.join(', ');
}
