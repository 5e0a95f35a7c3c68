"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseRefill = parseRefill;
exports.parseRefills = parseRefills;
const entries_1 = require("./entries");
const read_1 = require("./read");
const shape_1 = require("./shape");
function refillOf(order, value) {
    const err = (0, read_1.itemError)(value);
    if (err !== null)
        return { order, refill: null, error: err };
    const id = value === 0 || value === false || value === '0' ? null : (0, read_1.readId)(value);
    if (id === null)
        return { order, refill: null, error: `The Panel did not create a refill (it sent ${(0, read_1.describeValue)(value)}).` };
    return { order, refill: id, error: null };
}
function toResult(order, item) {
    const err = (0, read_1.itemError)(item);
    if (err !== null)
        return { order, refill: null, error: err };
    if ((0, read_1.isRecord)(item))
        return refillOf(order, item.refill ?? item.refill_id);
    // Keyed replies may hold the refill id directly: {"1": 55}.
    return refillOf(order, item);
}
function parseRefill(json, order, opts = {}) {
    return (0, shape_1.guard)('refill', opts, () => {
        const id = (0, read_1.readId)(order);
        if (id === null)
            throw (0, shape_1.wrongShape)('refill', 'no order id to attach the refill to', opts);
        // Some Panels answer a single refill in the list form.
        if (Array.isArray(json)) {
            const [first] = parseRefills(json, [id], opts);
            return first;
        }
        const rec = (0, shape_1.requireRecord)('refill', json, opts);
        if (!('refill' in rec) && !('refill_id' in rec))
            throw (0, shape_1.wrongShape)('refill', 'no "refill" in the reply', opts);
        return refillOf(id, rec.refill ?? rec.refill_id);
    });
}
function parseRefills(json, orders, opts = {}) {
    return (0, shape_1.guard)('refill', opts, () => {
        const entries = (0, entries_1.readEntries)('refill', json, ['order', 'order_id', 'id'], opts);
        return (0, entries_1.alignToIds)(entries, orders, toResult, (order) => ({ order, refill: null, error: entries_1.MISSING_FROM_REPLY }));
    });
}
