/** refill: `order` → {"refill":"1"}; `orders` (no cap, like cancel) → [{order, refill: id | {error}}].
 * A refill is possible for a Completed or Partial order of a service with refill enabled. */
import { ApiError, MESSAGES } from '../errors';
import type { Panel } from '../panel';
import type { Account } from '../types';
import { echoId, idList, type ActionHandler } from './context';

type Attempt = { refill: number } | { error: string; status: number };

function tryRefill(panel: Panel, account: Account, id: string, now: number): Attempt {
  const order = panel.ownOrder(account, id);
  if (!order) return { error: MESSAGES.incorrectOrder, status: 404 };
  const service = panel.service(order.service);
  if (!service?.refill || (order.status !== 'Completed' && order.status !== 'Partial')) {
    return { error: MESSAGES.refillUnavailable, status: 200 };
  }
  const refill = panel.store.transact((tx) => panel.sim.placeRefill(tx, order, now));
  return { refill: refill.id };
}

export const refill: ActionHandler = (ctx) => {
  const { panel, account, now, params } = ctx;
  if (!(params.order ?? '').trim() && (params.orders ?? '').trim()) {
    return idList(ctx, 'orders').map((id) => {
      const r = tryRefill(panel, account, id, now);
      return { order: echoId(id), refill: 'refill' in r ? r.refill : { error: r.error } };
    });
  }
  const id = (params.order ?? '').trim();
  if (!id) throw new ApiError(400, MESSAGES.missingField('order'));
  ctx.note.order = id;
  const r = tryRefill(panel, account, id, now);
  if ('refill' in r) return { refill: String(r.refill) };
  if (r.status !== 200) throw new ApiError(r.status, r.error);
  return { error: r.error };
};
