/** Optional persistence of the sandbox state to a SQLite file (node:sqlite), so a demo
 * survives a restart. Each store transaction is written in one SQLite transaction. */
import type { Account, Order, Refill } from './types';

export interface Snapshot {
  accounts: Account[];
  orders: Order[];
  refills: Refill[];
  meta: Record<string, string>;
}

export interface Changes {
  accounts: Account[];
  orders: Order[];
  refills: Refill[];
  meta: Record<string, string>;
}

export interface Persistence {
  load(): Snapshot;
  write(changes: Changes): void;
  clear(): void;
  close(): void;
}

type Db = {
  exec(sql: string): void;
  prepare(sql: string): { run(...a: unknown[]): unknown; all(...a: unknown[]): unknown[] };
  close(): void;
};

export function openSqlitePersistence(file: string): Persistence {
  // Loaded lazily: only a sandbox started with a state file needs node:sqlite.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { DatabaseSync } = require('node:sqlite') as { DatabaseSync: new (path: string) => Db };
  const db = new DatabaseSync(file);
  db.exec(`
    PRAGMA journal_mode = WAL;
    PRAGMA synchronous = NORMAL; -- WAL: commits survive a crash of the process, one fsync per checkpoint
    CREATE TABLE IF NOT EXISTS accounts (id TEXT PRIMARY KEY, json TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS orders (id INTEGER PRIMARY KEY, json TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS refills (id INTEGER PRIMARY KEY, json TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
  `);
  const put = {
    accounts: db.prepare('INSERT OR REPLACE INTO accounts (id, json) VALUES (?, ?)'),
    orders: db.prepare('INSERT OR REPLACE INTO orders (id, json) VALUES (?, ?)'),
    refills: db.prepare('INSERT OR REPLACE INTO refills (id, json) VALUES (?, ?)'),
    meta: db.prepare('INSERT OR REPLACE INTO meta (k, v) VALUES (?, ?)'),
  };
  const all = (table: string) => (db.prepare(`SELECT json FROM ${table} ORDER BY rowid`).all() as Array<{ json: string }>).map((r) => JSON.parse(r.json));
  return {
    load() {
      const meta: Record<string, string> = {};
      for (const r of db.prepare('SELECT k, v FROM meta').all() as Array<{ k: string; v: string }>) meta[r.k] = r.v;
      return { accounts: all('accounts'), orders: all('orders'), refills: all('refills'), meta };
    },
    write(c) {
      db.exec('BEGIN IMMEDIATE');
      try {
        for (const a of c.accounts) put.accounts.run(a.id, JSON.stringify(a));
        for (const o of c.orders) put.orders.run(o.id, JSON.stringify(o));
        for (const r of c.refills) put.refills.run(r.id, JSON.stringify(r));
        for (const [k, v] of Object.entries(c.meta)) put.meta.run(k, v);
        db.exec('COMMIT');
      } catch (err) {
        db.exec('ROLLBACK');
        throw err;
      }
    },
    clear() {
      db.exec('DELETE FROM accounts; DELETE FROM orders; DELETE FROM refills; DELETE FROM meta;');
    },
    close() {
      db.close();
    },
  };
}
