#!/usr/bin/env node
// @ts-check
/**
 * `pnpm bench:n8n`: B5, B6, B8, B9 in a real n8n 2.41.1 (the cached install of
 * scripts/n8n/ensure-n8n.sh; installed on first use) against the sandbox Panel, which runs in
 * its own process. Writes its rows into bench-results/ beside `pnpm bench`'s.
 *
 * B5, B8, B9: a far Panel (the latency proxy; see n8n-far.js). BENCH_N8N_ROUNDS (3) rounds,
 *     BENCH_N8N_ITEMS (1000) items, BENCH_N8N_LATENCIES (0,50,150) ms round trips.
 * B6: 1,000 status changes, each delivered twice at once, at the published Panel Trigger, and
 *     the same deliveries at n8n's Webhook node, under n8n's defaults and with lazy expression
 *     isolates: see n8n-trigger.js.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { REPO, startSandboxProcess, fmt } = require('./lib');
const { machine, save } = require('./results');
const { build } = require('../main/build');
const trigger = require('./n8n-trigger');

const log = (/** @type {string} */ s) => process.stderr.write(`[bench:n8n] ${s}\n`);
const ITEMS = Number(process.env.BENCH_N8N_ITEMS || 1000);
const ROUNDS = Number(process.env.BENCH_N8N_ROUNDS || 3);
const LATENCIES = (process.env.BENCH_N8N_LATENCIES || '0,50,150').split(',').map(Number);
const CATALOG = Number(process.env.BENCH_N8N_CATALOG || 20000);

async function main() {
  const startedAt = new Date();
  const m = machine();
  const only = (process.env.BENCH_ONLY || 'B5,B6,B8,B9').toUpperCase().split(',');
  build(['core', 'sandbox', 'n8n'], { log });
  const { createN8nHome, ensureN8n } = require(path.join(REPO, 'scripts', 'n8n', 'harness.js'));
  const n8nDir = ensureN8n();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'panel-bench-n8n-'));
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
      /** @type {Record<string, any>} */
      const figures = {};
      for (const [name, setting] of Object.entries(trigger.SETTINGS)) {
        log(`B6 under ${setting.label}`);
        const h = await createN8nHome({ tarball, n8nDir, userFolder: path.join(tmp, `home-b6-${name}`), env: setting.env, log });
        await h.importCredentials(trigger.credentials());
        const dir = path.join(tmp, `workflows-${name}`);
        fs.mkdirSync(dir);
        trigger.workflows().forEach((w, i) => fs.writeFileSync(path.join(dir, `b6-${i}.json`), JSON.stringify(w)));
        await h.cli(['import:workflow', '--separate', `--input=${dir}`]);
        for (const id of Object.values(trigger.IDS)) await h.publishWorkflow(id);
        figures[name] = await trigger.b6(h, { log });
      }
      results.B6 = { figures, rows: trigger.b6Rows(figures) };
    }
  } finally {
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
