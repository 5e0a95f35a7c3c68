"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseAdd = parseAdd;
const read_1 = require("./read");
const shape_1 = require("./shape");
function parseAdd(json, opts = {}) {
    return (0, shape_1.guard)('add', opts, () => {
        const rec = (0, shape_1.requireRecord)('add', json, opts);
        const raw = rec.order ?? rec.order_id ?? rec.id;
        const order = (0, read_1.readId)(raw);
        if (order === null)
            throw (0, shape_1.wrongShape)('add', `"order" is ${(0, read_1.describeValue)(raw)}, not an order id`, opts);
        return { order };
    });
}
