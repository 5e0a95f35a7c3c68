/** The sandbox's state: accounts, orders, refills. Every change goes through `transact`, which
 * applies it to memory and to the persistence file as one unit, or not at all — no order
 * without its charge, no charge without its order. */
import type { Changes, Persistence } from './persistence';
import type { Account, AccountInput, Order, Refill } from './types';
import { normalize } from './money';

export interface Tx {
  account(a: Account): Account;   // mark as changed (snapshot first) and return it
  newAccount(a: Account): Account;
  order(o: Order): Order;
  newOrder(o: Order): Order;
  refill(r: Refill): Refill;
  newRefill(r: Refill): Refill;
}

const clone = <T>(v: T): T => structuredClone(v);

export class Store {
  readonly accounts = new Map<string, Account>();
  private readonly byKey = new Map<string, Account>();
  readonly orders = new Map<number, Order>();
  readonly refills = new Map<number, Refill>();
  /** Orders / refills not final yet: the simulator's work list. */
  readonly activeOrders = new Set<number>();
  readonly activeRefills = new Set<number>();
  nextOrderId = 1;
  nextRefillId = 1;
  private nextAccount = 1;
  meta: Record<string, string> = {};

  constructor(private readonly persistence?: Persistence) {}

  /** Load the persisted state; false when there was none. */
  load(): boolean {
    if (!this.persistence) return false;
    const snap = this.persistence.load();
    if (snap.accounts.length === 0) return false;
    for (const a of snap.accounts) this.putAccount(a);
    for (const o of snap.orders) this.putOrder(o);
    for (const r of snap.refills) this.putRefill(r);
    this.meta = snap.meta;
    this.nextOrderId = snap.orders.reduce((n, o) => Math.max(n, o.id + 1), 1);
    this.nextRefillId = snap.refills.reduce((n, r) => Math.max(n, r.id + 1), 1);
    this.nextAccount = snap.accounts.length + 1;
    return true;
  }

  accountByKey(key: string): Account | undefined {
    return this.byKey.get(key);
  }

  addAccount(input: AccountInput): Account {
    const existing = this.byKey.get(input.key);
    return this.transact((tx) => {
      const a = existing
        ? tx.account(existing)
        : tx.newAccount({ id: `acct_${this.nextAccount++}`, key: input.key, balance: '0.00', currency: 'USD', webhooks: [] });
      if (input.balance !== undefined) a.balance = normalize(input.balance);
      if (input.currency !== undefined) a.currency = input.currency;
      return a;
    });
  }

  private putAccount(a: Account): void {
    this.accounts.set(a.id, a);
    this.byKey.set(a.key, a);
  }

  private putOrder(o: Order): void {
    this.orders.set(o.id, o);
    if (o.finishedAt === null) this.activeOrders.add(o.id);
    else this.activeOrders.delete(o.id);
  }

  private putRefill(r: Refill): void {
    this.refills.set(r.id, r);
    if (r.status === 'Completed' || r.status === 'Rejected') this.activeRefills.delete(r.id);
    else this.activeRefills.add(r.id);
  }

  /** Run `fn` as one atomic change: on any throw (in `fn` or while persisting) memory is restored. */
  transact<T>(fn: (tx: Tx) => T): T {
    const undo: Array<() => void> = [];
    const seen = new Set<object>();
    const changes: Changes = { accounts: [], orders: [], refills: [], meta: {} };
    const ids = [this.nextOrderId, this.nextRefillId];
    undo.push(() => { [this.nextOrderId, this.nextRefillId] = ids as [number, number]; });
    const snapshot = <E extends object>(e: E, list: E[], restore: (old: E) => void): E => {
      if (!seen.has(e)) {
        seen.add(e);
        const old = clone(e);
        undo.push(() => restore(old));
        list.push(e);
      }
      return e;
    };
    const tx: Tx = {
      account: (a) => snapshot(a, changes.accounts, (old) => Object.assign(a, old)),
      order: (o) => snapshot(o, changes.orders, (old) => { Object.assign(o, old); this.putOrder(o); }),
      refill: (r) => snapshot(r, changes.refills, (old) => { Object.assign(r, old); this.putRefill(r); }),
      newAccount: (a) => {
        seen.add(a);
        changes.accounts.push(a);
        undo.push(() => { this.accounts.delete(a.id); this.byKey.delete(a.key); });
        this.putAccount(a);
        return a;
      },
      newOrder: (o) => {
        seen.add(o);
        changes.orders.push(o);
        undo.push(() => { this.orders.delete(o.id); this.activeOrders.delete(o.id); });
        this.putOrder(o);
        return o;
      },
      newRefill: (r) => {
        seen.add(r);
        changes.refills.push(r);
        undo.push(() => { this.refills.delete(r.id); this.activeRefills.delete(r.id); });
        this.putRefill(r);
        return r;
      },
    };
    try {
      const result = fn(tx);
      for (const o of changes.orders) this.putOrder(o);
      for (const r of changes.refills) this.putRefill(r);
      changes.meta.nextOrderId = String(this.nextOrderId);
      Object.assign(changes.meta, this.meta);
      this.persistence?.write(changes);
      return result;
    } catch (err) {
      for (const u of undo.reverse()) u();
      throw err;
    }
  }

  /** Persist meta values (e.g. the simulated clock) outside an entity change. */
  saveMeta(values: Record<string, string>): void {
    Object.assign(this.meta, values);
    this.persistence?.write({ accounts: [], orders: [], refills: [], meta: values });
  }

  clear(): void {
    this.accounts.clear();
    this.byKey.clear();
    this.orders.clear();
    this.refills.clear();
    this.activeOrders.clear();
    this.activeRefills.clear();
    this.nextOrderId = 1;
    this.nextRefillId = 1;
    this.nextAccount = 1;
    this.meta = {};
    this.persistence?.clear();
  }

  close(): void {
    this.persistence?.close();
  }
}
