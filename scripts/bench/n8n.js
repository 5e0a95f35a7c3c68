#!/usr/bin/env node
// @ts-check
/**
 * `pnpm bench:n8n`: B5, B6, B8, B9 in a real n8n 2.41.1 (the cached install of
 * scripts/n8n/ensure-n8n.sh; installed on first use) against the sandbox Panel, which runs in
 * its own process. Writes its rows into bench-results/ beside `pnpm bench`'s.
 *
 * B5, B8, B9: a far Panel (the latency proxy; see n8n-far.js). BENCH_N8N_ROUNDS (3) rounds,
 *     BENCH_N8N_ITEMS (1000) items, BENCH_N8N_LATENCIES (0,50,150) ms round trips.
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
const IDS = { b6: 'panelBenchB6wf01' };
const LATENCIES = (process.env.BENCH_N8N_LATENCIES || '0,50,150').split(',').map(Number);
const CATALOG = Number(process.env.BENCH_N8N_CATALOG || 20000);
const HOOK_ID = '9d1e6f3a-2b7c-4e58-8a90-b1c2d3e4f5a6';

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
  const only = (process.env.BENCH_ONLY || 'B5,B6,B8,B9').toUpperCase().split(',');
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
    if (['B5', 'B8', 'B9'].some((id) => only.includes(id))) {
      // A home of its own: the far benches log in and publish webhook workflows.
      const { farBenches, SANDBOX_OPTIONS } = require('./n8n-far');
      const far = await startSandboxProcess(SANDBOX_OPTIONS(CATALOG));
      try {
        const hf = await createN8nHome({ tarball, n8nDir, userFolder: path.join(tmp, 'home-far'), log });
        Object.assign(results, await farBenches({ h: hf, n8nDir, sandbox: far, only, log, items: ITEMS, rounds: ROUNDS, latencies: LATENCIES }));
      } finally {
        await far.stop();
      }
    }
    if (only.includes('B6')) {
      const h = await createN8nHome({ tarball, n8nDir, userFolder: path.join(tmp, 'home'), log });
      await h.importCredentials(wf.credentials({ apiUrl: sandbox.apiUrl, apiKey: sandbox.key }));
      const dir = path.join(tmp, 'workflows');
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, 'b6.json'), JSON.stringify(b6Workflow()));
      await h.cli(['import:workflow', '--separate', `--input=${dir}`]);
      await h.publishWorkflow(IDS.b6);
      log(`B6: ${fmt(CHANGES)} status changes at the published trigger (n8n start)`);
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
