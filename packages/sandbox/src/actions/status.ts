/** status: one `order` → its status; the `orders` spelling answers like multiStatus (the
 * dialect most Panels of this family speak). */
import { ApiError, MESSAGES } from '../errors';
import { required, type ActionHandler } from './context';
import { multiStatus } from './multiStatus';

export const status: ActionHandler = (ctx) => {
  if (!(ctx.params.order ?? '').trim() && (ctx.params.orders ?? '').trim()) return multiStatus(ctx);
  const id = required(ctx, 'order');
  ctx.note.order = id;
  const order = ctx.panel.ownOrder(ctx.account, id);
  if (!order) throw new ApiError(404, MESSAGES.incorrectOrder);
  return ctx.panel.statusBody(order);
};
