"use strict";
/**
 * @panel/core — the Panel API v2 protocol, host-agnostic. Nothing reachable from this file
 * touches timers, `process`, `globalThis` or an HTTP library: effects come from the
 * PanelRuntime the host passes in. (The undici runtime lives in `@panel/core/node`.)
 */
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.fetchBatched = exports.mapConcurrent = exports.chunk = exports.dedupe = exports.normalizeIds = exports.normalizeId = exports.MAX_IDS_PER_REQUEST = exports.createLimiter = exports.DEFAULT_RATE_LIMIT = exports.RateLimiter = exports.resolveRetryOptions = exports.ambiguousWriteFailure = exports.decideRetry = exports.backoffDelay = exports.isReadAction = exports.READ_ACTIONS = exports.NO_RETRY = exports.DEFAULT_RETRY = exports.ResponseTooLargeError = exports.transportFailure = exports.classifyTransportError = exports.DEFAULT_STATUS_CONCURRENCY = exports.DEFAULT_TIMEOUT_MS = exports.PanelClient = exports.decodeForm = exports.encodeForm = void 0;
// Data shapes and errors
__exportStar(require("./types"), exports);
__exportStar(require("./errors"), exports);
// Protocol knowledge: money, statuses, forms, order types, reply parsing, webhooks
__exportStar(require("./money"), exports);
__exportStar(require("./statuses"), exports);
var form_1 = require("./form");
Object.defineProperty(exports, "encodeForm", { enumerable: true, get: function () { return form_1.encodeForm; } });
Object.defineProperty(exports, "decodeForm", { enumerable: true, get: function () { return form_1.decodeForm; } });
__exportStar(require("./orders"), exports);
__exportStar(require("./parse"), exports);
__exportStar(require("./webhooks"), exports);
// The client and its policies
var client_1 = require("./client");
Object.defineProperty(exports, "PanelClient", { enumerable: true, get: function () { return client_1.PanelClient; } });
Object.defineProperty(exports, "DEFAULT_TIMEOUT_MS", { enumerable: true, get: function () { return client_1.DEFAULT_TIMEOUT_MS; } });
Object.defineProperty(exports, "DEFAULT_STATUS_CONCURRENCY", { enumerable: true, get: function () { return client_1.DEFAULT_STATUS_CONCURRENCY; } });
var runtime_1 = require("./runtime");
Object.defineProperty(exports, "classifyTransportError", { enumerable: true, get: function () { return runtime_1.classifyTransportError; } });
Object.defineProperty(exports, "transportFailure", { enumerable: true, get: function () { return runtime_1.transportFailure; } });
Object.defineProperty(exports, "ResponseTooLargeError", { enumerable: true, get: function () { return runtime_1.ResponseTooLargeError; } });
var retry_1 = require("./retry");
Object.defineProperty(exports, "DEFAULT_RETRY", { enumerable: true, get: function () { return retry_1.DEFAULT_RETRY; } });
Object.defineProperty(exports, "NO_RETRY", { enumerable: true, get: function () { return retry_1.NO_RETRY; } });
Object.defineProperty(exports, "READ_ACTIONS", { enumerable: true, get: function () { return retry_1.READ_ACTIONS; } });
Object.defineProperty(exports, "isReadAction", { enumerable: true, get: function () { return retry_1.isReadAction; } });
Object.defineProperty(exports, "backoffDelay", { enumerable: true, get: function () { return retry_1.backoffDelay; } });
Object.defineProperty(exports, "decideRetry", { enumerable: true, get: function () { return retry_1.decideRetry; } });
Object.defineProperty(exports, "ambiguousWriteFailure", { enumerable: true, get: function () { return retry_1.ambiguousWriteFailure; } });
Object.defineProperty(exports, "resolveRetryOptions", { enumerable: true, get: function () { return retry_1.resolveRetryOptions; } });
var limiter_1 = require("./limiter");
Object.defineProperty(exports, "RateLimiter", { enumerable: true, get: function () { return limiter_1.RateLimiter; } });
Object.defineProperty(exports, "DEFAULT_RATE_LIMIT", { enumerable: true, get: function () { return limiter_1.DEFAULT_RATE_LIMIT; } });
Object.defineProperty(exports, "createLimiter", { enumerable: true, get: function () { return limiter_1.createLimiter; } });
var batch_1 = require("./batch");
Object.defineProperty(exports, "MAX_IDS_PER_REQUEST", { enumerable: true, get: function () { return batch_1.MAX_IDS_PER_REQUEST; } });
Object.defineProperty(exports, "normalizeId", { enumerable: true, get: function () { return batch_1.normalizeId; } });
Object.defineProperty(exports, "normalizeIds", { enumerable: true, get: function () { return batch_1.normalizeIds; } });
Object.defineProperty(exports, "dedupe", { enumerable: true, get: function () { return batch_1.dedupe; } });
Object.defineProperty(exports, "chunk", { enumerable: true, get: function () { return batch_1.chunk; } });
Object.defineProperty(exports, "mapConcurrent", { enumerable: true, get: function () { return batch_1.mapConcurrent; } });
Object.defineProperty(exports, "fetchBatched", { enumerable: true, get: function () { return batch_1.fetchBatched; } });
