"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MISSING_FROM_REPLY = void 0;
exports.readEntries = readEntries;
exports.alignToIds = alignToIds;
const read_1 = require("./read");
const shape_1 = require("./shape");
function readEntries(action, json, idKeys, opts) {
    const out = [];
    if (Array.isArray(json)) {
        json.forEach((item, i) => {
            if (!(0, read_1.isRecord)(item))
                throw (0, shape_1.wrongShape)(action, `item ${i} is ${(0, read_1.describeValue)(item)}, not an object`, opts);
            let id = null;
            for (const k of idKeys) {
                id = (0, read_1.readId)(item[k]);
                if (id !== null)
                    break;
            }
            if (id === null)
                throw (0, shape_1.wrongShape)(action, `item ${i} has no "${idKeys[0]}" id`, opts);
            out.push({ id, value: item });
        });
        return out;
    }
    if ((0, read_1.isRecord)(json)) {
        for (const key of Object.keys(json))
            out.push({ id: key.trim(), value: json[key] });
        return out;
    }
    throw (0, shape_1.wrongShape)(action, `got ${(0, read_1.describeValue)(json)} instead of a list or an object keyed by id`, opts);
}
/**
 * Results in the order of `ids` (as text); an id the reply does not mention gets `missing(id)`.
 * Without `ids`, results follow the reply.
 */
function alignToIds(entries, ids, convert, missing) {
    if (ids === undefined)
        return entries.map((e) => convert(e.id, e.value));
    const byId = new Map();
    for (const e of entries)
        if (!byId.has(e.id))
            byId.set(e.id, e.value);
    return ids.map((raw) => {
        const id = (0, read_1.readId)(raw) ?? String(raw);
        return byId.has(id) ? convert(id, byId.get(id)) : missing(id);
    });
}
exports.MISSING_FROM_REPLY = 'The Panel\'s reply did not mention this id; check the id and ask again.';
