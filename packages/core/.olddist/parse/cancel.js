"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseCancel = parseCancel;
const entries_1 = require("./entries");
const interpret_1 = require("./interpret");
const read_1 = require("./read");
const shape_1 = require("./shape");
const ACCEPTED = /^(success|ok|true|1|yes|canceled|cancelled|accepted)$/i;
function outcome(v) {
    const err = (0, read_1.itemError)(v);
    if (err !== null)
        return { canceled: false, error: err };
    if (v === true || v === 1)
        return { canceled: true, error: null };
    if (typeof v === 'string')
        return ACCEPTED.test(v.trim()) ? { canceled: true, error: null } : { canceled: false, error: v };
    if ((0, read_1.isRecord)(v)) {
        const s = v.status;
        if (s === true || s === 1 || (typeof s === 'string' && ACCEPTED.test(s.trim())))
            return { canceled: true, error: null };
        if (s !== undefined)
            return { canceled: false, error: `The Panel did not cancel the order (status "${(0, interpret_1.errorText)(s)}").` };
    }
    return { canceled: false, error: 'The Panel did not say whether the order was canceled.' };
}
function toResult(order, value) {
    const err = (0, read_1.itemError)(value);
    if (err !== null)
        return { order, canceled: false, error: err };
    if ((0, read_1.isRecord)(value) && 'cancel' in value)
        return { order, ...outcome(value.cancel) };
    // Keyed replies may hold the outcome directly: {"9": {"status": "success"}} or {"9": 1}.
    return { order, ...outcome(value) };
}
function parseCancel(json, orders, opts = {}) {
    return (0, shape_1.guard)('cancel', opts, () => {
        // A single result object naming its order: {"order": 9, "cancel": {...}}.
        const list = (0, read_1.isRecord)(json) && 'order' in json ? [json] : json;
        const entries = (0, entries_1.readEntries)('cancel', list, ['order', 'order_id', 'id'], opts);
        return (0, entries_1.alignToIds)(entries, orders, toResult, (order) => ({ order, canceled: false, error: entries_1.MISSING_FROM_REPLY }));
    });
}
