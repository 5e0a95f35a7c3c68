/**
 * `services` → Service[]. Ids, rates, min and max are required (a catalog without them
 * cannot be ordered from); name, type and category are tolerated missing. The type is
 * normalised (`type`) beside the catalog's spelling (`type_raw`); fields the spec does not
 * name (refill, cancel, dripfeed, description …) are kept as they came.
 *
 * Items are read by hand rather than one zod object per item: catalogs run to tens of
 * thousands of services and this parser is on the benchmark (B3). zod checks the container.
 */
import { z } from 'zod';
import { normalizeServiceType } from '../orders/table';
import type { OrderTypeName, Service } from '../types';
import type { ParseOptions } from './options';
import { describeValue, isRecord, readDecimal, readId, readInt, readText } from './read';
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
  return {
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
}
