"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.splitList = exports.splitLines = exports.SUBSCRIPTIONS_REFUSAL = exports.orderTypeOf = exports.prepareOrder = exports.orderFields = exports.normalizeServiceType = exports.ORDER_TYPE_NAMES = exports.ORDER_TYPES = void 0;
/** The order types: the table, their fields, and the dry run (prepareOrder). */
var table_1 = require("./table");
Object.defineProperty(exports, "ORDER_TYPES", { enumerable: true, get: function () { return table_1.ORDER_TYPES; } });
Object.defineProperty(exports, "ORDER_TYPE_NAMES", { enumerable: true, get: function () { return table_1.ORDER_TYPE_NAMES; } });
Object.defineProperty(exports, "normalizeServiceType", { enumerable: true, get: function () { return table_1.normalizeServiceType; } });
Object.defineProperty(exports, "orderFields", { enumerable: true, get: function () { return table_1.orderFields; } });
var prepare_1 = require("./prepare");
Object.defineProperty(exports, "prepareOrder", { enumerable: true, get: function () { return prepare_1.prepareOrder; } });
Object.defineProperty(exports, "orderTypeOf", { enumerable: true, get: function () { return prepare_1.orderTypeOf; } });
var subscriptions_1 = require("./subscriptions");
Object.defineProperty(exports, "SUBSCRIPTIONS_REFUSAL", { enumerable: true, get: function () { return subscriptions_1.SUBSCRIPTIONS_REFUSAL; } });
var fields_1 = require("./fields");
Object.defineProperty(exports, "splitLines", { enumerable: true, get: function () { return fields_1.splitLines; } });
Object.defineProperty(exports, "splitList", { enumerable: true, get: function () { return fields_1.splitList; } });
