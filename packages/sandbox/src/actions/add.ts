/** add: validate by the service's type, check funds, then charge and create the order in one
 * transaction. */
import { ApiError, MESSAGES } from '../errors';
import { chargeFor, compare } from '../money';
import { ORDER_TYPE_RULES } from '../orderTypes';
import { required, type ActionHandler } from './context';

export const add: ActionHandler = (ctx) => {
  const { panel, account, params, now } = ctx;
  const rawService = required(ctx, 'service');
  const service = /^\d+$/.test(rawService) ? panel.service(Number(rawService)) : undefined;
  if (!service) throw new ApiError(404, MESSAGES.incorrectService);
  const rule = ORDER_TYPE_RULES[service.type];
  const placement = rule.place(params, service);
  const charge = chargeFor(service.rate, placement.quantity);
  if (compare(account.balance, charge) < 0) throw new ApiError(402, MESSAGES.notEnoughFunds);
  const order = panel.store.transact((tx) => panel.sim.place(tx, account, service, rule, placement, charge, now));
  ctx.note.created = order.id;
  panel.sim.settleOrder(order, now); // a service without start delay starts at once
  return { order: order.id };
};
