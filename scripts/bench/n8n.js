#!/usr/bin/env node
// @ts-check
/**
 * `pnpm bench:n8n`: B5 and B6 in a real n8n 2.41.1 (the cached install of
 * scripts/n8n/ensure-n8n.sh; installed on first use) against the sandbox Panel, which runs in
 * its own process. Writes its rows into bench-results/ beside `pnpm bench`'s.
 *
 * B5: 1,000 items → order status, in one workflow run: the Panel node (Get Status, batched by
 *     the node) and n8n's HTTP Request node doing what a hand-wired workflow does, one
 *     `action=status` request per item. Requests counted on the sandbox by action; wall time
 *     from each node's own executionTime in n8n's run data. Median of BENCH_N8N_ROUNDS (3).
 * B6: the sandbox fires 1,000 status changes (500 orders × In progress, Completed) at the
 *     published Panel Trigger; executions read back from n8n's database: seen, lost, duplicated.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { REPO, startSandboxProcess, median, fmt } = require('./lib');
const { machine, save } = require('./results');
const { build } = require('../main/build');
const wf = require('../main/workflows');

const log = (/** @type {string} */ s) => process.stderr.write(`[bench:n8n] ${s}\n`);
const ITEMS = Number(process.env.BENCH_N8N_ITEMS || 1000);
const CHANGES = Number(process.env.BENCH_N8N_CHANGES || 1000);
const ROUNDS = Number(process.env.BENCH_N8N_ROUNDS || 3);
const TOKEN = 'bench-webhook-secret';
const IDS = { b5: 'panelBenchB5wf01', b6: 'panelBenchB6wf01' };
const HOOK_ID = '9d1e6f3a-2b7c-4e58-8a90-b1c2d3e4f5a6';

/** Manual trigger → 1,000 ids → (Panel node) and (HTTP Request node, one request per item). */
function b5Workflow(apiUrl, apiKey, ids) {
  const source = 'Order ids';
  return {
    id: IDS.b5,
    name: 'bench B5: Panel node vs HTTP Request node',
    active: false,
    settings: { executionOrder: 'v1' },
    nodes: [
      wf.manualTrigger('Start', [0, 0]),
      {
        id: wf.nodeId(source),
        name: source,
        type: 'n8n-nodes-base.code',
        typeVersion: 2,
        position: [200, 0],
        parameters: { jsCode: `return ${JSON.stringify(ids)}.map((order) => ({ json: { order } }));` },
      },
      wf.panelNode('Panel node', [400, -100], { resource: 'order', operation: 'getStatus', orderId: '={{ $json.order }}' }),
      {
        id: wf.nodeId('HTTP Request node'),
        name: 'HTTP Request node',
        type: 'n8n-nodes-base.httpRequest',
        typeVersion: 4.2,
        position: [400, 100],
        parameters: {
          method: 'POST',
          url: apiUrl,
          sendBody: true,
          contentType: 'form-urlencoded',
          specifyBody: 'keypair',
          bodyParameters: {
            parameters: [
              { name: 'key', value: apiKey },
              { name: 'action', value: 'status' },
              { name: 'order', value: '={{ $json.order }}' },
            ],
          },
          options: {},
        },
      },
    ],
    connections: {
      ...wf.chain(['Start', source]),
      [source]: { main: [[{ node: 'Panel node', type: 'main', index: 0 }, { node: 'HTTP Request node', type: 'main', index: 0 }]] },
    },
  };
}

function b6Workflow() {
  return {
    id: IDS.b6,
    name: 'bench B6: Panel Trigger',
    active: true,
    settings: { executionOrder: 'v1' },
    nodes: [
      {
        id: wf.nodeId('Panel Trigger'),
        name: 'Panel Trigger',
        type: 'n8n-nodes-panel.panelTrigger',
        typeVersion: 1,
        position: [0, 0],
        webhookId: HOOK_ID,
        parameters: { options: { token: TOKEN } },
      },
    ],
    connections: {},
  };
}

const runData = (run) => run?.data?.resultData?.runData ?? {};

async function b5(h, sandbox) {
  const panelMs = [];
  const httpMs = [];
  let panelRequests = 0;
  let httpRequests = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const since = await sandbox.seq();
    const { run } = await h.execute(IDS.b5, { timeoutMs: 900_000 });
    const data = runData(run);
    const panel = data['Panel node']?.[0];
    const http = data['HTTP Request node']?.[0];
    const pItems = panel?.data?.main?.[0] ?? [];
    const hItems = http?.data?.main?.[0] ?? [];
    if (pItems.length !== ITEMS || hItems.length !== ITEMS) {
      throw new Error(`B5: expected ${ITEMS} items from each node, got Panel ${pItems.length} (${panel?.error?.message ?? 'ok'}), HTTP ${hItems.length} (${http?.error?.message ?? 'ok'})`);
    }
    const reqs = await sandbox.requests({ since });
    panelRequests = reqs.byAction.multiStatus ?? 0;
    httpRequests = reqs.byAction.status ?? 0;
    panelMs.push(panel.executionTime);
    httpMs.push(http.executionTime);
    log(`B5 round ${r + 1}: Panel node ${panelRequests} requests in ${panel.executionTime} ms; HTTP Request node ${httpRequests} requests in ${http.executionTime} ms`);
  }
  const pm = median(panelMs);
  const hm = median(httpMs);
  return {
    figures: { items: ITEMS, rounds: ROUNDS, panel_ms: pm, http_ms: hm, panel_requests: panelRequests, http_requests: httpRequests, wall_ratio: hm / pm, panel_ms_runs: panelMs, http_ms_runs: httpMs },
    rows: [
      {
        id: 'B5',
        what: `real n8n, ${fmt(ITEMS)} items → order status: Panel node vs HTTP Request node (one request per item)`,
        result: `Panel ${fmt(panelRequests)} requests in ${fmt(pm)} ms; HTTP Request ${fmt(httpRequests)} requests in ${fmt(hm)} ms`,
        ratio: `${fmt(httpRequests / Math.max(1, panelRequests))}× fewer requests, ${(hm / pm).toFixed(1)}× faster`,
        goal: `≤ ${Math.ceil(ITEMS / 100)} requests; faster`,
        met: panelRequests <= Math.ceil(ITEMS / 100) && hm / pm > 1,
      },
    ],
  };
}

async function b6(h, sandbox) {
  const server = await h.start({ timeoutMs: 600_000 });
  try {
    const url = `http://127.0.0.1:${h.port}/webhook/${HOOK_ID}/panel`;
    // Registered when it refuses a delivery without the token.
    for (let i = 0; ; i++) {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).catch(() => null);
      if (res?.status === 401) break;
      if (i > 240) throw new Error(`B6: the trigger webhook is not registered (${res?.status})`);
      await new Promise((r) => setTimeout(r, 500));
    }
    const orders = CHANGES / 2;
    await sandbox.rpc('setWebhook', { url, token: TOKEN });
    const ids = /** @type {string[]} */ (await sandbox.rpc('seed', orders, 1, { quantity: 1000 }));
    const t0 = Date.now();
    // Pending → In progress after the start delay, → Completed one simulated minute later
    // (1,000 units at 1,000/min); further steps give failed deliveries their retries.
    await sandbox.rpc('advance', 61_000);
    await sandbox.rpc('advance', 61_000);
    for (let i = 0; i < 8; i++) await sandbox.rpc('advance', 5_000 * 2 ** i);
    await sandbox.rpc('webhooksIdle');
    const deliveries = /** @type {Array<{ orderId: number, status: string, state: string }>} */ (await sandbox.rpc('deliveries'));
    const delivered = deliveries.filter((d) => d.state === 'delivered').length;
    log(`B6: ${deliveries.length} deliveries fired, ${delivered} delivered in ${fmt((Date.now() - t0) / 1000, 1)} s; waiting for executions`);
    let rows = [];
    let last = -1;
    let stableSince = Date.now();
    const deadline = Date.now() + 600_000;
    while (Date.now() < deadline) {
      rows = (await h.executions(IDS.b6)).filter((/** @type {any} */ e) => e.mode === 'webhook');
      const finished = rows.filter((/** @type {any} */ e) => e.status !== 'running' && e.status !== 'new').length;
      if (finished !== last) {
        last = finished;
        stableSince = Date.now();
      }
      if (finished >= delivered || Date.now() - stableSince > 20_000) break;
      await new Promise((r) => setTimeout(r, 2000));
    }
    const seconds = (Date.now() - t0) / 1000;
    const keys = new Map();
    for (const e of rows) {
      // Executions from the database hold IRunExecutionData itself (resultData at the top).
      const item = (e.data?.resultData?.runData ?? runData(e.data))['Panel Trigger']?.[0]?.data?.main?.[0]?.[0]?.json;
      if (!item) continue;
      const k = `${item.order}:${item.status}`;
      keys.set(k, (keys.get(k) ?? 0) + 1);
    }
    const expected = new Set(ids.flatMap((id) => [`${id}:In progress`, `${id}:Completed`]));
    const seen = [...keys.keys()].filter((k) => expected.has(k)).length;
    const executions = rows.length;
    const duplicated = [...keys.values()].reduce((a, n) => a + (n - 1), 0);
    const lost = expected.size - seen;
    return {
      figures: { changes: expected.size, deliveries: deliveries.length, delivered, executions, seen, lost, duplicated, seconds },
      rows: [
        {
          id: 'B6',
          what: `${fmt(expected.size)} status changes fired by the sandbox at the real n8n Panel Trigger`,
          result: `${fmt(executions)} executions: ${fmt(seen)} seen, ${fmt(lost)} lost, ${fmt(duplicated)} duplicated (${fmt(seconds)} s)`,
          ratio: `${((seen / expected.size) * 100).toFixed(1)}% seen`,
          goal: '0 lost; 0 duplicated',
          met: lost === 0 && duplicated === 0,
        },
      ],
    };
  } finally {
    await server.stop();
  }
}

async function main() {
  const startedAt = new Date();
  const m = machine();
  const only = (process.env.BENCH_ONLY || 'B5,B6').toUpperCase().split(',');
  build(['core', 'sandbox', 'n8n'], { log });
  const { createN8nHome, ensureN8n } = require(path.join(REPO, 'scripts', 'n8n', 'harness.js'));
  const n8nDir = ensureN8n();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'panel-bench-n8n-'));
  const sandbox = await startSandboxProcess({ rateLimit: false, clock: 'manual' });
  /** @type {Record<string, { figures: unknown, rows: any[] }>} */
  const results = {};
  try {
    const { pack } = require(path.join(REPO, 'packages', 'n8n-nodes-panel', 'scripts', 'pack.js'));
    const tarball = pack(path.join(tmp, 'pack'));
    const h = await createN8nHome({ tarball, n8nDir, userFolder: path.join(tmp, 'home'), log });
    await h.importCredentials(wf.credentials({ apiUrl: sandbox.apiUrl, apiKey: sandbox.key }));
    const ids = /** @type {string[]} */ (await sandbox.rpc('seed', ITEMS, 1));
    const dir = path.join(tmp, 'workflows');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'b5.json'), JSON.stringify(b5Workflow(sandbox.apiUrl, sandbox.key, ids)));
    fs.writeFileSync(path.join(dir, 'b6.json'), JSON.stringify(b6Workflow()));
    await h.cli(['import:workflow', '--separate', `--input=${dir}`]);
    if (only.includes('B5')) {
      log(`B5: ${fmt(ITEMS)} items, Panel node vs HTTP Request node, ${ROUNDS} rounds (n8n execute)`);
      results.B5 = await b5(h, sandbox);
    }
    if (only.includes('B6')) {
      await h.publishWorkflow(IDS.b6);
      log(`B6: ${fmt(CHANGES)} status changes at the published trigger (n8n start)`);
      // A sandbox of its own: B5's orders must not fire webhooks when B6 moves the clock.
      const sandbox6 = await startSandboxProcess({ rateLimit: false, clock: 'manual' });
      try {
        results.B6 = await b6(h, sandbox6);
      } finally {
        await sandbox6.stop();
      }
    }
  } finally {
    await sandbox.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const seconds = (Date.now() - startedAt.getTime()) / 1000;
  const md = save(results, { command: 'pnpm bench:n8n', machine: m, started: startedAt.toISOString(), seconds });
  process.stdout.write(`\n${md}`);
  log(`figures written to bench-results/ (${Math.round(seconds)} s)`);
}

main().catch((err) => {
  process.stderr.write(`${err?.stack || err}\n`);
  process.exit(1);
});
