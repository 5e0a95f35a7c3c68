/** The "only these statuses" input shared by both order-status triggers. */
import { CANONICAL_STATUSES } from '@panel/core';
import type { InputField } from 'zapier-platform-core';

export const STATUS_FILTER_FIELD: InputField = {
  key: 'statuses',
  label: 'Only These Statuses',
  list: true,
  required: false,
  choices: CANONICAL_STATUSES.map((s) => ({ value: s, sample: s, label: s })),
  helpText: 'Trigger only when an order reaches one of these statuses (Done counts as Completed, Cancelled as Canceled). Leave empty for every change.',
};

/** A predicate over canonical statuses; an empty choice lets everything through. */
export function statusFilter(chosen: unknown): (status: string) => boolean {
  const list = (Array.isArray(chosen) ? chosen : chosen ? [chosen] : []).map((s) => String(s).trim()).filter(Boolean);
  if (list.length === 0) return () => true;
  const wanted = new Set(list.map((s) => s.toLowerCase()));
  return (status) => wanted.has(status.toLowerCase());
}
