"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.StatusFields = void 0;
exports.toOrderStatus = toOrderStatus;
/** One order's status object (single status, multiStatus entries) → OrderStatus. */
const zod_1 = require("zod");
const statuses_1 = require("../statuses");
const read_1 = require("./read");
/** The status fields; `status` must be there (text or number), the rest are tolerated missing. */
exports.StatusFields = zod_1.z.object({
    status: zod_1.z.union([zod_1.z.string(), zod_1.z.number()], { errorMap: () => ({ message: 'expected a "status" text' }) }),
    charge: read_1.zDecimalOrNull,
    start_count: read_1.zIntOrNull,
    remains: read_1.zIntOrNull,
    currency: read_1.zTextOrNull,
});
function toOrderStatus(order, f) {
    return {
        order,
        ...(0, statuses_1.readStatus)(f.status),
        charge: f.charge,
        start_count: f.start_count,
        remains: f.remains,
        currency: f.currency,
    };
}
