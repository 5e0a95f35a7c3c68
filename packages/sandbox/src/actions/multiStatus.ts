/** multiStatus: `orders` = up to 100 ids → object keyed by id; a bad id is a per-id error. */
import { MESSAGES } from '../errors';
import { MAX_IDS, idList, type ActionHandler } from './context';

export const multiStatus: ActionHandler = (ctx) => {
  const out: Record<string, unknown> = {};
  for (const id of idList(ctx, 'orders', MAX_IDS)) {
    const order = ctx.panel.ownOrder(ctx.account, id);
    out[id] = order ? ctx.panel.statusBody(order) : { error: MESSAGES.incorrectOrder };
  }
  return out;
};
