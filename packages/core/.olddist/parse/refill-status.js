"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseRefillStatus = parseRefillStatus;
exports.parseRefillStatuses = parseRefillStatuses;
/**
 * `refill_status&refill=ID` → `{"status":"Completed"}`; `refill_status&refills=1,3` →
 * `[{"refill":1,"status":"Completed"},{"refill":3,"status":{"error":"Refill not found"}}]`.
 */
const statuses_1 = require("../statuses");
const entries_1 = require("./entries");
const read_1 = require("./read");
const shape_1 = require("./shape");
function failed(refill, error) {
    return { refill, status: null, status_raw: null, final: false, error };
}
function statusOf(refill, value) {
    const err = (0, read_1.itemError)(value);
    if (err !== null)
        return failed(refill, err);
    if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number') {
        return { refill, ...(0, statuses_1.readStatus)(value), error: null };
    }
    return failed(refill, `The Panel sent ${(0, read_1.describeValue)(value)} instead of a refill status.`);
}
function toResult(refill, item) {
    const err = (0, read_1.itemError)(item);
    if (err !== null)
        return failed(refill, err);
    if ((0, read_1.isRecord)(item))
        return statusOf(refill, item.status);
    return statusOf(refill, item);
}
function parseRefillStatus(json, refill, opts = {}) {
    return (0, shape_1.guard)('refill_status', opts, () => {
        const id = (0, read_1.readId)(refill);
        if (id === null)
            throw (0, shape_1.wrongShape)('refill_status', 'no refill id to attach the status to', opts);
        if (Array.isArray(json)) {
            const [first] = parseRefillStatuses(json, [id], opts);
            return first;
        }
        const rec = (0, shape_1.requireRecord)('refill_status', json, opts);
        if (!('status' in rec))
            throw (0, shape_1.wrongShape)('refill_status', 'no "status" in the reply', opts);
        return statusOf(id, rec.status);
    });
}
function parseRefillStatuses(json, refills, opts = {}) {
    return (0, shape_1.guard)('refill_status', opts, () => {
        const entries = (0, entries_1.readEntries)('refill_status', json, ['refill', 'refill_id', 'id'], opts);
        return (0, entries_1.alignToIds)(entries, refills, toResult, (refill) => failed(refill, entries_1.MISSING_FROM_REPLY));
    });
}
