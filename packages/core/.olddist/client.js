"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PanelClient = exports.DEFAULT_STATUS_CONCURRENCY = exports.DEFAULT_TIMEOUT_MS = void 0;
/**
 * PanelClient: every action of the Panel API v2 (plus the de facto refill actions), over an
 * injected runtime. One call = limiter → request → interpret → parse, wrapped in the
 * retry policy of ./retry. Errors leave the client scrubbed of every secret.
 */
const errors_1 = require("./errors");
const interpret_1 = require("./parse/interpret");
const parse_1 = require("./parse");
const orders_1 = require("./orders");
const limiter_1 = require("./limiter");
const retry_1 = require("./retry");
const runtime_1 = require("./runtime");
const batch_1 = require("./batch");
exports.DEFAULT_TIMEOUT_MS = 30_000;
exports.DEFAULT_STATUS_CONCURRENCY = 4;
const MISSING_FROM_REPLY = "The Panel's reply has no entry for this id";
/** True when a reply body is the Panel's own JSON error object (not a proxy's page). */
function isPanelJsonError(res) {
    const t = typeof res?.body === 'string' ? res.body.trim() : '';
    if (!t.startsWith('{'))
        return false;
    try {
        const j = JSON.parse(t);
        return j !== null && typeof j === 'object' && !Array.isArray(j) && 'error' in j;
    }
    catch {
        return false;
    }
}
function positive(name, value, fallback) {
    if (value === undefined)
        return fallback;
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
        throw new errors_1.PanelValidationError(`${name} must be a positive number, got ${String(value)}.`, { field: name });
    }
    return value;
}
/** Option checks of the policy modules throw RangeError; the client reports them as validation errors. */
function asValidation(field, build) {
    try {
        return build();
    }
    catch (err) {
        if (err instanceof RangeError)
            throw new errors_1.PanelValidationError(`${err.message}.`, { field, cause: err });
        throw err;
    }
}
class PanelClient {
    apiUrl;
    multiStatusAction;
    /** HTTP requests handed to the runtime so far (every attempt counts). */
    requestCount = 0;
    runtime;
    scrub;
    retry;
    limiter;
    timeoutMs;
    maxResponseBytes;
    statusConcurrency;
    servicesCacheMs;
    catalog = null;
    catalogRead = null;
    constructor(options) {
        if (!options || typeof options !== 'object')
            throw new errors_1.PanelValidationError('PanelClient needs options: { apiUrl, runtime }.', { field: 'options' });
        this.scrub = (0, errors_1.makeScrubber)(options.secrets ?? []);
        const url = typeof options.apiUrl === 'string' ? options.apiUrl.trim() : '';
        if (!/^https?:\/\/[^\s/?#]+[^\s]*$/i.test(url)) {
            throw new errors_1.PanelValidationError(`apiUrl must be the Panel's API endpoint starting with http:// or https:// (e.g. https://your-panel/api/v2); got ${JSON.stringify(this.scrub(String(options.apiUrl)))}.`, { field: 'apiUrl', scrub: this.scrub });
        }
        const rt = options.runtime;
        if (!rt || typeof rt.request !== 'function' || typeof rt.sleep !== 'function' || typeof rt.now !== 'function') {
            throw new errors_1.PanelValidationError('runtime must provide request(), sleep() and now().', { field: 'runtime' });
        }
        const dialect = options.multiStatusAction ?? 'multiStatus';
        if (dialect !== 'multiStatus' && dialect !== 'status') {
            throw new errors_1.PanelValidationError(`multiStatusAction must be 'multiStatus' or 'status', got ${JSON.stringify(dialect)}.`, { field: 'multiStatusAction' });
        }
        this.apiUrl = url;
        this.runtime = rt;
        this.multiStatusAction = dialect;
        this.retry = asValidation('retry', () => (0, retry_1.resolveRetryOptions)(options.retry));
        this.limiter = asValidation('rateLimit', () => (0, limiter_1.createLimiter)(rt, options.rateLimit));
        this.timeoutMs = positive('timeoutMs', options.timeoutMs, exports.DEFAULT_TIMEOUT_MS);
        this.maxResponseBytes = positive('maxResponseBytes', options.maxResponseBytes, interpret_1.DEFAULT_MAX_RESPONSE_BYTES);
        this.statusConcurrency = Math.floor(positive('statusConcurrency', options.statusConcurrency, exports.DEFAULT_STATUS_CONCURRENCY)) || 1;
        const cacheMs = options.servicesCacheMs ?? 0;
        if (typeof cacheMs !== 'number' || !Number.isFinite(cacheMs) || cacheMs < 0) {
            throw new errors_1.PanelValidationError(`servicesCacheMs must be a number ≥ 0, got ${String(cacheMs)}.`, { field: 'servicesCacheMs' });
        }
        this.servicesCacheMs = cacheMs;
    }
    // ---- reads -------------------------------------------------------------------------
    balance() {
        return this.call('balance', {}, (json) => (0, parse_1.parseBalance)(json, { scrub: this.scrub }));
    }
    async services() {
        const services = await this.call('services', {}, (json) => (0, parse_1.parseServices)(json, { scrub: this.scrub }));
        this.catalog = { at: this.runtime.now(), services };
        return services;
    }
    /** The catalog for a lookup: the cached one while fresh (servicesCacheMs), one shared read otherwise. */
    catalogForLookup() {
        const cached = this.catalog;
        if (cached && this.servicesCacheMs > 0 && this.runtime.now() - cached.at < this.servicesCacheMs)
            return Promise.resolve(cached.services);
        if (this.servicesCacheMs > 0 && this.catalogRead)
            return this.catalogRead;
        const read = this.services();
        if (this.servicesCacheMs > 0) {
            // Concurrent lookups share one read; a failed read is not kept.
            this.catalogRead = read;
            const clear = () => {
                if (this.catalogRead === read)
                    this.catalogRead = null;
            };
            read.then(clear, clear);
        }
        return read;
    }
    /** One service from the catalog; PanelNotFoundError when the Panel does not list it. */
    async service(id) {
        const wanted = (0, batch_1.normalizeId)(id, 'service', this.scrub);
        const all = await this.catalogForLookup();
        const found = all.find((s) => s.service === wanted);
        if (!found) {
            throw new errors_1.PanelNotFoundError(`Service ${wanted} is not in the Panel's catalog (${all.length} services listed). Pick a service id from the catalog.`, { id: wanted, action: 'services', scrub: this.scrub });
        }
        return found;
    }
    async status(id) {
        const order = (0, batch_1.normalizeId)(id, 'order', this.scrub);
        return this.call('status', { order }, (json) => (0, parse_1.parseStatus)(json, order, { scrub: this.scrub }));
    }
    /**
     * Statuses of any number of orders: each id once, ≤ 100 per request, a few requests at a
     * time; one result per input id, in input order. A per-id error is data (`error` set).
     */
    async statuses(ids) {
        const list = (0, batch_1.normalizeIds)(ids, 'orders', this.scrub);
        const action = this.multiStatusAction;
        return (0, batch_1.fetchBatched)({
            ids: list,
            concurrency: this.statusConcurrency,
            fetch: (chunkIds) => this.call(action, { orders: chunkIds.join(',') }, (json) => (0, parse_1.parseMultiStatus)(json, chunkIds, { scrub: this.scrub })),
            keyOf: (r) => r.order,
            missing: (order) => ({ order, error: MISSING_FROM_REPLY }),
        });
    }
    async refillStatus(id) {
        const refill = (0, batch_1.normalizeId)(id, 'refill', this.scrub);
        return this.call('refill_status', { refill }, (json) => (0, parse_1.parseRefillStatus)(json, refill, { scrub: this.scrub }));
    }
    /** Like statuses(), for refills (`refill_status&refills=`). */
    async refillStatuses(ids) {
        const list = (0, batch_1.normalizeIds)(ids, 'refills', this.scrub);
        return (0, batch_1.fetchBatched)({
            ids: list,
            concurrency: this.statusConcurrency,
            fetch: (chunkIds) => this.call('refill_status', { refills: chunkIds.join(',') }, (json) => (0, parse_1.parseRefillStatuses)(json, chunkIds, { scrub: this.scrub })),
            keyOf: (r) => r.refill,
            missing: (refill) => ({ refill, status: null, status_raw: null, final: false, error: MISSING_FROM_REPLY }),
        });
    }
    // ---- orders ------------------------------------------------------------------------
    /**
     * Dry run: validate the input for the service's type and price it, sending nothing but
     * (when given an id) the `services` read.
     */
    async prepareOrder(serviceOrId, input) {
        const service = typeof serviceOrId === 'object' && serviceOrId !== null ? serviceOrId : await this.service(serviceOrId);
        try {
            return (0, orders_1.prepareOrder)(service, input);
        }
        catch (err) {
            throw err instanceof errors_1.PanelError ? err.redact(this.scrub) : err;
        }
    }
    /** Validate, price, then place the order. An ambiguous failure is PanelOrderOutcomeUnknownError, never resent. */
    async addOrder(serviceOrId, input) {
        const prepared = await this.prepareOrder(serviceOrId, input);
        return this.sendAdd(prepared.form);
    }
    /** Raw add: the caller's fields as they are; only `service` is checked. The key is never taken from params. */
    async add(params) {
        if (!params || typeof params !== 'object')
            throw new errors_1.PanelValidationError('add needs the order fields, e.g. { service, link, quantity }.', { field: 'params' });
        const form = {};
        for (const [k, v] of Object.entries(params)) {
            if (k === 'key' || k === 'action' || v === undefined || v === null)
                continue;
            if (typeof v !== 'string' && typeof v !== 'number') {
                throw new errors_1.PanelValidationError(`add field "${k}" must be a string or a number.`, { field: k, scrub: this.scrub });
            }
            form[k] = String(v);
        }
        form.service = (0, batch_1.normalizeId)(params.service, 'service', this.scrub);
        return this.sendAdd(form);
    }
    sendAdd(form) {
        const { action: _action, key: _key, ...fields } = form;
        return this.call('add', fields, (json) => (0, parse_1.parseAdd)(json, { scrub: this.scrub }), `order for service ${fields.service}`);
    }
    /** Cancel orders: one result per distinct id, in input order. Per-id errors are data. */
    async cancel(ids) {
        const list = (0, batch_1.dedupe)((0, batch_1.normalizeIds)(ids, 'orders', this.scrub));
        return this.call('cancel', { orders: list.join(',') }, (json) => (0, parse_1.parseCancel)(json, list, { scrub: this.scrub }), `orders ${list.join(', ')}`);
    }
    async refill(id) {
        const order = (0, batch_1.normalizeId)(id, 'order', this.scrub);
        return this.call('refill', { order }, (json) => (0, parse_1.parseRefill)(json, order, { scrub: this.scrub }), `refill of order ${order}`);
    }
    /** Refill several orders in one request; per-id errors are data. */
    async refills(ids) {
        const list = (0, batch_1.dedupe)((0, batch_1.normalizeIds)(ids, 'orders', this.scrub));
        return this.call('refill', { orders: list.join(',') }, (json) => (0, parse_1.parseRefills)(json, list, { scrub: this.scrub }), `refill of orders ${list.join(', ')}`);
    }
    // ---- one call ----------------------------------------------------------------------
    /**
     * Sends one action under the rate limiter and the retry policy. `fields` exclude key and
     * action. `subject` words what a write was about, for an outcome-unknown message.
     */
    async call(action, fields, parse, subject) {
        const rt = this.runtime;
        const started = rt.now();
        const form = { action, ...fields };
        for (let retries = 0;; retries++) {
            const done = this.limiter ? await this.limiter.acquire() : undefined;
            const outcome = await this.attempt(action, form, parse);
            done?.();
            if ('value' in outcome)
                return outcome.value;
            const { error, panelAnswered } = outcome;
            const retryAfterMs = error.retryAfterMs;
            // A 429's Retry-After holds every call of this client, not just this one.
            if (this.limiter && error.code === 'rate_limited' && retryAfterMs !== undefined)
                this.limiter.blockUntil(rt.now() + retryAfterMs);
            const decision = (0, retry_1.decideRetry)(error, {
                action,
                retries,
                elapsedMs: rt.now() - started,
                random: rt.random ? rt.random() : 0.5,
                opts: this.retry,
                scrub: this.scrub,
                panelAnswered,
                ...(subject !== undefined ? { subject } : {}),
            });
            if (!decision.retry)
                throw decision.error;
            await rt.sleep(decision.delayMs);
        }
    }
    /** One HTTP exchange: the parsed value, or the PanelError it came to (and whether the Panel itself answered). */
    async attempt(action, form, parse) {
        const rt = this.runtime;
        let res;
        try {
            this.requestCount++;
            res = await rt.request({ url: this.apiUrl, action, form: { ...form }, timeoutMs: this.timeoutMs });
        }
        catch (err) {
            const ctx = { action, timeoutMs: this.timeoutMs, maxResponseBytes: this.maxResponseBytes, scrub: this.scrub };
            return { error: (0, runtime_1.transportFailure)(err, ctx), panelAnswered: false };
        }
        try {
            const json = (0, interpret_1.interpretResponse)(action, res, { scrub: this.scrub, maxResponseBytes: this.maxResponseBytes, now: rt.now() });
            return { value: parse(json) };
        }
        catch (err) {
            return { error: this.asPanelError(err, action, res), panelAnswered: isPanelJsonError(res) };
        }
    }
    /** Parsers throw PanelErrors; anything else is a reply of a shape we cannot read. */
    asPanelError(err, action, res) {
        if (err instanceof errors_1.PanelError)
            return err.redact(this.scrub);
        const detail = err instanceof Error ? err.message : String(err);
        return new errors_1.PanelMalformedResponseError(`The Panel's reply to "${action}" has an unexpected shape (${detail}).`, {
            action,
            reason: 'wrong_shape',
            ...(typeof res?.status === 'number' ? { httpStatus: res.status } : {}),
            cause: err,
            scrub: this.scrub,
        });
    }
}
exports.PanelClient = PanelClient;
