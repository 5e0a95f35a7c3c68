/**
 * Order (and refill) status spellings → one canonical set. The spec names Pending,
 * In progress, Partial, Completed, Done, Canceled, Failed; Panels of this family also send
 * Processing, Active, Cancelled, Refunded and any casing/spacing of these. Anything else is
 * kept raw with status 'Unknown' and is never final.
 */
import type { CanonicalStatus } from './types';


export const CANONICAL_STATUSES: readonly CanonicalStatus[] = [
  'Pending',
  'In progress',
  'Completed',
  'Partial',
  'Canceled',
  'Failed',
  'Unknown',
];

/** Canonical statuses after which an order no longer changes. */
export const FINAL_STATUSES: readonly CanonicalStatus[] = ['Completed', 'Partial', 'Canceled', 'Failed'];

/**
 * Spelling → canonical. Keys are folded (see foldStatus): lower-case, without spaces,
 * underscores or hyphens, so "In Progress", "in_progress" and "IN-PROGRESS" all match.
 */
export const STATUS_SPELLINGS: Readonly<Record<string, CanonicalStatus>> = {
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

function foldStatus(raw: string): string {
  return raw.toLowerCase().replace(/[\s_\-.]+/g, '');
}

/** The raw status as text ('' when absent); numbers and booleans are stringified. */
export function statusText(raw: unknown): string {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean' || typeof raw === 'bigint') return String(raw);
  return '';
}

/** Canonical status of any raw spelling; 'Unknown' when it is not one we know. */
export function normalizeStatus(raw: unknown): CanonicalStatus {
  const text = statusText(raw);
  if (text === '') return 'Unknown';
  return STATUS_SPELLINGS[foldStatus(text)] ?? 'Unknown';
}

/** Whether a status (canonical or any known raw spelling) is final. Unknown is never final. */
export function isFinalStatus(raw: unknown): boolean {
  return FINAL_STATUSES.includes(normalizeStatus(raw));
}

/** status, status_raw and final in one go, as OrderStatus carries them. */
export function readStatus(raw: unknown): { status: CanonicalStatus; status_raw: string; final: boolean } {
  const status = normalizeStatus(raw);
  return { status, status_raw: statusText(raw), final: FINAL_STATUSES.includes(status) };
}
