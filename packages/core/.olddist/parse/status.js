"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseStatus = parseStatus;
const order_status_1 = require("./order-status");
const read_1 = require("./read");
const shape_1 = require("./shape");
function parseStatus(json, order, opts = {}) {
    return (0, shape_1.guard)('status', opts, () => {
        const id = (0, read_1.readId)(order);
        if (id === null)
            throw (0, shape_1.wrongShape)('status', 'no order id to attach the status to', opts);
        return (0, order_status_1.toOrderStatus)(id, (0, shape_1.zparse)('status', order_status_1.StatusFields, json, opts));
    });
}
