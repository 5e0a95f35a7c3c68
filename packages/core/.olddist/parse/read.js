"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.zText = exports.zTextOrNull = exports.zIntOrNull = exports.zDecimalOrNull = exports.zDecimal = exports.zId = void 0;
exports.readId = readId;
exports.readInt = readInt;
exports.readDecimal = readDecimal;
exports.readText = readText;
exports.readOptionalText = readOptionalText;
exports.itemError = itemError;
exports.isRecord = isRecord;
exports.describeValue = describeValue;
/**
 * Tolerant readers for the values inside Panel replies (numbers as strings or numbers,
 * ids either way, null or missing counts), as plain functions and as zod schemas.
 * "Be strict in what you send, tolerant in what you read": a value that cannot be
 * normalised becomes null (or keeps its raw text) instead of failing the reply.
 */
const zod_1 = require("zod");
const money_1 = require("../money");
const interpret_1 = require("./interpret");
/** An id: a non-negative safe integer, or a non-empty string (trimmed, ≤ 64 chars). */
function readId(v) {
    if (typeof v === 'number')
        return Number.isSafeInteger(v) && v >= 0 ? String(v) : null;
    if (typeof v === 'bigint')
        return v >= BigInt(0) ? v.toString() : null;
    if (typeof v === 'string') {
        const t = v.trim();
        return t !== '' && t.length <= 64 ? t : null;
    }
    return null;
}
/** An integer count from a number or numeric string ("157", "157.0", 157); else null. */
function readInt(v) {
    if (typeof v === 'number') {
        if (!Number.isFinite(v))
            return null;
        const n = Math.trunc(v);
        return Number.isSafeInteger(n) ? n : null;
    }
    if (typeof v === 'string' && /^\s*[+-]?\d+(\.\d*)?\s*$/.test(v)) {
        const n = Math.trunc(Number(v));
        return Number.isSafeInteger(n) ? n : null;
    }
    return null;
}
/** Exact decimal text from a string or number; null when absent, empty or not a number. */
function readDecimal(v) {
    if (v === null || v === undefined)
        return null;
    if (typeof v !== 'string' && typeof v !== 'number')
        return null;
    return (0, money_1.decimalText)(v);
}
/** Plain text from a string, number or boolean; '' otherwise. */
function readText(v) {
    if (typeof v === 'string')
        return v;
    if (typeof v === 'number' || typeof v === 'boolean')
        return String(v);
    return '';
}
/** Non-empty text or null. */
function readOptionalText(v) {
    const t = readText(v).trim();
    return t === '' ? null : t;
}
/** A per-item error: `{"error": …}` object → its text; else null. */
function itemError(v) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && (0, interpret_1.carriesError)(v)) {
        return (0, interpret_1.errorText)(v.error);
    }
    return null;
}
function isRecord(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
}
// zod forms of the readers, for the per-action schemas.
exports.zId = zod_1.z.unknown().transform((v, ctx) => {
    const id = readId(v);
    if (id === null) {
        ctx.addIssue({ code: zod_1.z.ZodIssueCode.custom, message: `expected an id (number or text), got ${describeValue(v)}` });
        return zod_1.z.NEVER;
    }
    return id;
});
exports.zDecimal = zod_1.z.unknown().transform((v, ctx) => {
    const d = readDecimal(v);
    if (d === null) {
        ctx.addIssue({ code: zod_1.z.ZodIssueCode.custom, message: `expected a decimal number, got ${describeValue(v)}` });
        return zod_1.z.NEVER;
    }
    return d;
});
exports.zDecimalOrNull = zod_1.z.unknown().transform(readDecimal);
exports.zIntOrNull = zod_1.z.unknown().transform(readInt);
exports.zTextOrNull = zod_1.z.unknown().transform(readOptionalText);
exports.zText = zod_1.z.unknown().transform(readText);
/** Short description of a value for error messages (never the whole value). */
function describeValue(v) {
    if (v === undefined)
        return 'nothing';
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'a list';
    if (typeof v === 'object')
        return 'an object';
    if (typeof v === 'string')
        return v.length > 30 ? `text "${v.slice(0, 30)}…"` : `text "${v}"`;
    return `${typeof v} ${String(v).slice(0, 30)}`;
}
