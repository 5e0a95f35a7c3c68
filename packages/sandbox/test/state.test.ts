/** State: persisted to a SQLite file across restarts; every change atomic. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sandbox, MIN } from './helpers';
import type { Changes, Persistence, Snapshot } from '../src';

describe('stateFile', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'panel-sandbox-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('survives a restart: accounts, balances, orders, refills, the clock, webhooks', async () => {
    const file = join(dir, 'state.sqlite');
    const first = await sandbox({ stateFile: file });
    const a = (await first.api('add', { service: 1, link: 'https://x.y/a', quantity: 1000 })).json.order;
    const b = (await first.api('add', { service: 1, link: 'https://x.y/b', quantity: 100 })).json.order;
    first.sb.setWebhook(first.sb.key, { url: 'http://127.0.0.1:9/hook' });
    await first.sb.advance(MIN + 30_000); // a: 500 of 1000, b: done
    const refill = (await first.api('refill', { order: b })).json.refill;
    const now = first.sb.now();
    const balance = first.sb.balance().balance;
    await first.sb.stop();

    const second = await sandbox({ stateFile: file });
    try {
      expect(second.sb.now()).toBe(now);
      expect(second.sb.balance().balance).toBe(balance);
      expect((await second.api('status', { order: b })).json.status).toBe('Completed');
      expect((await second.api('status', { order: a })).json).toMatchObject({ status: 'In progress', remains: '500' });
      expect((await second.api('refill_status', { refill })).json).toEqual({ status: 'Pending' });
      expect(second.sb.accounts()[0]!.webhooks).toEqual([{ url: 'http://127.0.0.1:9/hook', token_in: null, hmac: false }]);
      const c = (await second.api('add', { service: 1, link: 'https://x.y/c', quantity: 100 })).json.order;
      expect(c).toBe(b + 1);
      await second.sb.advance(MIN);
      expect((await second.api('status', { order: a })).json.status).toBe('Completed');
    } finally {
      await second.sb.stop();
    }
  });
});

describe('atomicity', () => {
  /** In-memory persistence that can be told to fail the next write. */
  function flakyPersistence() {
    const saved: Changes[] = [];
    const p: Persistence & { failNext: boolean; saved: Changes[] } = {
      failNext: false,
      saved,
      load: (): Snapshot => ({ accounts: [], orders: [], refills: [], meta: {} }),
      write(c) {
        if (p.failNext) { p.failNext = false; throw new Error('disk full'); }
        saved.push(structuredClone(c));
      },
      clear() {},
      close() {},
    };
    return p;
  }

  it('writes an order and its charge in one write, and neither when the write fails', async () => {
    const persistence = flakyPersistence();
    const { sb, api } = await sandbox({ persistence });
    try {
      persistence.saved.length = 0;
      const ok = await api('add', { service: 1, link: 'https://x.y/a', quantity: 1000 });
      expect(ok.status).toBe(200);
      expect(persistence.saved).toHaveLength(1);
      expect(persistence.saved[0]!.orders.map((o) => o.id)).toEqual([ok.json.order]);
      expect(persistence.saved[0]!.accounts.map((a) => a.balance)).toEqual(['999.10']);

      persistence.failNext = true;
      const failed = await api('add', { service: 1, link: 'https://x.y/b', quantity: 1000 });
      expect(failed.status).toBe(500);
      expect(failed.json).toEqual({ error: 'Internal error' });
      expect(sb.orders().map((o) => o.order)).toEqual([ok.json.order]);
      expect(sb.balance().balance).toBe('999.10');
      expect((await api('status', { order: ok.json.order + 1 })).status).toBe(404);

      // a refund is atomic too: a failed write leaves the order unfinished and the balance as it was
      persistence.failNext = true;
      const cancel = await api('cancel', { orders: String(ok.json.order) });
      expect(cancel.status).toBe(500);
      expect(sb.order(ok.json.order)!.status).toBe('Pending');
      expect(sb.balance().balance).toBe('999.10');
      expect((await api('cancel', { orders: String(ok.json.order) })).json).toEqual([{ order: ok.json.order, cancel: { status: 'success' } }]);
      expect(sb.balance().balance).toBe('1000.00');
      // the failed add did not use up an order id
      expect((await api('add', { service: 1, link: 'https://x.y/c', quantity: 100 })).json.order).toBe(ok.json.order + 1);
    } finally {
      await sb.stop();
    }
  });
});

describe('concurrent orders against a small balance', () => {
  it('never overspends: every order has its charge, every charge its order', async () => {
    const { sb, api } = await sandbox({ accounts: [{ key: 'sandbox-small-key', balance: '0.95' }] });
    try {
      // 0.09 each: at most 10 fit into 0.95
      const replies = await Promise.all(Array.from({ length: 30 }, (_, i) => api('add', { service: 1, link: `https://x.y/${i}`, quantity: 100 }, 'sandbox-small-key')));
      const ok = replies.filter((r) => r.status === 200);
      expect(ok).toHaveLength(10);
      expect(replies.filter((r) => r.status === 402)).toHaveLength(20);
      expect(sb.orders()).toHaveLength(10);
      expect(sb.balance('sandbox-small-key').balance).toBe('0.05');
      expect(new Set(ok.map((r) => r.json.order)).size).toBe(10);
    } finally {
      await sb.stop();
    }
  });
});
