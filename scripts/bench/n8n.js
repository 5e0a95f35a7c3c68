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
 * B6: 1,000 status changes, each delivered twice at once, at the published Panel Trigger, and
 *     the same deliveries at n8n's Webhook node: see n8n-trigger.js.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { REPO, startSandboxProcess, median, fmt } = require('./lib');
const { machine, save } = require('./results');
const { build } = require('../main/build');
const wf = require('../main/workflows');
const trigger = require('./n8n-trigger');

const log = (/** @type {string} */ s) => process.stderr.write(`[bench:n8n] ${s}\n`);
const ITEMS = Number(process.env.BENCH_N8N_ITEMS || 1000);
const ROUNDS = Number(process.env.BENCH_N8N_ROUNDS || 3);
const IDS = { b5: 'panelBenchB5wf01' };

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
    await h.importCredentials([...wf.credentials({ apiUrl: sandbox.apiUrl, apiKey: sandbox.key }), ...trigger.credentials()]);
    const ids = /** @type {string[]} */ (await sandbox.rpc('seed', ITEMS, 1));
    const dir = path.join(tmp, 'workflows');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'b5.json'), JSON.stringify(b5Workflow(sandbox.apiUrl, sandbox.key, ids)));
    trigger.workflows().forEach((w, i) => fs.writeFileSync(path.join(dir, `b6-${i}.json`), JSON.stringify(w)));
    await h.cli(['import:workflow', '--separate', `--input=${dir}`]);
    if (only.includes('B5')) {
      log(`B5: ${fmt(ITEMS)} items, Panel node vs HTTP Request node, ${ROUNDS} rounds (n8n execute)`);
      results.B5 = await b5(h, sandbox);
    }
    if (only.includes('B6')) {
      for (const id of Object.values(trigger.IDS)) await h.publishWorkflow(id);
      results.B6 = await trigger.b6(h, { log });
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
