/** cancel: `orders` = ids → per-order results in input order (the spec sets no cap here). */
import { MESSAGES } from '../errors';
import { FINAL_STATUSES } from '../types';
import { echoId, idList, type ActionHandler } from './context';

export const cancel: ActionHandler = (ctx) => {
  const { panel, account, now } = ctx;
  return idList(ctx, 'orders').map((id) => {
    const order = panel.ownOrder(account, id);
    if (!order) return { order: echoId(id), error: MESSAGES.incorrectOrder };
    const service = panel.service(order.service);
    if (service && service.cancel === false) return { order: order.id, error: MESSAGES.cancelUnavailable };
    panel.sim.settleOrder(order, now);
    if (FINAL_STATUSES.has(order.status)) return { order: order.id, error: MESSAGES.cannotCancel };
    panel.sim.cancel(order, now);
    return { order: order.id, cancel: { status: 'success' } };
  });
};
