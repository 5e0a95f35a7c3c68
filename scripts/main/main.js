#!/usr/bin/env node
// @ts-check
/**
 * The main job (`npm start`): the sandbox Panel and a real n8n with n8n-nodes-panel, wired
 * together, with example workflows, until Ctrl-C.
 *
 *  1. build core, sandbox and the n8n package (only what changed), pack the n8n package;
 *  2. start the sandbox Panel (default catalog, funded account, clock ×SPEED) and place
 *     orders for the examples through the core client (seed.js);
 *  3. make sure n8n 2.41.1 is installed (cached outside the repo; progress on first run);
 *  4. start n8n with the packed node, the sandbox credential and the examples:
 *     - PANEL_N8N_MODE=single (default): one n8n, its home kept between runs (n8n-single.js);
 *     - PANEL_N8N_MODE=queue: n8n's queue mode — Redis, Postgres, main, workers, a webhook
 *       processor (n8n-queue.js over scripts/n8n/queue.js), fresh on each start;
 *  5. point the sandbox's webhook at the trigger's production URL, place a few live orders
 *     whose status changes arrive as executions;
 *  6. print where everything is (banner.js); Ctrl-C (or SIGTERM) stops n8n, then the sandbox
 *     (lifecycle.js).
 *
 * PANEL_MAIN_SMOKE=1 makes it a test (smoke.js): fresh home, free ports, each example run once,
 * and after "ready" it waits until the trigger workflow has executed on a webhook, then stops
 * everything and exits 0 (1 on any failure). PANEL_MAIN_SMOKE=hold does the same checks, then
 * runs on until a signal (test/main.smoke.test.js sends the Ctrl-C and checks that nothing is
 * left behind).
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { build, REPO } = require('./build');
const wf = require('./workflows');
const { banner } = require('./banner');
const { log, onStop, shutdown, handleSignals, isStopping, waitFor } = require('./lifecycle');
const { requirePort } = require('./ports');
const { placeOrders, seedBatch } = require('./seed');
const { prepareHome, startN8n, tail } = require('./n8n-single');
const { startQueueDemo } = require('./n8n-queue');
const smoke = require('./smoke');
// By path: harness.js is plain, untyped JS.
const { freePort, ensureN8n } = require(path.join(__dirname, '..', 'n8n', 'harness.js'));

// '1': exit after the checks; 'hold': after the checks, run until a signal (the test's Ctrl-C).
const SMOKE_MODE = process.env.PANEL_MAIN_SMOKE ?? '';
const SMOKE = SMOKE_MODE === '1' || SMOKE_MODE === 'hold';
const MODE = process.env.PANEL_N8N_MODE || 'single';
const SPEED = Number(process.env.PANEL_CLOCK_SPEED || 30);
const OWNER = { email: process.env.PANEL_N8N_OWNER_EMAIL || 'demo@panel.local', password: process.env.PANEL_N8N_OWNER_PASSWORD || 'Panel-demo-2026' };
const LIVE_ORDERS = 3;

function cacheDir() {
  return process.env.PANEL_CACHE || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'panel-integrations');
}

/** The main job's own state (webhook secret, what was imported), kept beside the n8n home. */
function loadState(/** @type {string} */ file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
}

/** Prints each webhook delivery once it is delivered or has failed. */
function watchDeliveries(/** @type {any} */ sb, /** @type {(s: string) => void} */ print) {
  const seen = new Set();
  const timer = setInterval(() => {
    for (const d of sb.deliveries()) {
      if (d.state === 'pending' || seen.has(d.id)) continue;
      seen.add(d.id);
      const last = d.attempts[d.attempts.length - 1];
      const body = JSON.parse(d.body);
      print(
        `webhook: order ${body.order_id} → ${body.status}: ${d.state === 'delivered' ? `delivered to n8n (HTTP ${last?.status})` : `failed after ${d.attempts.length} attempts (${last?.error ?? last?.status})`}`,
      );
    }
  }, 1000);
  timer.unref();
  return () => clearInterval(timer);
}

/** Until the trigger's production URL refuses a delivery without its token (401): registered and guarded. */
async function awaitTrigger(/** @type {string} */ readyUrl, /** @type {string} */ hookUrl, /** @type {() => string | undefined} */ failFast) {
  await waitFor(
    'n8n to answer and the trigger webhook to be registered',
    async () => {
      const ready = await fetch(readyUrl);
      if (!ready.ok) return false;
      const probe = await fetch(hookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      return probe.status === 401;
    },
    { timeoutMs: 240_000, failFast },
  );
}

/** A single n8n (the default): home kept in `home`, `n8n start` under guard.js. */
async function runSingle(/** @type {any} */ ctx) {
  const { home, tarball, n8nDir, sb, state, mainStateFile, token } = ctx;
  const port = SMOKE ? await freePort() : Number(process.env.PANEL_N8N_PORT || 5678);
  if (!SMOKE) await requirePort('n8n', port, 'PANEL_N8N_PORT');
  const h = await prepareHome({
    home,
    tarball,
    n8nDir,
    port,
    owner: OWNER,
    credentials: wf.credentials({ apiUrl: sb.apiUrl, apiKey: sb.key, token }),
    workflows: wf.workflows(),
    publish: wf.published(),
    state,
    saveState: () => fs.writeFileSync(mainStateFile, JSON.stringify(state, null, 2)),
    log,
    verbose: SMOKE,
  });
  if (SMOKE) await smoke.runExamplesWithExecute(h, sb, log);

  const logFile = path.join(home, 'n8n.log');
  fs.writeFileSync(logFile, '');
  log(`starting n8n on http://localhost:${port} (log: ${logFile})`);
  // Its task broker's port, found free now (one found when the home was made may be taken since).
  h.env.N8N_RUNNERS_BROKER_PORT = String(await freePort());
  const n8n = startN8n(h, logFile);
  onStop(() => n8n.stop());
  log(`n8n runs in process group ${n8n.pid} (under guard.js, pid ${n8n.pid}, which stops it if this job dies)`);
  let n8nExit = /** @type {string | undefined} */ (undefined);
  void n8n.exited.then(({ code, signal }) => {
    n8nExit = `n8n exited (${code ?? signal})`;
    if (!isStopping()) {
      log(`${n8nExit}; last lines of ${logFile}:\n${tail(logFile)}`);
      void shutdown(1);
    }
  });
  const hookBase = `http://127.0.0.1:${port}`;
  await awaitTrigger(`${hookBase}/healthz/readiness`, wf.triggerUrl(hookBase, token).replace(/\?.*$/, ''), () => n8nExit);
  return {
    n8nUrl: `http://localhost:${port}`,
    hookBase,
    logFile,
    processes: [],
    executions: (/** @type {string} */ id) => h.executions(id),
    failFast: () => n8nExit,
  };
}

/** n8n's queue mode: Redis, Postgres, main, workers, a webhook processor — fresh on each start. */
async function runQueue(/** @type {any} */ ctx) {
  const { tarball, n8nDir, sb, token } = ctx;
  const mainPort = SMOKE ? await freePort() : Number(process.env.PANEL_N8N_PORT || 5678);
  const webhookPort = SMOKE ? await freePort() : Number(process.env.PANEL_N8N_WEBHOOK_PORT || 5680);
  if (!SMOKE) {
    await requirePort('n8n main', mainPort, 'PANEL_N8N_PORT');
    await requirePort('n8n webhook processor', webhookPort, 'PANEL_N8N_WEBHOOK_PORT');
  }
  const q = await startQueueDemo({
    tarball,
    n8nDir,
    mainPort,
    webhookPort,
    workers: Number(process.env.PANEL_N8N_WORKERS || 2),
    owner: OWNER,
    credentials: wf.credentials({ apiUrl: sb.apiUrl, apiKey: sb.key, token }),
    workflows: wf.workflows({ queue: true }),
    publish: wf.published(true),
    log,
  });
  onStop(() => q.stop());
  const hookBase = q.webhooks[0].baseUrl;
  await awaitTrigger(`${q.main.baseUrl}/healthz/readiness`, wf.triggerUrl(hookBase, token).replace(/\?.*$/, ''), () => undefined);
  if (SMOKE) await smoke.runExamplesThroughWebhooks(q, sb, log);
  return {
    n8nUrl: q.main.baseUrl,
    hookBase,
    logFile: undefined,
    processes: q.describe(),
    queuePaths: Object.values(wf.QUEUE_PATHS).map((p) => q.webhookUrl(p)),
    executions: (/** @type {string} */ id) => q.executions(id),
    failFast: () => undefined,
  };
}

const MODES = { single: runSingle, queue: runQueue };

async function main() {
  const started = Date.now();
  const run = MODES[/** @type {keyof typeof MODES} */ (MODE)];
  if (!run) throw new Error(`PANEL_N8N_MODE must be one of ${Object.keys(MODES).join(', ')} (got "${MODE}")`);
  const home = SMOKE ? fs.mkdtempSync(path.join(os.tmpdir(), 'panel-main-smoke-')) : process.env.PANEL_MAIN_HOME || path.join(cacheDir(), 'main');
  fs.mkdirSync(home, { recursive: true });
  if (SMOKE) onStop(() => fs.rmSync(home, { recursive: true, force: true }));
  const sandboxPort = SMOKE ? 0 : Number(process.env.PANEL_SANDBOX_PORT || 4000);
  if (!SMOKE) await requirePort('sandbox Panel', sandboxPort, 'PANEL_SANDBOX_PORT');

  // 1. build
  log('building core, sandbox and n8n-nodes-panel (only what changed)');
  build(['core', 'sandbox', 'n8n'], { log });
  const { pack } = require(path.join(REPO, 'packages', 'n8n-nodes-panel', 'scripts', 'pack.js'));
  const tarball = pack(fs.mkdtempSync(path.join(os.tmpdir(), 'panel-main-pack-')));
  onStop(() => fs.rmSync(path.dirname(tarball), { recursive: true, force: true }));
  log(`packed ${path.basename(tarball)} (${(fs.statSync(tarball).size / 1024).toFixed(1)} KiB)`);

  // 2. sandbox. Outside smoke mode it keeps its state (orders, balance, clock) beside the n8n
  // home, so the order ids in n8n's past executions still mean something after a restart.
  const { startSandbox } = require(path.join(REPO, 'packages', 'sandbox', 'dist', 'index.js'));
  const stateFile = SMOKE ? undefined : path.join(home, 'sandbox.sqlite');
  const sb = await startSandbox({ port: sandboxPort, host: '127.0.0.1', admin: true, clock: { speed: SPEED }, ...(stateFile ? { stateFile } : {}) });
  onStop(() => sb.stop());
  log(`sandbox Panel on ${sb.apiUrl} (clock ×${SPEED}${stateFile ? `, state in ${stateFile}` : ''})`);
  const { createPanelClient } = require(path.join(REPO, 'packages', 'core', 'dist', 'node', 'index.js'));
  const client = createPanelClient({ apiUrl: sb.apiUrl, apiKey: sb.key });
  onStop(() => client.close());
  const services = await seedBatch(sb, client, wf.BATCH_SIZE, log);

  // 3. n8n itself
  log('n8n 2.41.1: using the cached install, or installing it now (first run only: ~8 min, ~3 GB, progress below)');
  const n8nDir = ensureN8n();

  // 4. n8n, in the chosen mode
  const mainStateFile = path.join(home, 'main-state.json');
  const state = loadState(mainStateFile);
  state.token ??= crypto.randomBytes(18).toString('base64url');
  fs.writeFileSync(mainStateFile, JSON.stringify(state, null, 2));
  const n8n = await run({ home, tarball, n8nDir, sb, state, mainStateFile, token: state.token });
  log(`n8n is up (${MODE} mode, ${Math.round((Date.now() - started) / 1000)} s since start)`);

  // 5. webhook and live orders
  const hookUrl = wf.triggerUrl(n8n.hookBase, state.token);
  sb.setWebhook(sb.key, { url: hookUrl.replace(/\?.*$/, ''), token: state.token });
  const stopWatching = watchDeliveries(sb, log);
  onStop(() => stopWatching());
  const live = await placeOrders(client, services, LIVE_ORDERS, 'live');
  log(`placed ${live.length} live orders (${live.join(', ')}): their status changes arrive in n8n as webhook executions`);

  // 6. where things are
  process.stdout.write(
    banner({
      n8nUrl: n8n.n8nUrl,
      ownerEmail: OWNER.email,
      ownerPassword: OWNER.password,
      apiUrl: sb.apiUrl,
      apiKey: sb.key,
      adminUrl: sb.adminUrl,
      hookUrl: hookUrl.replace(state.token, '<secret>'),
      home,
      logFile: n8n.logFile,
      batchSize: wf.BATCH_SIZE,
      speed: SPEED,
      processes: n8n.processes,
      queuePaths: n8n.queuePaths,
    }),
  );
  log('ready');

  if (SMOKE) {
    await smoke.awaitTriggerRun(n8n.executions, sb, log, n8n.failFast);
    log('smoke: ok');
    if (SMOKE_MODE !== 'hold') await shutdown(0);
  }
}

handleSignals('n8n and the sandbox');
main().catch(async (err) => {
  log(`failed: ${err instanceof Error ? err.message : String(err)}`);
  await shutdown(1);
});
