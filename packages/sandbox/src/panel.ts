/** The Panel's state and rules, independent of HTTP: catalog, accounts, orders, the simulated
 * clock and webhooks. The API handler and the admin interface both drive this. */
import { DEFAULT_CATALOG } from './catalog/defaultCatalog';
import { generateCatalog } from './catalog/generate';
import type { Clock } from './clock';
import { DIALECTS, writeFlag, type DialectOptions } from './dialect';
import { ORDER_TYPE_NAMES, type Account, type Order, type OrderStatusName, type ServiceDef } from './types';
import { Simulator, netCharge, remainsOf } from './simulator';
import type { Store } from './store';
import type { WebhookDispatcher } from './webhooks';

export type CatalogOption = 'default' | { size: number } | ServiceDef[];

export function resolveCatalog(option: CatalogOption | undefined): ServiceDef[] {
  if (option === undefined || option === 'default') return DEFAULT_CATALOG.map((s) => ({ ...s }));
  if (Array.isArray(option)) return option.map(checkService);
  return generateCatalog(option.size);
}

function checkService(s: ServiceDef): ServiceDef {
  const where = `catalog service ${JSON.stringify(s?.service)}`;
  if (!Number.isSafeInteger(s.service) || s.service < 1) throw new Error(`${where}: service must be a positive integer`);
  if (!ORDER_TYPE_NAMES.includes(s.type)) throw new Error(`${where}: type must be one of ${ORDER_TYPE_NAMES.join(', ')}`);
  if (!/^\d+(\.\d+)?$/.test(s.rate)) throw new Error(`${where}: rate must be a decimal string`);
  if (!(Number.isSafeInteger(s.min) && Number.isSafeInteger(s.max) && s.min >= 1 && s.min <= s.max)) throw new Error(`${where}: need integers 1 ≤ min ≤ max`);
  return { ...s };
}

/** The `services` entry: every spec field as a string, plus extras (documented in the README), in the dialect's spelling. */
export function renderService(s: ServiceDef, d: DialectOptions = DIALECTS.spec): Record<string, unknown> {
  const out: Record<string, unknown> = {
    service: String(s.service),
    name: s.name,
    type: s.type,
    rate: d.money === 'number' ? Number(s.rate) : s.rate,
    min: String(s.min),
    max: String(s.max),
    category: s.category,
  };
  if (s.type === 'Package') out.quantity = String(s.quantity ?? s.min);
  if (d.catalogFlags !== 'none') {
    out.refill = writeFlag(d, s.refill ?? false);
    out.cancel = writeFlag(d, s.cancel ?? true);
    out.dripfeed = writeFlag(d, s.dripfeed ?? false);
  }
  if (d.catalogDesc) out.desc = `${s.name}: ${s.type} service, ${s.min}–${s.max} per order.`;
  return out;
}

/** The admin/programmatic view of an order (snake_case like the API). */
export interface OrderView {
  order: number;
  account: string;
  service: number;
  type: string;
  status: OrderStatusName;
  quantity: number;
  delivered: number;
  remains: number;
  start_count: number;
  charge: string;       // billed
  refunded: string;
  net_charge: string;   // what `status` shows as charge
  currency: string;
  outcome: string;
  fields: Record<string, string>;
  created_at: number;
  finished_at: number | null;
}

export class Panel {
  services: ServiceDef[];
  private byId = new Map<number, ServiceDef>();
  private servicesJson: string | null = null;
  readonly sim: Simulator;
  /** How the API answers (see dialect.ts); the spec unless set. */
  private dialectKnobs: DialectOptions = { ...DIALECTS.spec };

  constructor(
    readonly store: Store,
    readonly clock: Clock,
    readonly webhooks: WebhookDispatcher,
    catalog: ServiceDef[],
    readonly statusSpelling: Partial<Record<OrderStatusName, string>> = {},
  ) {
    this.services = catalog;
    this.setCatalog(catalog);
    this.sim = new Simulator(store, (order, status) => this.changed(order, status));
  }

  setCatalog(catalog: ServiceDef[]): void {
    this.services = catalog;
    this.byId = new Map(catalog.map((s) => [s.service, s]));
    this.servicesJson = null;
  }

  get dialect(): DialectOptions {
    return this.dialectKnobs;
  }

  setDialect(d: DialectOptions): void {
    this.dialectKnobs = { ...d };
    this.servicesJson = null;
  }

  service(id: number): ServiceDef | undefined {
    return this.byId.get(id);
  }

  /** The `services` body, built once per catalog (a 20 000-service catalog is big). */
  servicesBody(): string {
    return (this.servicesJson ??= JSON.stringify(this.services.map((s) => renderService(s, this.dialectKnobs))));
  }

  spell(status: OrderStatusName): string {
    return this.statusSpelling[status] ?? status;
  }

  private settledAt = Number.NaN;

  /** Bring every order and refill to the clock's now (on each step / tick, and for `balance`).
   * Requests about particular orders settle just those (`ownOrder`), so a request costs the
   * same with 10 or 100 000 active orders. */
  settle(): void {
    const now = this.clock.now();
    if (now === this.settledAt) return;
    this.settledAt = now;
    this.sim.settle(now);
  }

  accountOf(order: Order): Account | undefined {
    return this.store.accounts.get(order.accountId);
  }

  /** An order of this account, or undefined (another account's order is "incorrect" too). */
  ownOrder(account: Account, rawId: string): Order | undefined {
    if (!/^\d+$/.test(rawId.trim())) return undefined;
    const order = this.store.orders.get(Number(rawId.trim()));
    if (!order || order.accountId !== account.id) return undefined;
    this.sim.settleOrder(order, this.clock.now());
    return order;
  }

  statusBody(order: Order): Record<string, string> {
    return {
      charge: netCharge(order),
      start_count: String(order.startCount),
      status: this.spell(order.status),
      remains: String(remainsOf(order)),
      currency: order.currency,
    };
  }

  view(order: Order): OrderView {
    return {
      order: order.id,
      account: order.accountId,
      service: order.service,
      type: order.type,
      status: order.status,
      quantity: order.quantity,
      delivered: order.delivered,
      remains: remainsOf(order),
      start_count: order.startCount,
      charge: order.charge,
      refunded: order.refunded,
      net_charge: netCharge(order),
      currency: order.currency,
      outcome: order.outcome,
      fields: { ...order.fields },
      created_at: order.createdAt,
      finished_at: order.finishedAt,
    };
  }

  private changed(order: Order, status: OrderStatusName): void {
    const account = this.accountOf(order);
    if (!account) return;
    this.webhooks.enqueue(account, order, this.spell(status), {
      remains: remainsOf(order),
      start_count: order.startCount,
      charge: netCharge(order),
    });
  }
}
