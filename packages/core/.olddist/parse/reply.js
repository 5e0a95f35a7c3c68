"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REPLY_KINDS = void 0;
exports.parseReply = parseReply;
const add_1 = require("./add");
const balance_1 = require("./balance");
const cancel_1 = require("./cancel");
const interpret_1 = require("./interpret");
const multi_status_1 = require("./multi-status");
const refill_1 = require("./refill");
const refill_status_1 = require("./refill-status");
const services_1 = require("./services");
const status_1 = require("./status");
/** Which parser reads which reply; `ids` are the ids the request named. */
const PARSERS = {
    balance: (j, _i, o) => (0, balance_1.parseBalance)(j, o),
    services: (j, _i, o) => (0, services_1.parseServices)(j, o),
    add: (j, _i, o) => (0, add_1.parseAdd)(j, o),
    status: (j, i, o) => (0, status_1.parseStatus)(j, i[0] ?? '0', o),
    multiStatus: (j, i, o) => (0, multi_status_1.parseMultiStatus)(j, i.length ? i : undefined, o),
    cancel: (j, i, o) => (0, cancel_1.parseCancel)(j, i.length ? i : undefined, o),
    refill: (j, i, o) => (0, refill_1.parseRefill)(j, i[0] ?? '0', o),
    refills: (j, i, o) => (0, refill_1.parseRefills)(j, i.length ? i : undefined, o),
    refill_status: (j, i, o) => (0, refill_status_1.parseRefillStatus)(j, i[0] ?? '0', o),
    refill_statuses: (j, i, o) => (0, refill_status_1.parseRefillStatuses)(j, i.length ? i : undefined, o),
};
/** The HTTP action each parser's reply answers (refills / refill_statuses share an action). */
const HTTP_ACTION = {
    balance: 'balance',
    services: 'services',
    add: 'add',
    status: 'status',
    multiStatus: 'multiStatus',
    cancel: 'cancel',
    refill: 'refill',
    refills: 'refill',
    refill_status: 'refill_status',
    refill_statuses: 'refill_status',
};
/** Read a whole reply as `kind`. Returns the typed data or throws a PanelError, nothing else. */
function parseReply(kind, res, ids = [], opts = {}) {
    const json = (0, interpret_1.interpretResponse)(HTTP_ACTION[kind], res, opts);
    return PARSERS[kind](json, ids, opts);
}
exports.REPLY_KINDS = Object.keys(PARSERS);
