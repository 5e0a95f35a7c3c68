"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REPLY_KINDS = exports.parseReply = exports.parseRefillStatuses = exports.parseRefillStatus = exports.parseRefills = exports.parseRefill = exports.parseCancel = exports.parseMultiStatus = exports.parseStatus = exports.parseAdd = exports.parseServices = exports.parseBalance = exports.readDecimal = exports.readInt = exports.readId = exports.DEFAULT_MAX_RESPONSE_BYTES = exports.utf8Length = exports.getHeader = exports.parseRetryAfter = exports.interpretResponse = void 0;
/**
 * Reading Panel replies: `interpretResponse` maps HTTP status / body to JSON or a PanelError;
 * then one tolerant parser per action validates and normalises the JSON into the CONTRACT.md
 * shapes. Ids passed to the multi parsers fix the order of results (input order).
 * Every parser throws PanelMalformedResponseError (reason wrong_shape) and nothing else.
 */
var interpret_1 = require("./interpret");
Object.defineProperty(exports, "interpretResponse", { enumerable: true, get: function () { return interpret_1.interpretResponse; } });
Object.defineProperty(exports, "parseRetryAfter", { enumerable: true, get: function () { return interpret_1.parseRetryAfter; } });
Object.defineProperty(exports, "getHeader", { enumerable: true, get: function () { return interpret_1.getHeader; } });
Object.defineProperty(exports, "utf8Length", { enumerable: true, get: function () { return interpret_1.utf8Length; } });
Object.defineProperty(exports, "DEFAULT_MAX_RESPONSE_BYTES", { enumerable: true, get: function () { return interpret_1.DEFAULT_MAX_RESPONSE_BYTES; } });
var read_1 = require("./read");
Object.defineProperty(exports, "readId", { enumerable: true, get: function () { return read_1.readId; } });
Object.defineProperty(exports, "readInt", { enumerable: true, get: function () { return read_1.readInt; } });
Object.defineProperty(exports, "readDecimal", { enumerable: true, get: function () { return read_1.readDecimal; } });
var balance_1 = require("./balance");
Object.defineProperty(exports, "parseBalance", { enumerable: true, get: function () { return balance_1.parseBalance; } });
var services_1 = require("./services");
Object.defineProperty(exports, "parseServices", { enumerable: true, get: function () { return services_1.parseServices; } });
var add_1 = require("./add");
Object.defineProperty(exports, "parseAdd", { enumerable: true, get: function () { return add_1.parseAdd; } });
var status_1 = require("./status");
Object.defineProperty(exports, "parseStatus", { enumerable: true, get: function () { return status_1.parseStatus; } });
var multi_status_1 = require("./multi-status");
Object.defineProperty(exports, "parseMultiStatus", { enumerable: true, get: function () { return multi_status_1.parseMultiStatus; } });
var cancel_1 = require("./cancel");
Object.defineProperty(exports, "parseCancel", { enumerable: true, get: function () { return cancel_1.parseCancel; } });
var refill_1 = require("./refill");
Object.defineProperty(exports, "parseRefill", { enumerable: true, get: function () { return refill_1.parseRefill; } });
Object.defineProperty(exports, "parseRefills", { enumerable: true, get: function () { return refill_1.parseRefills; } });
var refill_status_1 = require("./refill-status");
Object.defineProperty(exports, "parseRefillStatus", { enumerable: true, get: function () { return refill_status_1.parseRefillStatus; } });
Object.defineProperty(exports, "parseRefillStatuses", { enumerable: true, get: function () { return refill_status_1.parseRefillStatuses; } });
var reply_1 = require("./reply");
Object.defineProperty(exports, "parseReply", { enumerable: true, get: function () { return reply_1.parseReply; } });
Object.defineProperty(exports, "REPLY_KINDS", { enumerable: true, get: function () { return reply_1.REPLY_KINDS; } });
