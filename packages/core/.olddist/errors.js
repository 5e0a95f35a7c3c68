"use strict";
/**
 * One error hierarchy for everything that can go wrong talking to a Panel.
 * Callers tell errors apart by class (`instanceof`) or by the stable `code`.
 * Every message says what to fix; none may carry a secret (the API key): construct with
 * `secrets` or call `redact(secrets)` before the error leaves the client.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.ERROR_CLASS_BY_CODE = exports.PanelWebhookError = exports.PanelUnsupportedOrderTypeError = exports.PanelValidationError = exports.PanelOrderOutcomeUnknownError = exports.PanelTimeoutError = exports.PanelNetworkError = exports.PanelMalformedResponseError = exports.PanelApiError = exports.PanelUpstreamError = exports.PanelRateLimitError = exports.PanelNotFoundError = exports.PanelInsufficientBalanceError = exports.PanelAuthenticationError = exports.PanelBadRequestError = exports.PanelError = exports.REDACTED = exports.PANEL_ERROR_CODES = void 0;
exports.makeScrubber = makeScrubber;
exports.isPanelError = isPanelError;
exports.PANEL_ERROR_CODES = [
    'bad_request',
    'authentication',
    'insufficient_balance',
    'not_found',
    'rate_limited',
    'upstream',
    'panel_error',
    'malformed_response',
    'network',
    'timeout',
    'order_outcome_unknown',
    'validation',
    'unsupported_order_type',
    'webhook_invalid',
];
exports.REDACTED = '[redacted]';
/**
 * Build a scrubber for literal secrets. Each secret is also removed in its URL-encoded
 * spelling, since an echoed form body would carry it that way.
 */
function makeScrubber(secrets = []) {
    const needles = new Set();
    for (const s of secrets) {
        if (typeof s !== 'string' || s.length === 0)
            continue;
        needles.add(s);
        try {
            needles.add(encodeURIComponent(s));
            needles.add(encodeURIComponent(s).replace(/%20/g, '+'));
        }
        catch {
            // lone surrogates cannot be URI-encoded; the literal is still removed
        }
    }
    // Longest first, so a secret that contains another is removed whole.
    const list = [...needles].sort((a, b) => b.length - a.length);
    return (text) => {
        let out = text;
        for (const n of list)
            if (out.includes(n))
                out = out.split(n).join(exports.REDACTED);
        return out;
    };
}
class PanelError extends Error {
    code;
    httpStatus;
    retryable;
    action;
    constructor(code, message, opts = {}) {
        super(message);
        Object.setPrototypeOf(this, new.target.prototype);
        this.name = new.target.name;
        this.code = code;
        this.retryable = opts.retryable ?? false;
        if (opts.httpStatus !== undefined)
            this.httpStatus = opts.httpStatus;
        if (opts.action !== undefined)
            this.action = opts.action;
        if (opts.cause !== undefined) {
            // Non-enumerable: JSON and shallow logging never walk into the raw cause.
            Object.defineProperty(this, 'cause', { value: opts.cause, enumerable: false, writable: true, configurable: true });
        }
        const scrub = opts.scrub ?? (opts.secrets ? makeScrubber(opts.secrets) : undefined);
        if (scrub)
            this.applyScrub(scrub);
    }
    /** Subclass-specific fields, for toJSON. */
    extra() {
        return {};
    }
    /**
     * Remove secrets from the message, stack, string fields and cause. Returns `this`,
     * so `throw err.redact([apiKey])` reads naturally.
     */
    redact(secretsOrScrub) {
        const scrub = typeof secretsOrScrub === 'function' ? secretsOrScrub : makeScrubber(secretsOrScrub);
        this.applyScrub(scrub);
        return this;
    }
    applyScrub(scrub) {
        this.message = scrub(this.message);
        if (typeof this.stack === 'string')
            this.stack = scrub(this.stack);
        const self = this;
        for (const k of Object.keys(self)) {
            const v = self[k];
            if (typeof v === 'string')
                self[k] = scrub(v);
        }
        const cause = this.cause;
        if (cause instanceof Error) {
            const m = scrub(cause.message);
            const st = typeof cause.stack === 'string' ? scrub(cause.stack) : undefined;
            if (m !== cause.message || st !== cause.stack) {
                // Replace rather than mutate: the cause may be shared with the host.
                const clean = new Error(m);
                clean.name = cause.name;
                if (st !== undefined)
                    clean.stack = st;
                const code = cause.code;
                if (typeof code === 'string')
                    clean.code = code;
                Object.defineProperty(this, 'cause', { value: clean, enumerable: false, writable: true, configurable: true });
            }
        }
        else if (typeof cause === 'string') {
            Object.defineProperty(this, 'cause', { value: scrub(cause), enumerable: false, writable: true, configurable: true });
        }
    }
    toJSON() {
        const out = { name: this.name, code: this.code, message: this.message };
        if (this.httpStatus !== undefined)
            out.httpStatus = this.httpStatus;
        out.retryable = this.retryable;
        if (this.action !== undefined)
            out.action = this.action;
        for (const [k, v] of Object.entries(this.extra()))
            if (v !== undefined)
                out[k] = v;
        return out;
    }
    toString() {
        return `${this.name} [${this.code}]: ${this.message}`;
    }
}
exports.PanelError = PanelError;
function isPanelError(err) {
    return err instanceof PanelError;
}
/** HTTP 400: the request was refused as invalid (also the Panel's refusal of Subscriptions). */
class PanelBadRequestError extends PanelError {
    /** The Panel's own error text, when it gave one. */
    panelMessage;
    constructor(message, opts = {}) {
        super('bad_request', message, { httpStatus: 400, ...opts, retryable: false });
        if (opts.panelMessage !== undefined)
            this.panelMessage = opts.panelMessage;
        if (opts.panelMessage !== undefined && (opts.scrub || opts.secrets))
            this.redact(opts.scrub ?? opts.secrets ?? []);
    }
    extra() {
        return { panelMessage: this.panelMessage };
    }
}
exports.PanelBadRequestError = PanelBadRequestError;
/** HTTP 401: missing or wrong API key. */
class PanelAuthenticationError extends PanelError {
    panelMessage;
    constructor(message, opts = {}) {
        super('authentication', message, { httpStatus: 401, ...opts, retryable: false });
        if (opts.panelMessage !== undefined)
            this.panelMessage = opts.panelMessage;
        if (opts.panelMessage !== undefined && (opts.scrub || opts.secrets))
            this.redact(opts.scrub ?? opts.secrets ?? []);
    }
    extra() {
        return { panelMessage: this.panelMessage };
    }
}
exports.PanelAuthenticationError = PanelAuthenticationError;
/** HTTP 402: the account cannot pay for the order. */
class PanelInsufficientBalanceError extends PanelError {
    panelMessage;
    constructor(message, opts = {}) {
        super('insufficient_balance', message, { httpStatus: 402, ...opts, retryable: false });
        if (opts.panelMessage !== undefined)
            this.panelMessage = opts.panelMessage;
        if (opts.panelMessage !== undefined && (opts.scrub || opts.secrets))
            this.redact(opts.scrub ?? opts.secrets ?? []);
    }
    extra() {
        return { panelMessage: this.panelMessage };
    }
}
exports.PanelInsufficientBalanceError = PanelInsufficientBalanceError;
/** HTTP 404, or a service id absent from the catalog. */
class PanelNotFoundError extends PanelError {
    panelMessage;
    /** The id that was not found, when known. */
    id;
    constructor(message, opts = {}) {
        super('not_found', message, { ...opts, retryable: false });
        if (opts.panelMessage !== undefined)
            this.panelMessage = opts.panelMessage;
        if (opts.id !== undefined)
            this.id = opts.id;
        if ((opts.panelMessage !== undefined || opts.id !== undefined) && (opts.scrub || opts.secrets))
            this.redact(opts.scrub ?? opts.secrets ?? []);
    }
    extra() {
        return { panelMessage: this.panelMessage, id: this.id };
    }
}
exports.PanelNotFoundError = PanelNotFoundError;
/** HTTP 429. `retryAfterMs` comes from the Retry-After header when the Panel sent one. */
class PanelRateLimitError extends PanelError {
    retryAfterMs;
    constructor(message, opts = {}) {
        super('rate_limited', message, { httpStatus: 429, ...opts, retryable: true });
        if (opts.retryAfterMs !== undefined)
            this.retryAfterMs = opts.retryAfterMs;
    }
    extra() {
        return { retryAfterMs: this.retryAfterMs };
    }
}
exports.PanelRateLimitError = PanelRateLimitError;
/** HTTP 502 or another 5xx: the Panel or its provider failed. */
class PanelUpstreamError extends PanelError {
    retryAfterMs;
    panelMessage;
    constructor(message, opts = {}) {
        super('upstream', message, { httpStatus: 502, retryable: true, ...opts });
        if (opts.retryAfterMs !== undefined)
            this.retryAfterMs = opts.retryAfterMs;
        if (opts.panelMessage !== undefined)
            this.panelMessage = opts.panelMessage;
        if (opts.panelMessage !== undefined && (opts.scrub || opts.secrets))
            this.redact(opts.scrub ?? opts.secrets ?? []);
    }
    extra() {
        return { retryAfterMs: this.retryAfterMs, panelMessage: this.panelMessage };
    }
}
exports.PanelUpstreamError = PanelUpstreamError;
/** HTTP 200 whose body is `{"error": "…"}`: an error all the same. */
class PanelApiError extends PanelError {
    /** The Panel's error text, verbatim (scrubbed). */
    panelMessage;
    constructor(message, opts) {
        super('panel_error', message, { ...opts, retryable: false });
        this.panelMessage = opts.panelMessage;
        if (opts.scrub || opts.secrets)
            this.redact(opts.scrub ?? opts.secrets ?? []);
    }
    extra() {
        return { panelMessage: this.panelMessage };
    }
}
exports.PanelApiError = PanelApiError;
/** The reply could not be read as the action's documented shape. */
class PanelMalformedResponseError extends PanelError {
    reason;
    /** A short, scrubbed excerpt of what came back, for diagnosis. */
    excerpt;
    constructor(message, opts) {
        super('malformed_response', message, { ...opts, retryable: opts.retryable ?? false });
        this.reason = opts.reason;
        if (opts.excerpt !== undefined)
            this.excerpt = opts.excerpt;
        if (opts.scrub || opts.secrets)
            this.redact(opts.scrub ?? opts.secrets ?? []);
    }
    extra() {
        return { reason: this.reason, excerpt: this.excerpt };
    }
}
exports.PanelMalformedResponseError = PanelMalformedResponseError;
/** The transport failed (connection refused, reset, DNS …). `sent` = the request may have reached the Panel. */
class PanelNetworkError extends PanelError {
    sent;
    constructor(message, opts = {}) {
        super('network', message, { retryable: true, ...opts });
        this.sent = opts.sent ?? true;
    }
    extra() {
        return { sent: this.sent };
    }
}
exports.PanelNetworkError = PanelNetworkError;
/** The Panel did not answer in time. */
class PanelTimeoutError extends PanelError {
    sent;
    constructor(message, opts = {}) {
        super('timeout', message, { retryable: true, ...opts });
        this.sent = opts.sent ?? true;
    }
    extra() {
        return { sent: this.sent };
    }
}
exports.PanelTimeoutError = PanelTimeoutError;
/**
 * add / cancel / refill failed in a way that leaves open whether the Panel processed it.
 * Never resent automatically: the user must check (e.g. the order list) before retrying.
 */
class PanelOrderOutcomeUnknownError extends PanelError {
    constructor(message, opts = {}) {
        super('order_outcome_unknown', message, { ...opts, retryable: false });
    }
}
exports.PanelOrderOutcomeUnknownError = PanelOrderOutcomeUnknownError;
/** A local check failed before anything was sent. `field` names the input to fix. */
class PanelValidationError extends PanelError {
    field;
    constructor(message, opts) {
        super('validation', message, { ...opts, retryable: false });
        this.field = opts.field;
    }
    extra() {
        return { field: this.field };
    }
}
exports.PanelValidationError = PanelValidationError;
/** The service's type cannot be ordered through the API (Subscriptions) or is unknown. */
class PanelUnsupportedOrderTypeError extends PanelError {
    /** The service type as the catalog spells it. */
    type;
    constructor(message, opts) {
        super('unsupported_order_type', message, { ...opts, retryable: false });
        this.type = opts.type;
    }
    extra() {
        return { type: this.type };
    }
}
exports.PanelUnsupportedOrderTypeError = PanelUnsupportedOrderTypeError;
/** A webhook delivery was rejected. `httpStatus` is what the receiver should answer (401 or 400). */
class PanelWebhookError extends PanelError {
    reason;
    constructor(message, opts) {
        super('webhook_invalid', message, {
            httpStatus: opts.reason === 'malformed' ? 400 : 401,
            ...opts,
            retryable: false,
        });
        this.reason = opts.reason;
    }
    extra() {
        return { reason: this.reason };
    }
}
exports.PanelWebhookError = PanelWebhookError;
/** Class for each code, e.g. for adapters mapping codes back to classes. */
exports.ERROR_CLASS_BY_CODE = {
    bad_request: PanelBadRequestError,
    authentication: PanelAuthenticationError,
    insufficient_balance: PanelInsufficientBalanceError,
    not_found: PanelNotFoundError,
    rate_limited: PanelRateLimitError,
    upstream: PanelUpstreamError,
    panel_error: PanelApiError,
    malformed_response: PanelMalformedResponseError,
    network: PanelNetworkError,
    timeout: PanelTimeoutError,
    order_outcome_unknown: PanelOrderOutcomeUnknownError,
    validation: PanelValidationError,
    unsupported_order_type: PanelUnsupportedOrderTypeError,
    webhook_invalid: PanelWebhookError,
};
