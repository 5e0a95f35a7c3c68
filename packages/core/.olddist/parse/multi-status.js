"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseMultiStatus = parseMultiStatus;
const entries_1 = require("./entries");
const order_status_1 = require("./order-status");
const read_1 = require("./read");
const shape_1 = require("./shape");
function toResult(order, value) {
    const err = (0, read_1.itemError)(value);
    if (err !== null)
        return { order, error: err };
    if (typeof value === 'string' && value.trim() !== '')
        return { order, error: value };
    if (!(0, read_1.isRecord)(value))
        return { order, error: `The Panel sent ${(0, read_1.describeValue)(value)} instead of a status for this order.` };
    const parsed = order_status_1.StatusFields.safeParse(value);
    if (!parsed.success)
        return { order, error: 'The Panel sent no status for this order.' };
    return { ...(0, order_status_1.toOrderStatus)(order, parsed.data), error: null };
}
function parseMultiStatus(json, orders, opts = {}) {
    return (0, shape_1.guard)('multiStatus', opts, () => {
        const entries = (0, entries_1.readEntries)('multiStatus', json, ['order', 'order_id', 'id'], opts);
        return (0, entries_1.alignToIds)(entries, orders, toResult, (order) => ({ order, error: entries_1.MISSING_FROM_REPLY }));
    });
}
