// @ts-check
/**
 * B6 of `pnpm bench:n8n`: the Panel Trigger in a real, published n8n 2.41.1, beside n8n's own
 * Webhook node in the same n8n.
 *
 * 1,000 status changes (500 orders × In progress, Completed, in the sandbox's payload shape),
 * each delivered twice at the same moment (as a Panel's retry racing its first attempt), in
 * 8 lanes. Read back from n8n's database:
 * - Panel Trigger: executions, lost (changes with none), duplicated (changes with more than one);
 * - both nodes: deliveries per second (all 2,000 answered), and the time from a delivery's
 *   200 to its execution having run (median and p95 over changes, n8n's own timestamps), plus
 *   the drain: last execution finished minus last 200.
 * The Webhook node has no duplicate filter: it starts 2,000 executions; its figures are the
 * yardstick for throughput and lag.
 */
const path = require('node:path');
const { median, fmt } = require('./lib');

const ORDERS = Number(process.env.BENCH_N8N_CHANGES || 1000) / 2;
const LANES = 8;
const TOKEN = 'bench-webhook-token-0123456789';
const IDS = { trigger: 'panelBenchB6wf01', webhook: 'panelBenchB6wh01' };
const HOOKS = { trigger: '9d1e6f3a-2b7c-4e58-8a90-b1c2d3e4f5a6', webhook: '0b8c7d6e-5f4a-4b3c-9d2e-1f0a9b8c7d6e' };
const WEBHOOK_CREDENTIAL = { id: 'panelBenchHook01', name: 'Panel webhook (bench)' };

/** The trigger's secret, as a Panel Webhook API credential. */
function credentials() {
  return [{ ...WEBHOOK_CREDENTIAL, type: 'panelWebhookApi', data: { token: TOKEN } }];
}

/** The two published workflows: Panel Trigger alone, and n8n's Webhook node alone (both answer on receipt). */
function workflows() {
  const one = (/** @type {string} */ id, /** @type {string} */ name, /** @type {Record<string, unknown>} */ node) => ({
    id,
    name,
    active: true,
    settings: { executionOrder: 'v1' },
    nodes: [{ id: `${id}-node`, position: [0, 0], ...node }],
    connections: {},
  });
  return [
    one(IDS.trigger, 'bench B6: Panel Trigger', {
      name: 'Panel Trigger',
      type: 'n8n-nodes-panel.panelTrigger',
      typeVersion: 1.1,
      webhookId: HOOKS.trigger,
      parameters: { options: {} },
      credentials: { panelWebhookApi: WEBHOOK_CREDENTIAL },
    }),
    one(IDS.webhook, 'bench B6: Webhook node', {
      name: 'Webhook',
      type: 'n8n-nodes-base.webhook',
      typeVersion: 2,
      webhookId: HOOKS.webhook,
      parameters: { httpMethod: 'POST', path: 'panel-bench', responseMode: 'onReceived', options: {} },
    }),
  ];
}

/** The sandbox's payload for one change. */
const body = (/** @type {number} */ order, /** @type {string} */ status) =>
  `{"order_id":${order},"status":${JSON.stringify(status)},"remains":${status === 'Completed' ? 0 : 400},"start_count":120,"charge":0.9}`;

/**
 * Fires every change twice at once, LANES changes in flight; returns when each of the 2 × n
 * deliveries was answered, with the time of each change's first 200.
 * @param {string} url
 */
async function fire(url) {
  /** @type {Array<[number, string]>} */
  const changes = [];
  for (let i = 0; i < ORDERS; i++) for (const s of ['In progress', 'Completed']) changes.push([900_000 + i, s]);
  /** @type {Map<string, number>} */
  const answeredAt = new Map();
  /** @type {number[]} */
  const statuses = [];
  const queue = [...changes];
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: LANES }, async () => {
      for (let c = queue.shift(); c; c = queue.shift()) {
        const [order, status] = c;
        const res = await Promise.all(
          [0, 1].map(() => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(order, status) }).then(async (r) => (await r.arrayBuffer(), r.status))),
        );
        statuses.push(...res);
        answeredAt.set(`${order}:${status}`, Date.now());
      }
    }),
  );
  return { changes: changes.length, deliveries: statuses.length, refused: statuses.filter((s) => s !== 200).length, seconds: (Date.now() - t0) / 1000, lastAnswer: Date.now(), answeredAt };
}

/**
 * Executions of a workflow with their start/stop times and the change they carry.
 * @param {any} h harness home @param {string} workflowId @param {(e: any) => string | undefined} changeOf
 */
function executions(h, workflowId, changeOf) {
  const times = new Map();
  const { DatabaseSync } = require('node:sqlite');
  const db = new DatabaseSync(path.join(h.home, '.n8n', 'database.sqlite'), { readOnly: true });
  try {
    for (const r of db.prepare('SELECT id, startedAt, stoppedAt FROM execution_entity WHERE workflowId = ?').all(workflowId)) {
      times.set(String(r.id), { started: Date.parse(`${String(r.startedAt).replace(' ', 'T')}Z`), stopped: r.stoppedAt ? Date.parse(`${String(r.stoppedAt).replace(' ', 'T')}Z`) : NaN });
    }
  } finally {
    db.close();
  }
  return h.executions(workflowId).map((/** @type {any} */ e) => ({ ...times.get(String(e.id)), status: e.status, change: changeOf(e) }));
}

/** Waits until a workflow's executions stop coming (20 s quiet) or reach `expected`. @param {any} h @param {string} id @param {number} expected */
async function settle(h, id, expected) {
  const count = () => {
    const { DatabaseSync } = require('node:sqlite');
    const db = new DatabaseSync(path.join(h.home, '.n8n', 'database.sqlite'), { readOnly: true });
    try {
      return Number(db.prepare("SELECT COUNT(*) AS n FROM execution_entity WHERE workflowId = ? AND status NOT IN ('new', 'running')").get(id).n);
    } finally {
      db.close();
    }
  };
  let last = -1;
  let since = Date.now();
  for (const deadline = Date.now() + 600_000; Date.now() < deadline; ) {
    const n = count();
    if (n !== last) [last, since] = [n, Date.now()];
    if (n >= expected ? Date.now() - since > 3000 : Date.now() - since > 20_000) break;
    await new Promise((r) => setTimeout(r, 500));
  }
}

const itemOf = (/** @type {any} */ e, /** @type {string} */ node) => (e.data?.resultData?.runData ?? {})[node]?.[0]?.data?.main?.[0]?.[0]?.json;

/** Lag figures: per change, the first execution's stop minus the change's 200. */
function lags(/** @type {any[]} */ rows, /** @type {Map<string, number>} */ answeredAt) {
  const firstStop = new Map();
  for (const r of rows) if (r.change && !Number.isNaN(r.stopped)) firstStop.set(r.change, Math.min(firstStop.get(r.change) ?? Infinity, r.stopped));
  const ms = [...firstStop].map(([k, stop]) => stop - (answeredAt.get(k) ?? stop)).sort((a, b) => a - b);
  const p95 = ms[Math.min(ms.length - 1, Math.floor(ms.length * 0.95))] ?? NaN;
  const lastStop = Math.max(...rows.map((r) => r.stopped).filter((s) => !Number.isNaN(s)));
  return { median: median(ms), p95, lastStop };
}

/**
 * n8n settings B6 runs under, each in an n8n of its own (same workflows). n8n 2.41's default
 * expression engine takes a fresh V8 isolate for every webhook request to any trigger but its
 * own Webhook node (live-webhooks.js, webhookPhaseNeedsIsolate), before the trigger's code
 * runs; N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true (n8n's own setting) takes one only when an
 * expression is evaluated, which the Panel Trigger (version 1.1) never does.
 */
const SETTINGS = {
  defaults: { env: {}, label: "n8n's default settings" },
  lazy: { env: { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' }, label: 'N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true' },
};

/**
 * Both nodes' figures on a prepared n8n home (credentials() and workflows() imported and
 * published). @param {any} h harness home @param {{ log: (s: string) => void }} o
 */
async function b6(h, { log }) {
  const server = await h.start({ timeoutMs: 600_000 });
  try {
    // n8n's Webhook node takes its path as the full URL path; a community trigger's sits under its webhook id.
    const url = (/** @type {keyof typeof HOOKS} */ k) => `http://127.0.0.1:${h.port}/webhook/${k === 'trigger' ? `${HOOKS.trigger}/panel` : 'panel-bench'}`;
    for (let i = 0; ; i++) {
      const res = await fetch(`${url('trigger')}?token=x`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).catch(() => null);
      if (res?.status === 401) break;
      if (i > 240) throw new Error(`B6: the trigger webhook is not registered (${res?.status})`);
      await new Promise((r) => setTimeout(r, 500));
    }
    /** @type {Record<string, any>} */
    const fig = {};
    for (const k of /** @type {const} */ (['webhook', 'trigger'])) {
      const sent = await fire(k === 'trigger' ? `${url(k)}?token=${TOKEN}` : url(k));
      log(`B6 ${k}: ${sent.deliveries} deliveries answered in ${fmt(sent.seconds, 1)} s (${sent.refused} not 200); waiting for executions`);
      await settle(h, IDS[k], k === 'trigger' ? sent.changes : sent.deliveries);
      const rows = executions(h, IDS[k], (e) => {
        const item = k === 'trigger' ? itemOf(e, 'Panel Trigger') : itemOf(e, 'Webhook')?.body;
        return item ? `${item.order ?? item.order_id}:${item.status}` : undefined;
      });
      const per = new Map();
      for (const r of rows) if (r.change) per.set(r.change, (per.get(r.change) ?? 0) + 1);
      const lag = lags(rows, sent.answeredAt);
      fig[k] = {
        changes: sent.changes,
        deliveries: sent.deliveries,
        refused: sent.refused,
        per_second: sent.deliveries / sent.seconds,
        executions: rows.length,
        lost: sent.changes - per.size,
        duplicated: [...per.values()].reduce((a, n) => a + Math.max(0, n - 1), 0),
        lag_median_ms: lag.median,
        lag_p95_ms: lag.p95,
        drain_ms: lag.lastStop - sent.lastAnswer,
      };
      log(`B6 ${k}: ${JSON.stringify(fig[k])}`);
    }
    return fig;
  } finally {
    await server.stop();
  }
}

/** Exactly once, from one setting's figures. */
function onceRow(/** @type {any} */ t, /** @type {string} */ id, /** @type {string} */ label) {
  return {
    id,
    what: `${fmt(t.changes)} status changes, each delivered twice at once (8 lanes), at the published Panel Trigger (real n8n, ${label})`,
    result: `${fmt(t.executions)} executions: ${fmt(t.lost)} lost, ${fmt(t.duplicated)} duplicated, ${fmt(t.refused)} refused`,
    ratio: `${((1 - t.lost / t.changes) * 100).toFixed(1)}% once`,
    goal: '0 lost; 0 duplicated',
    met: t.lost === 0 && t.duplicated === 0 && t.executions === t.changes && t.refused === 0,
  };
}

/** Throughput against the Webhook node in the same n8n, from one setting's figures. */
function rateRow(/** @type {{ trigger: any, webhook: any }} */ f, /** @type {string} */ id, /** @type {string} */ label) {
  const { trigger: t, webhook: w } = f;
  return {
    id,
    what: `the same ${fmt(t.deliveries)} deliveries: Panel Trigger vs n8n's Webhook node (same n8n, ${label})`,
    result: `${fmt(t.per_second)} vs ${fmt(w.per_second)} deliveries/s; 200 → execution done median ${fmt(t.lag_median_ms)} vs ${fmt(w.lag_median_ms)} ms (p95 ${fmt(t.lag_p95_ms)} vs ${fmt(w.lag_p95_ms)}); drain ${fmt(t.drain_ms)} vs ${fmt(w.drain_ms)} ms`,
    ratio: `${(t.per_second / w.per_second).toFixed(2)}× the Webhook node's rate`,
    goal: "≥ the Webhook node's rate",
    met: t.per_second >= w.per_second * 0.95,
  };
}

/** The table's rows: B6 and B6b under n8n's defaults, B6c (both checks) with lazy isolates. */
function b6Rows(/** @type {Record<string, any>} */ figures) {
  const rows = [];
  if (figures.defaults) rows.push(onceRow(figures.defaults.trigger, 'B6', SETTINGS.defaults.label), rateRow(figures.defaults, 'B6b', SETTINGS.defaults.label));
  if (figures.lazy) {
    const once = onceRow(figures.lazy.trigger, 'B6c', SETTINGS.lazy.label);
    const rate = rateRow(figures.lazy, 'B6c', SETTINGS.lazy.label);
    rows.push({ ...rate, what: `B6 and B6b again, in an n8n with ${SETTINGS.lazy.label}`, result: `${once.result}; ${rate.result}`, goal: `${once.goal}; ${rate.goal}`, met: once.met && rate.met });
  }
  return rows;
}

module.exports = { IDS, HOOKS, TOKEN, SETTINGS, credentials, workflows, b6, b6Rows };
