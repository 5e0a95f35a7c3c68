import type { Panel } from '../panel';
import type { Account, RequestLogEntry } from '../types';
import { ApiError, MESSAGES } from '../errors';

export interface ActionContext {
  params: Record<string, string>;
  account: Account;
  panel: Panel;
  now: number;
  /** What the request log should record about this call (order ids, created order). */
  note: Pick<RequestLogEntry, 'order' | 'ids' | 'created'>;
}

/** Returns the JSON value to send with HTTP 200; throws ApiError for the others. */
export type ActionHandler = (ctx: ActionContext) => unknown;

export const MAX_IDS = 100;

export function required(ctx: ActionContext, name: string): string {
  const v = (ctx.params[name] ?? '').trim();
  if (!v) throw new ApiError(400, MESSAGES.missingField(name));
  return v;
}

/** A comma list of ids (`orders`, `refills`), at most `max` when given. */
export function idList(ctx: ActionContext, name: string, max?: number): string[] {
  const ids = required(ctx, name).split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) throw new ApiError(400, MESSAGES.missingField(name));
  if (max !== undefined && ids.length > max) throw new ApiError(400, MESSAGES.tooMany(name, max));
  ctx.note.ids = ids;
  return ids;
}

/** Ids are echoed as numbers when numeric, as the spec's examples do. */
export const echoId = (raw: string): number | string => (/^\d+$/.test(raw) && Number.isSafeInteger(Number(raw)) ? Number(raw) : raw);
