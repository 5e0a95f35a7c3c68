"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_IDS_PER_REQUEST = void 0;
exports.normalizeId = normalizeId;
exports.normalizeIds = normalizeIds;
exports.dedupe = dedupe;
exports.chunk = chunk;
exports.mapConcurrent = mapConcurrent;
exports.fetchBatched = fetchBatched;
/**
 * Many ids, few requests: statuses of any number of orders (or refills) are fetched in
 * chunks of at most 100 (the Panel's cap), each id once, a few chunks at a time, and merged
 * back into one result per input id, in input order.
 */
const errors_1 = require("./errors");
/** The Panel's cap on ids per multiStatus / multi refill_status request. */
exports.MAX_IDS_PER_REQUEST = 100;
/**
 * An id as the Panel writes it: a non-negative integer, given as a number or a string
 * (surrounding spaces tolerated). Anything else would corrupt the comma list.
 */
function normalizeId(raw, field, scrub) {
    const text = typeof raw === 'number' ? (Number.isSafeInteger(raw) && raw >= 0 ? String(raw) : '') : typeof raw === 'string' ? raw.trim() : '';
    if (!/^\d+$/.test(text)) {
        const shown = typeof raw === 'string' || typeof raw === 'number' ? JSON.stringify(raw) : typeof raw;
        throw new errors_1.PanelValidationError(`${field} must be a whole number as the Panel returned it (e.g. 23501); got ${shown}.`, { field, ...(scrub ? { scrub } : {}) });
    }
    // Leading zeros would make "007" and "7" two ids for the same order.
    return text.replace(/^0+(?=\d)/, '');
}
/** Normalise a list of ids; an empty list is an input error, not an empty request. */
function normalizeIds(raw, field, scrub) {
    if (!Array.isArray(raw))
        throw new errors_1.PanelValidationError(`${field} must be a list of ids.`, { field });
    if (raw.length === 0)
        throw new errors_1.PanelValidationError(`${field} is empty: give at least one id.`, { field });
    return raw.map((id, i) => normalizeId(id, `${field}[${i}]`, scrub));
}
/** First occurrence of each id, in order. */
function dedupe(ids) {
    return [...new Set(ids)];
}
function chunk(list, size) {
    if (!Number.isInteger(size) || size < 1)
        throw new RangeError(`chunk size must be a positive integer, got ${size}`);
    const out = [];
    for (let i = 0; i < list.length; i += size)
        out.push(list.slice(i, i + size));
    return out;
}
/**
 * Runs `fn` over `items` with at most `concurrency` in flight; results keep the items'
 * order. On the first failure no new item starts and that failure is thrown once the
 * ones in flight have settled (so no request is left running unobserved).
 */
async function mapConcurrent(items, concurrency, fn) {
    const limit = Math.max(1, Math.floor(concurrency) || 1);
    const results = new Array(items.length);
    let next = 0;
    let failure = null;
    const worker = async () => {
        while (failure === null && next < items.length) {
            const index = next++;
            try {
                results[index] = await fn(items[index], index);
            }
            catch (error) {
                if (failure === null)
                    failure = { error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    if (failure !== null)
        throw failure.error;
    return results;
}
/** Dedupe, chunk, fetch with bounded concurrency, merge: one result per input id, in input order. */
async function fetchBatched(plan) {
    const unique = dedupe(plan.ids);
    const chunks = chunk(unique, exports.MAX_IDS_PER_REQUEST);
    const replies = await mapConcurrent(chunks, plan.concurrency, (ids) => plan.fetch(ids));
    const byId = new Map();
    for (const reply of replies)
        for (const r of reply) {
            const key = plan.keyOf(r);
            if (!byId.has(key))
                byId.set(key, r);
        }
    return plan.ids.map((id) => {
        const r = byId.get(id);
        // Duplicated ids get their own copy, so a caller mutating one item does not change another.
        return r === undefined ? plan.missing(id) : { ...r };
    });
}
