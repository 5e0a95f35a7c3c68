"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseBalance = parseBalance;
/** `balance` → { balance: exact decimal text, currency }. */
const zod_1 = require("zod");
const read_1 = require("./read");
const shape_1 = require("./shape");
const BalanceReply = zod_1.z.object({
    balance: read_1.zDecimal,
    // Missing currency is tolerated: '' says "not given".
    currency: read_1.zText.transform((s) => s.trim()),
});
function parseBalance(json, opts = {}) {
    return (0, shape_1.guard)('balance', opts, () => (0, shape_1.zparse)('balance', BalanceReply, json, opts));
}
