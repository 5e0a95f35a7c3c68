/** How orders and refills move on the simulated clock.
 *
 * An order is Pending until `startAt` (created + the service's start delay), then In progress
 * while its delivery segments run at the service speed, then final:
 *   complete → Completed (Custom Comments Package: what the posts got; rest refunded)
 *   partial  → Partial after delivering `target` units; the rest refunded pro rata
 *   cancel   → Canceled at `startAt`, fully refunded
 *   fail     → Failed at `startAt`, fully refunded
 * Every status change is reported to `onChange` (webhooks). */
import { add, compare, proRata, sub } from './money';
import type { OrderTypeRule, Placement } from './orderTypes';
import type { Store, Tx } from './store';
import { FINAL_STATUSES, type Account, type Order, type OrderStatusName, type Outcome, type Refill, type Segment, type ServiceDef } from './types';

export const DEFAULT_SPEED_PER_MIN = 1000;
export const DEFAULT_START_DELAY_MS = 60_000;
export const REFILL_START_MS = 30_000;
export const REFILL_DURATION_MS = 60_000;

/** Outcome by rule: a link/username ending in one of these markers ends that way. */
export const OUTCOME_MARKERS: ReadonlyArray<[string, Outcome]> = [
  ['#partial', 'partial'],
  ['#cancel', 'cancel'],
  ['#fail', 'fail'],
];

export type ChangeListener = (order: Order, status: OrderStatusName) => void;

export function outcomeFromFields(fields: Record<string, string>): Outcome {
  const target = fields.link ?? fields.username ?? '';
  for (const [marker, outcome] of OUTCOME_MARKERS) if (target.endsWith(marker)) return outcome;
  return 'complete';
}

function startCountFor(id: number): number {
  return 100 + ((id * 7919) % 9900);
}

/** The plan cut so it sums to at most the order's target. */
function segmentsOf(order: Order): Segment[] {
  const out: Segment[] = [];
  let left = order.target;
  for (const s of order.plan) {
    if (left <= 0) break;
    const amount = Math.min(s.amount, left);
    out.push({ at: s.at, amount });
    left -= amount;
  }
  return out;
}

const plannedOf = (order: Order) => order.plan.reduce((n, s) => n + s.amount, 0);

export function deliveredAt(order: Order, t: number): number {
  let sum = 0;
  for (const s of segmentsOf(order)) {
    if (t <= s.at) continue;
    sum += Math.min(s.amount, Math.floor(((t - s.at) * order.speedPerMin) / 60_000));
  }
  return Math.min(sum, order.target);
}

/** When the last unit of the target is delivered. */
export function endAt(order: Order): number {
  let end = order.startAt;
  for (const s of segmentsOf(order)) end = Math.max(end, s.at + Math.ceil((s.amount * 60_000) / order.speedPerMin));
  return end;
}

export function remainsOf(order: Order): number {
  return order.status === 'Completed' ? 0 : order.quantity - order.delivered;
}

export function netCharge(order: Order): string {
  return sub(order.charge, order.refunded);
}

const STATUS_FOR: Record<Outcome, OrderStatusName> = { complete: 'Completed', partial: 'Partial', cancel: 'Canceled', fail: 'Failed' };

export class Simulator {
  constructor(private readonly store: Store, private readonly onChange: ChangeListener) {}

  /** Create an order and take its charge, inside the caller's transaction (funds checked by the caller). */
  place(tx: Tx, account: Account, service: ServiceDef, rule: OrderTypeRule, placement: Placement, charge: string, now: number): Order {
    const outcome = outcomeFromFields(placement.fields);
    const id = this.store.nextOrderId++;
    const startAt = now + (service.startDelayMs ?? DEFAULT_START_DELAY_MS);
    const planned = placement.bursts.reduce((n, b) => n + b.amount, 0);
    const target = outcome === 'partial' ? Math.floor(planned / 2) : outcome === 'complete' ? planned : 0;
    tx.account(account).balance = sub(account.balance, charge);
    return tx.newOrder({
      id,
      accountId: account.id,
      service: service.service,
      type: rule.type,
      fields: placement.fields,
      quantity: placement.quantity,
      charge,
      refunded: '0',
      currency: account.currency,
      status: 'Pending',
      startCount: 0,
      delivered: 0,
      createdAt: now,
      startAt,
      finishedAt: null,
      outcome,
      target,
      plan: placement.bursts.map((b) => ({ at: startAt + b.offsetMs, amount: b.amount })),
      speedPerMin: service.speedPerMin ?? DEFAULT_SPEED_PER_MIN,
    });
  }

  /** Move every active order and refill to time `t`. */
  settle(t: number): void {
    for (const id of [...this.store.activeOrders]) {
      const order = this.store.orders.get(id);
      if (order) this.settleOrder(order, t);
    }
    for (const id of [...this.store.activeRefills]) {
      const refill = this.store.refills.get(id);
      if (refill) this.settleRefill(refill, t);
    }
  }

  settleOrder(order: Order, t: number): void {
    while (order.finishedAt === null) {
      if (order.status === 'Pending' && t >= order.startAt) {
        if (order.outcome === 'cancel' || order.outcome === 'fail') {
          this.finish(order, order.startAt, order.outcome === 'cancel' ? 'Canceled' : 'Failed', 0);
        } else {
          this.store.transact((tx) => {
            tx.order(order).status = 'In progress';
            order.startCount = startCountFor(order.id);
          });
          this.onChange(order, 'In progress');
        }
      } else if (order.status === 'In progress' && t >= endAt(order)) {
        this.finish(order, endAt(order), order.outcome === 'partial' ? 'Partial' : 'Completed', order.target);
      } else {
        break;
      }
    }
    if (order.status === 'In progress') order.delivered = deliveredAt(order, t);
  }

  /** Make an order final now: refund what was not delivered (pro rata), in one transaction. */
  finish(order: Order, at: number, status: OrderStatusName, delivered: number, alsoChange?: (o: Order) => void): void {
    const account = this.store.accounts.get(order.accountId);
    this.store.transact((tx) => {
      tx.order(order);
      alsoChange?.(order);
      const undelivered = order.quantity - delivered;
      const refund = undelivered > 0 ? proRata(order.charge, undelivered, order.quantity) : '0';
      if (compare(refund, '0') > 0 && account) {
        tx.account(account).balance = add(account.balance, refund);
        order.refunded = add(order.refunded, refund);
      }
      if (order.startCount === 0 && status !== 'Canceled' && status !== 'Failed') order.startCount = startCountFor(order.id);
      order.delivered = delivered;
      order.status = status;
      order.finishedAt = at;
    });
    this.onChange(order, status);
  }

  /** Cancel through the API: nothing delivered → Canceled, something delivered → Partial. */
  cancel(order: Order, t: number): void {
    this.settleOrder(order, t);
    if (FINAL_STATUSES.has(order.status)) return;
    this.finish(order, t, order.delivered > 0 ? 'Partial' : 'Canceled', order.delivered);
  }

  /** Admin: end an order the given way, now (`delivered` for partial: default half the plan). */
  forceOutcome(order: Order, outcome: Outcome, t: number, delivered?: number): void {
    this.settleOrder(order, t);
    if (order.finishedAt !== null) throw new Error(`order ${order.id} is already final (${order.status})`);
    if (order.status === 'Pending' && (outcome === 'complete' || outcome === 'partial')) {
      this.store.transact((tx) => {
        tx.order(order).status = 'In progress';
        order.startCount = startCountFor(order.id);
      });
      this.onChange(order, 'In progress');
    }
    const planned = plannedOf(order);
    const amount: Record<Outcome, number> = {
      complete: planned,
      partial: this.partialAmount(order, delivered),
      cancel: order.delivered,
      fail: 0,
    };
    const status: OrderStatusName = outcome === 'cancel' && order.delivered > 0 ? 'Partial' : STATUS_FOR[outcome];
    this.finish(order, t, status, amount[outcome], (o) => {
      o.outcome = outcome;
      o.target = amount[outcome];
    });
  }

  /** Admin: plan an outcome to be reached through the clock instead of now. */
  planOutcome(order: Order, outcome: Outcome, t: number, delivered?: number): void {
    this.settleOrder(order, t);
    if (order.finishedAt !== null) throw new Error(`order ${order.id} is already final (${order.status})`);
    if ((outcome === 'cancel' || outcome === 'fail') && order.status !== 'Pending') {
      throw new Error(`order ${order.id} is already In progress: ${outcome} it immediately instead`);
    }
    this.store.transact((tx) => {
      tx.order(order).outcome = outcome;
      order.target = outcome === 'complete' ? plannedOf(order) : outcome === 'partial' ? this.partialAmount(order, delivered) : 0;
    });
  }

  private partialAmount(order: Order, delivered?: number): number {
    const upper = Math.min(plannedOf(order), order.quantity - 1);
    return Math.max(order.delivered, Math.min(upper, delivered ?? Math.floor(plannedOf(order) / 2)));
  }

  placeRefill(tx: Tx, order: Order, now: number): Refill {
    return tx.newRefill({
      id: this.store.nextRefillId++,
      orderId: order.id,
      accountId: order.accountId,
      status: 'Pending',
      createdAt: now,
      startAt: now + REFILL_START_MS,
      endAt: now + REFILL_START_MS + REFILL_DURATION_MS,
    });
  }

  settleRefill(refill: Refill, t: number): void {
    const status = t >= refill.endAt ? 'Completed' : t >= refill.startAt ? 'In progress' : 'Pending';
    if (status !== refill.status) this.store.transact((tx) => { tx.refill(refill).status = status; });
  }
}
