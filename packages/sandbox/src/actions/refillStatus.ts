/** refill_status: `refill` → {"status": …}; `refills` (≤100) → [{refill, status: … | {error}}]. */
import { ApiError, MESSAGES } from '../errors';
import { MAX_IDS, echoId, idList, type ActionContext, type ActionHandler } from './context';

function find(ctx: ActionContext, raw: string) {
  if (!/^\d+$/.test(raw)) return undefined;
  const r = ctx.panel.store.refills.get(Number(raw));
  if (!r || r.accountId !== ctx.account.id) return undefined;
  ctx.panel.sim.settleRefill(r, ctx.now);
  return r;
}

export const refillStatus: ActionHandler = (ctx) => {
  const { params } = ctx;
  if (!(params.refill ?? '').trim() && (params.refills ?? '').trim()) {
    return idList(ctx, 'refills', MAX_IDS).map((id) => {
      const r = find(ctx, id);
      return { refill: echoId(id), status: r ? r.status : { error: MESSAGES.refillNotFound } };
    });
  }
  const id = (params.refill ?? '').trim();
  if (!id) throw new ApiError(400, MESSAGES.missingField('refill'));
  ctx.note.order = id;
  const r = find(ctx, id);
  if (!r) throw new ApiError(404, MESSAGES.refillNotFound);
  return { status: r.status };
};
