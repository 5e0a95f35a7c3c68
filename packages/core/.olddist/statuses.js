"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.STATUS_SPELLINGS = exports.FINAL_STATUSES = exports.CANONICAL_STATUSES = void 0;
exports.statusText = statusText;
exports.normalizeStatus = normalizeStatus;
exports.isFinalStatus = isFinalStatus;
exports.readStatus = readStatus;
exports.CANONICAL_STATUSES = [
    'Pending',
    'In progress',
    'Completed',
    'Partial',
    'Canceled',
    'Failed',
    'Unknown',
];
/** Canonical statuses after which an order no longer changes. */
exports.FINAL_STATUSES = ['Completed', 'Partial', 'Canceled', 'Failed'];
/**
 * Spelling → canonical. Keys are folded (see foldStatus): lower-case, without spaces,
 * underscores or hyphens, so "In Progress", "in_progress" and "IN-PROGRESS" all match.
 */
exports.STATUS_SPELLINGS = {
    pending: 'Pending',
    awaiting: 'Pending',
    queued: 'Pending',
    inprogress: 'In progress',
    processing: 'In progress',
    active: 'In progress',
    partial: 'Partial',
    partiallycompleted: 'Partial',
    completed: 'Completed',
    complete: 'Completed',
    done: 'Completed',
    canceled: 'Canceled',
    cancelled: 'Canceled',
    refunded: 'Canceled',
    failed: 'Failed',
    fail: 'Failed',
    rejected: 'Failed',
};
function foldStatus(raw) {
    return raw.toLowerCase().replace(/[\s_\-.]+/g, '');
}
/** The raw status as text ('' when absent); numbers and booleans are stringified. */
function statusText(raw) {
    if (typeof raw === 'string')
        return raw;
    if (typeof raw === 'number' || typeof raw === 'boolean' || typeof raw === 'bigint')
        return String(raw);
    return '';
}
/** Canonical status of any raw spelling; 'Unknown' when it is not one we know. */
function normalizeStatus(raw) {
    const text = statusText(raw);
    if (text === '')
        return 'Unknown';
    return exports.STATUS_SPELLINGS[foldStatus(text)] ?? 'Unknown';
}
/** Whether a status (canonical or any known raw spelling) is final. Unknown is never final. */
function isFinalStatus(raw) {
    return exports.FINAL_STATUSES.includes(normalizeStatus(raw));
}
/** status, status_raw and final in one go, as OrderStatus carries them. */
function readStatus(raw) {
    const status = normalizeStatus(raw);
    return { status, status_raw: statusText(raw), final: exports.FINAL_STATUSES.includes(status) };
}
