"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createNodeRuntime = createNodeRuntime;
/**
 * The default Node runtime: undici with a keep-alive connection pool per origin, connect /
 * headers / body timeouts plus an overall deadline, no redirect following (a 3xx comes back
 * as it is and core reports it, so the key in the body is never sent to another address),
 * and a cap on the reply size enforced while reading.
 */
const undici_1 = require("undici");
const form_1 = require("../form");
const runtime_1 = require("../runtime");
const DEFAULT_HEADERS = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
    'user-agent': 'panel-integrations-core/0.1',
};
function headerMap(raw) {
    const out = {};
    for (const [k, v] of Object.entries(raw))
        out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    return out;
}
function createNodeRuntime(options) {
    if (!options || typeof options.apiKey !== 'string' || options.apiKey.trim() === '') {
        throw new TypeError('createNodeRuntime needs apiKey: the API key from your Panel account.');
    }
    const apiKey = options.apiKey.trim();
    const defaultTimeout = options.timeoutMs ?? 30_000;
    const maxBytes = options.maxResponseBytes ?? 64 * 1024 * 1024;
    const agent = new undici_1.Agent({
        connections: options.connections ?? 8,
        keepAliveTimeout: options.keepAliveTimeoutMs ?? 4_000,
        connectTimeout: options.connectTimeoutMs ?? Math.min(10_000, defaultTimeout),
        // Redirects are not followed: undici only follows with a redirect interceptor, and none is installed.
    });
    const extraHeaders = { ...DEFAULT_HEADERS, ...(options.headers ?? {}) };
    async function request(req) {
        const url = new URL(req.url);
        const timeoutMs = req.timeoutMs > 0 ? req.timeoutMs : defaultTimeout;
        const body = (0, form_1.encodeForm)({ key: apiKey, ...req.form });
        // One overall deadline, cleared as soon as the reply is read (AbortSignal.timeout would
        // leave a timer alive for the whole timeout after every request).
        const deadline = new AbortController();
        const timer = setTimeout(() => deadline.abort(new DOMException(`no complete reply within ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
        try {
            return await exchange(url, body, timeoutMs, deadline.signal);
        }
        finally {
            clearTimeout(timer);
        }
    }
    async function exchange(url, body, timeoutMs, signal) {
        const res = await agent.request({
            origin: url.origin,
            path: `${url.pathname}${url.search}`,
            method: 'POST',
            headers: extraHeaders,
            body,
            headersTimeout: timeoutMs,
            bodyTimeout: timeoutMs,
            // The overall deadline also covers a body that trickles in under bodyTimeout.
            signal,
        });
        const headers = headerMap(res.headers);
        const declared = Number(headers['content-length']);
        if (Number.isFinite(declared) && declared > maxBytes) {
            res.body.destroy();
            throw new runtime_1.ResponseTooLargeError(maxBytes);
        }
        const chunks = [];
        let size = 0;
        for await (const chunk of res.body) {
            const buf = chunk;
            size += buf.length;
            if (size > maxBytes) {
                res.body.destroy();
                throw new runtime_1.ResponseTooLargeError(maxBytes);
            }
            chunks.push(buf);
        }
        // Name the redirect target in full, so the error can tell the user the final address.
        const location = headers.location;
        if (res.statusCode >= 300 && res.statusCode < 400 && location) {
            try {
                headers.location = new URL(location, url).href;
            }
            catch {
                // keep it as sent
            }
        }
        return { status: res.statusCode, headers, body: Buffer.concat(chunks, size).toString('utf8') };
    }
    return {
        request,
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
        now: () => Date.now(),
        random: () => Math.random(),
        close: () => agent.close(),
    };
}
