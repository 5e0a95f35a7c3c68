"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseServices = parseServices;
/**
 * `services` → Service[]. Ids, rates, min and max are required (a catalog without them
 * cannot be ordered from); name, type and category are tolerated missing. The type is
 * normalised (`type`) beside the catalog's spelling (`type_raw`); fields the spec does not
 * name (refill, cancel, dripfeed, description …) are kept as they came.
 *
 * Items are read by hand rather than one zod object per item: catalogs run to tens of
 * thousands of services and this parser is on the benchmark (B3). zod checks the container.
 */
const zod_1 = require("zod");
const table_1 = require("../orders/table");
const read_1 = require("./read");
const shape_1 = require("./shape");
const Container = zod_1.z.union([zod_1.z.array(zod_1.z.unknown()), zod_1.z.record(zod_1.z.unknown()).transform((o) => Object.values(o))], {
    errorMap: () => ({ message: 'expected a list of services' }),
});
function parseServices(json, opts = {}) {
    return (0, shape_1.guard)('services', opts, () => {
        // The usual list skips zod's copy of 20,000 items; anything else goes through the schema.
        const items = Array.isArray(json) ? json : (0, shape_1.zparse)('services', Container, json, opts);
        const out = new Array(items.length);
        for (let i = 0; i < items.length; i++)
            out[i] = readService(items[i], i, opts);
        return out;
    });
}
/** A catalog repeats a handful of type spellings thousands of times. */
const typeCache = new Map();
function readService(item, i, opts) {
    if (!(0, read_1.isRecord)(item))
        throw (0, shape_1.wrongShape)('services', `item ${i} is ${(0, read_1.describeValue)(item)}, not a service object`, opts);
    const service = (0, read_1.readId)(item.service ?? item.id);
    if (service === null)
        throw (0, shape_1.wrongShape)('services', `item ${i} has no service id`, opts);
    const rate = (0, read_1.readDecimal)(item.rate);
    if (rate === null)
        throw (0, shape_1.wrongShape)('services', `service ${service}: "rate" is ${(0, read_1.describeValue)(item.rate)}, not a decimal`, opts);
    const min = (0, read_1.readInt)(item.min);
    if (min === null)
        throw (0, shape_1.wrongShape)('services', `service ${service}: "min" is ${(0, read_1.describeValue)(item.min)}, not a whole number`, opts);
    const max = (0, read_1.readInt)(item.max);
    if (max === null)
        throw (0, shape_1.wrongShape)('services', `service ${service}: "max" is ${(0, read_1.describeValue)(item.max)}, not a whole number`, opts);
    const type_raw = (0, read_1.readText)(item.type);
    let type = typeCache.get(type_raw);
    if (type === undefined) {
        type = (0, table_1.normalizeServiceType)(type_raw);
        if (typeCache.size < 1000)
            typeCache.set(type_raw, type);
    }
    return {
        ...item,
        service,
        name: (0, read_1.readText)(item.name),
        type,
        type_raw,
        rate,
        min,
        max,
        category: (0, read_1.readText)(item.category),
    };
}
