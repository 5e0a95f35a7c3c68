/** startSandbox: the Panel API on node:http, plus the programmatic/admin controls. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClock, type ClockOption } from './clock';
import { resolveDialect, type DialectOption, type DialectOptions } from './dialect';
import { FaultQueue, type FaultSpec } from './faults';
import { handleAdmin } from './http/adminHandler';
import { handleApi } from './http/apiHandler';
import { sendJson } from './http/io';
import { ORDER_TYPE_RULES, seedSubscription } from './orderTypes';
import { openSqlitePersistence, type Persistence } from './persistence';
import { Panel, resolveCatalog, type CatalogOption, type OrderView } from './panel';
import { RateLimiter, type RateLimitOptions } from './rateLimit';
import { RequestLog } from './requestLog';
import { Store } from './store';
import { chargeFor, compare } from './money';
import { ApiError, MESSAGES } from './errors';
import type { AccountInput, Delivery, OrderStatusName, Outcome, RequestLogEntry, ServiceDef, WebhookTarget } from './types';
import { WebhookDispatcher, type WebhookRetryOptions } from './webhooks';

export const DEFAULT_KEY = 'sandbox-demo-key';
export const DEFAULT_ACCOUNT: Required<AccountInput> = { key: DEFAULT_KEY, balance: '1000.00', currency: 'USD' };
export const API_PATH = '/api/v2';
export const ADMIN_PATH = '/_sandbox';

export interface SandboxOptions {
  port?: number;                 // default 0 (any free port)
  host?: string;                 // default 127.0.0.1
  admin?: boolean;               // admin interface under /_sandbox (default false)
  clock?: ClockOption;           // 'manual' (default) or { speed }
  accounts?: AccountInput[];     // default: [DEFAULT_ACCOUNT]
  catalog?: CatalogOption;       // 'default' | { size } | ServiceDef[]
  rateLimit?: RateLimitOptions | false; // default { limit: 1000, windowMs: 60000 }
  /** Webhook of the first account. */
  webhook?: WebhookTarget;
  webhookRetry?: WebhookRetryOptions;
  /** Spell statuses differently in `status` / webhooks, e.g. { Completed: 'Done' }. */
  statusSpelling?: Partial<Record<OrderStatusName, string>>;
  /** How the API answers: 'spec' (default), 'perfectpanel', or knobs (see dialect.ts and the README). */
  dialect?: DialectOption;
  /** Persist state to this SQLite file (node:sqlite); restored on the next start. */
  stateFile?: string;
  /** Your own persistence (tests of atomicity); overrides `stateFile`. */
  persistence?: Persistence;
  faultSeed?: number;
  /** Speed clock: how often (real ms) orders move and webhooks fire (default 200). */
  tickMs?: number;
  requestLogLimit?: number;
}

export interface AccountView {
  id: string;
  key_hint: string;
  balance: string;
  currency: string;
  webhooks: Array<{ url: string; token_in: 'query' | 'header' | null; hmac: boolean }>;
}

export interface SeedOrderInput { key: string; service: number; outcome?: Outcome; [field: string]: unknown }

export interface Sandbox {
  readonly apiUrl: string;
  readonly adminUrl: string | undefined;
  readonly url: string;
  readonly port: number;
  readonly key: string;
  now(): number;
  advance(ms: number): Promise<void>;
  requests(filter?: { since?: number; action?: string }): RequestLogEntry[];
  clearRequests(): void;
  /** Seq of the latest request-log entry (0 if none yet): pass it as `since` later. */
  lastRequestSeq(): number;
  orders(): OrderView[];
  order(id: number): OrderView | undefined;
  balance(key?: string): { balance: string; currency: string };
  addAccount(account: AccountInput): { id: string; balance: string; currency: string };
  /** Accounts with balances; keys masked, webhook secrets left out. */
  accounts(): AccountView[];
  deliveries(): Delivery[];
  webhooksIdle(): Promise<void>;
  fault(spec: FaultSpec | FaultSpec[]): void;
  faults(): FaultSpec[];
  clearFaults(): void;
  setWebhook(key: string, target: WebhookTarget | WebhookTarget[] | null): void;
  setOutcome(orderId: number, outcome: Outcome, opts?: { delivered?: number; immediate?: boolean }): Promise<OrderView>;
  seedOrder(input: SeedOrderInput): OrderView;
  setCatalog(catalog: CatalogOption): void;
  catalog(): ServiceDef[];
  /** Switch the API's dialect (takes effect on the next request); returns the knobs in use. */
  setDialect(dialect: DialectOption): DialectOptions;
  dialect(): DialectOptions;
  reset(): void;
  stop(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1';
  const clockOption = options.clock ?? 'manual';
  const accounts = options.accounts && options.accounts.length > 0 ? options.accounts : [DEFAULT_ACCOUNT];
  const store = new Store(options.persistence ?? (options.stateFile ? openSqlitePersistence(options.stateFile) : undefined));
  const restored = store.load();
  const start = restored && store.meta.simNow ? Number(store.meta.simNow) : Date.now();
  const clock = createClock(clockOption, start);
  const webhooks = new WebhookDispatcher(() => clock.now(), options.webhookRetry);
  const panel = new Panel(store, clock, webhooks, resolveCatalog(options.catalog), options.statusSpelling);
  panel.setDialect(resolveDialect(options.dialect));
  const log = new RequestLog(options.requestLogLimit);
  const faults = new FaultQueue(options.faultSeed);
  const rateLimiter = options.rateLimit === false ? null : new RateLimiter(options.rateLimit ?? { limit: 1000, windowMs: 60_000 });

  const seedAccounts = () => {
    accounts.forEach((a, i) => {
      if (!store.accountByKey(a.key)) store.addAccount({ currency: 'USD', balance: '0.00', ...a });
      if (i === 0 && options.webhook) setWebhook(a.key, options.webhook);
    });
  };
  const accountFor = (key: string) => {
    const a = store.accountByKey(key);
    if (!a) throw new Error('no sandbox account has that key');
    return a;
  };
  const setWebhook = (key: string, target: WebhookTarget | WebhookTarget[] | null) => {
    const list = target === null ? [] : Array.isArray(target) ? target : [target];
    for (const t of list) {
      if (!t || typeof t.url !== 'string' || !/^https?:\/\//.test(t.url) || !URL.canParse(t.url)) throw new Error('webhook url must be an http(s) URL');
      if (t.tokenIn !== undefined && t.tokenIn !== 'query' && t.tokenIn !== 'header') throw new Error("webhook tokenIn must be 'query' or 'header'");
    }
    const account = accountFor(key);
    store.transact((tx) => { tx.account(account).webhooks = list.map((t) => ({ ...t })); });
  };
  seedAccounts();

  const saveClock = () => { if (options.stateFile || options.persistence) store.saveMeta({ simNow: String(clock.now()) }); };
  const orderById = (id: number) => {
    const o = store.orders.get(id);
    if (!o) throw new Error(`no order ${id}`);
    return o;
  };

  const sandbox = {} as Sandbox;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const done = (p: Promise<void>) => p.catch(() => { if (!res.headersSent) sendJson(res, 500, { error: 'Internal error' }); else res.destroy(); });
    if (path === API_PATH || path === `${API_PATH}/`) return void done(handleApi(req, res, { panel, faults, rateLimiter, log }));
    if (options.admin && (path === ADMIN_PATH || path.startsWith(`${ADMIN_PATH}/`))) return void done(handleAdmin(req, res, sandbox));
    req.resume();
    sendJson(res, 404, { error: 'Not found' });
  });
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => { server.off('error', reject); resolve(); });
  });
  const port = (server.address() as AddressInfo).port;
  const base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  let ticker: NodeJS.Timeout | null = null;
  if (!clock.manual) {
    let lastSave = Date.now();
    ticker = setInterval(() => {
      try {
        panel.settle();
        if (Date.now() - lastSave > 5_000) { lastSave = Date.now(); saveClock(); }
      } catch {
        // A failed write (e.g. the state file) is retried on the next tick; nothing half-done stays.
      }
      void webhooks.pump();
    }, options.tickMs ?? 200);
    ticker.unref();
  }

  Object.assign(sandbox, {
    apiUrl: `${base}${API_PATH}`,
    adminUrl: options.admin ? `${base}${ADMIN_PATH}` : undefined,
    url: base,
    port,
    key: accounts[0]!.key,
    now: () => clock.now(),
    async advance(ms: number) {
      clock.step(ms);
      panel.settle();
      saveClock();
      await webhooks.pump();
    },
    requests: (filter?: { since?: number; action?: string }) => log.list(filter),
    clearRequests: () => log.clear(),
    lastRequestSeq: () => log.lastSeq(),
    orders() {
      panel.settle();
      return [...store.orders.values()].map((o) => panel.view(o));
    },
    order(id: number) {
      panel.settle();
      const o = store.orders.get(id);
      return o ? panel.view(o) : undefined;
    },
    balance(key = accounts[0]!.key) {
      panel.settle();
      const a = accountFor(key);
      return { balance: a.balance, currency: a.currency };
    },
    addAccount(input: AccountInput) {
      const a = store.addAccount(input);
      return { id: a.id, balance: a.balance, currency: a.currency };
    },
    accounts: () => [...store.accounts.values()].map((a) => ({
      id: a.id,
      key_hint: a.key.length <= 8 ? '***' : `${a.key.slice(0, 4)}…${a.key.slice(-2)}`,
      balance: a.balance,
      currency: a.currency,
      webhooks: a.webhooks.map((w) => ({ url: w.url, token_in: w.token ? w.tokenIn ?? 'query' : null, hmac: Boolean(w.hmacSecret) })),
    })),
    deliveries: () => webhooks.log.map((d) => ({ ...d, attempts: [...d.attempts] })),
    webhooksIdle: () => webhooks.idle(),
    fault(spec: FaultSpec | FaultSpec[]) {
      for (const f of Array.isArray(spec) ? spec : [spec]) faults.add(f);
    },
    faults: () => faults.list(),
    clearFaults: () => faults.clear(),
    setWebhook,
    async setOutcome(orderId: number, outcome: Outcome, opts: { delivered?: number; immediate?: boolean } = {}) {
      if (!['complete', 'partial', 'cancel', 'fail'].includes(outcome)) throw new Error('outcome must be complete, partial, cancel or fail');
      const order = orderById(orderId);
      if (opts.immediate === false) panel.sim.planOutcome(order, outcome, clock.now(), opts.delivered);
      else panel.sim.forceOutcome(order, outcome, clock.now(), opts.delivered);
      await webhooks.pump();
      return panel.view(order);
    },
    seedOrder(input: SeedOrderInput) {
      const { key, service: serviceId, outcome, ...rest } = input;
      const account = accountFor(key);
      const service = panel.service(Number(serviceId));
      if (!service) throw new Error(`no service ${serviceId}`);
      const fields = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, String(v)]));
      try {
        const place = service.type === 'Subscriptions' ? seedSubscription : ORDER_TYPE_RULES[service.type].place;
        const placement = place(fields, service);
        const charge = chargeFor(service.rate, placement.quantity);
        if (compare(account.balance, charge) < 0) throw new ApiError(402, MESSAGES.notEnoughFunds);
        panel.settle();
        const order = store.transact((tx) => panel.sim.place(tx, account, service, ORDER_TYPE_RULES[service.type], placement, charge, clock.now()));
        if (outcome) panel.sim.planOutcome(order, outcome, clock.now());
        return panel.view(order);
      } catch (err) {
        if (err instanceof ApiError) throw new Error(`seedOrder: ${err.message} (HTTP ${err.status})`);
        throw err;
      }
    },
    setCatalog: (catalog: CatalogOption) => panel.setCatalog(resolveCatalog(catalog)),
    catalog: () => panel.services.map((s) => ({ ...s })),
    setDialect(dialect: DialectOption) {
      panel.setDialect(resolveDialect(dialect));
      return { ...panel.dialect };
    },
    dialect: () => ({ ...panel.dialect }),
    reset() {
      store.clear();
      log.clear();
      webhooks.clear();
      faults.clear();
      rateLimiter?.reset();
      seedAccounts();
    },
    async stop() {
      if (stopped) return stopped;
      stopped = doStop();
      return stopped;
    },
  });
  let stopped: Promise<void> | null = null;
  async function doStop(): Promise<void> {
    if (ticker) clearInterval(ticker);
    webhooks.stop();
    saveClock();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    store.close();
  }
  return sandbox;
}
