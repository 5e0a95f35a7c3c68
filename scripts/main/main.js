#!/usr/bin/env node
// @ts-check
/**
 * The main job (`npm start`): the sandbox Panel and a real n8n with n8n-nodes-panel, wired
 * together, with example workflows, until Ctrl-C.
 *
 *  1. build core, sandbox and the n8n package (only what changed), pack the n8n package;
 *  2. start the sandbox Panel (default catalog, funded account, clock ×SPEED) and place
 *     orders for the examples through the core client;
 *  3. make sure n8n 2.41.1 is installed (cached outside the repo; progress on first run);
 *  4. prepare the n8n home: the packed node as a community package, the sandbox credential
 *     and the example workflows (imported again only when they changed), the trigger
 *     workflow published; an owner account from the environment, so the editor opens to a login;
 *  5. start n8n in its own process group, point the sandbox's webhook at the trigger's
 *     production URL, place a few live orders whose status changes arrive as executions;
 *  6. print where everything is; Ctrl-C (or SIGTERM) stops n8n's whole group, then the sandbox.
 *
 * PANEL_MAIN_SMOKE=1 makes it a test: fresh n8n home, free ports, each example workflow run
 * once with `n8n execute`, and after "ready" it waits until the trigger workflow has
 * executed on a webhook, then stops everything and exits 0 (1 on any failure).
 * PANEL_MAIN_SMOKE=hold does the same checks, then runs on until a signal (test/main.smoke.test.js
 * sends the Ctrl-C and checks that nothing is left behind).
 */
const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { build, REPO } = require('./build');
const wf = require('./workflows');
const { banner } = require('./banner');

// '1': exit after the checks; 'hold': after the checks, run until a signal (the test's Ctrl-C).
const SMOKE_MODE = process.env.PANEL_MAIN_SMOKE ?? '';
const SMOKE = SMOKE_MODE === '1' || SMOKE_MODE === 'hold';
const SPEED = Number(process.env.PANEL_CLOCK_SPEED || 30);
const OWNER_EMAIL = process.env.PANEL_N8N_OWNER_EMAIL || 'demo@panel.local';
const OWNER_PASSWORD = process.env.PANEL_N8N_OWNER_PASSWORD || 'Panel-demo-2026';
const LIVE_ORDERS = 3;

const log = (/** @type {string} */ s) => process.stdout.write(`[main] ${s}\n`);

function cacheDir() {
  return process.env.PANEL_CACHE || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'panel-integrations');
}

/** Cleanup steps, run once in reverse order on exit, error or signal. */
const cleanups = /** @type {Array<() => Promise<void>>} */ ([]);
let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  for (const fn of cleanups.reverse()) {
    try {
      await fn();
    } catch (err) {
      log(`while stopping: ${/** @type {Error} */ (err).message}`);
    }
  }
  process.exit(code);
}
for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
  process.on(sig, () => {
    if (!stopping) log(`${sig}: stopping n8n and the sandbox…`);
    void shutdown(sig === 'SIGINT' ? 0 : 143);
  });
}

/** The main job's own state (webhook secret, what was imported), kept beside the n8n home. */
function loadState(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
}

const sha = (/** @type {unknown} */ v) => crypto.createHash('sha256').update(JSON.stringify(v)).digest('hex');

async function portFree(port) {
  const net = require('node:net');
  return await new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** @param {string} name @param {number} port @param {string} envVar */
async function requirePort(name, port, envVar) {
  if (!(await portFree(port))) {
    throw new Error(`Port ${port} (${name}) is in use: stop what runs there, or set ${envVar} to another port.`);
  }
}

/** Orders for the examples: varied services and outcomes, so the batch shows every state. */
async function placeOrders(client, services, count, tag) {
  const byId = new Map(services.map((s) => [s.service, s]));
  const plan = [
    ['2', { quantity: 500 }],
    ['1', { quantity: 2000 }],
    ['3', { quantity: 2000 }],
    ['11', { quantity: 100000 }],
    ['12', { quantity: 100 }],
    ['2', { quantity: 800 }, '#partial'],
    ['12', { quantity: 50 }, '#cancel'],
    ['1', { quantity: 300 }, '#fail'],
  ];
  const ids = [];
  for (let i = 0; i < count; i++) {
    const [id, input, outcome = ''] = /** @type {[string, Record<string, number>, string?]} */ (plan[i % plan.length]);
    const service = byId.get(id);
    if (!service) throw new Error(`the sandbox catalog has no service ${id}`);
    const placed = await client.addOrder(service, { link: `https://example.com/${tag}/${i + 1}${outcome}`, ...input });
    ids.push(placed.order);
  }
  return ids;
}

/** n8n's output goes to a log file; this returns its last lines for error messages. */
function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/**
 * `n8n start` in its own process group (so its task runner goes with it), output to a log,
 * under guard.js, which stops the group if this process dies without cleaning up (SIGKILL).
 * @returns {{ pid: number, exited: Promise<{ code: number | null, signal: string | null }>, stop: () => Promise<void> }}
 */
function startN8n(h, logFile) {
  const bin = path.join(h.n8nDir, 'node_modules', 'n8n', 'bin', 'n8n');
  const out = fs.openSync(logFile, 'a');
  const guard = path.join(__dirname, 'guard.js');
  const child = spawn(process.execPath, [guard, String(process.pid), process.execPath, bin, 'start'], { env: h.env, stdio: ['ignore', out, out], detached: true });
  fs.closeSync(out);
  const pid = /** @type {number} */ (child.pid);
  /** @type {Promise<{ code: number | null, signal: string | null }>} */
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let alive = true;
  void exited.then(() => (alive = false));
  const signalGroup = (sig) => {
    try {
      process.kill(-pid, sig);
    } catch {
      // the group is gone already
    }
  };
  return {
    pid,
    exited,
    async stop() {
      // The guard passes SIGTERM on to n8n once (n8n takes a second one as "exit now").
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const timer = setTimeout(() => signalGroup('SIGKILL'), 15_000);
      if (alive) await exited;
      clearTimeout(timer);
      // Whatever is left of the group (a task runner that lingers) goes too.
      signalGroup('SIGKILL');
    },
  };
}

async function waitFor(what, fn, { timeoutMs, intervalMs = 500, failFast }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const failed = failFast?.();
    if (failed) throw new Error(failed);
    const value = await fn().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Prints each webhook delivery once it is delivered or has failed. */
function watchDeliveries(sb, print) {
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

async function main() {
  const started = Date.now();
  const home = SMOKE
    ? fs.mkdtempSync(path.join(os.tmpdir(), 'panel-main-smoke-'))
    : process.env.PANEL_MAIN_HOME || path.join(cacheDir(), 'main');
  fs.mkdirSync(home, { recursive: true });
  if (SMOKE) cleanups.push(async () => fs.rmSync(home, { recursive: true, force: true }));
  const { freePort, createN8nHome, ensureN8n } = require(path.join(REPO, 'scripts', 'n8n', 'harness.js'));

  const sandboxPort = SMOKE ? 0 : Number(process.env.PANEL_SANDBOX_PORT || 4000);
  const n8nPort = SMOKE ? await freePort() : Number(process.env.PANEL_N8N_PORT || 5678);
  if (!SMOKE) {
    await requirePort('sandbox Panel', sandboxPort, 'PANEL_SANDBOX_PORT');
    await requirePort('n8n', n8nPort, 'PANEL_N8N_PORT');
  }

  // 1. build
  log('building core, sandbox and n8n-nodes-panel (only what changed)');
  build(['core', 'sandbox', 'n8n'], { log });
  const { pack } = require(path.join(REPO, 'packages', 'n8n-nodes-panel', 'scripts', 'pack.js'));
  const tarball = pack(fs.mkdtempSync(path.join(os.tmpdir(), 'panel-main-pack-')));
  cleanups.push(async () => fs.rmSync(path.dirname(tarball), { recursive: true, force: true }));
  log(`packed ${path.basename(tarball)} (${(fs.statSync(tarball).size / 1024).toFixed(1)} KiB)`);

  // 2. sandbox
  const { startSandbox } = require(path.join(REPO, 'packages', 'sandbox', 'dist', 'index.js'));
  // Outside smoke mode the sandbox keeps its state (orders, balance, clock) beside the n8n
  // home, so the order ids in n8n's past executions still mean something after a restart.
  const stateFile = SMOKE ? undefined : path.join(home, 'sandbox.sqlite');
  const sb = await startSandbox({ port: sandboxPort, host: '127.0.0.1', admin: true, clock: { speed: SPEED }, ...(stateFile ? { stateFile } : {}) });
  cleanups.push(() => sb.stop());
  log(`sandbox Panel on ${sb.apiUrl} (clock ×${SPEED}${stateFile ? `, state in ${stateFile}` : ''})`);
  const { createPanelClient } = require(path.join(REPO, 'packages', 'core', 'dist', 'node', 'index.js'));
  const client = createPanelClient({ apiUrl: sb.apiUrl, apiKey: sb.key });
  cleanups.push(() => client.close());
  const services = await client.services();
  const existing = sb.orders().length;
  const seeded = existing >= wf.BATCH_SIZE ? [] : await placeOrders(client, services, wf.BATCH_SIZE - existing, 'batch');
  const balance = await client.balance();
  if (seeded.length > 0) log(`placed ${seeded.length} orders for the batch example (ids ${seeded[0]}–${seeded[seeded.length - 1]}); balance now ${balance.balance} ${balance.currency}`);
  else log(`the sandbox already holds ${existing} orders (the batch example asks for ids 1–${wf.BATCH_SIZE}); balance ${balance.balance} ${balance.currency}`);

  // 3. n8n itself
  log('n8n 2.41.1: using the cached install, or installing it now (first run only: ~8 min, ~3 GB, progress below)');
  const n8nDir = ensureN8n();

  // 4. n8n home
  const userFolder = path.join(home, 'n8n-home');
  fs.mkdirSync(userFolder, { recursive: true });
  const h = await createN8nHome({ tarball, n8nDir, userFolder, port: n8nPort, log: SMOKE ? log : () => {} });
  const bcrypt = require(path.join(n8nDir, 'node_modules', 'bcryptjs'));
  Object.assign(h.env, {
    N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
    N8N_INSTANCE_OWNER_EMAIL: OWNER_EMAIL,
    N8N_INSTANCE_OWNER_PASSWORD_HASH: bcrypt.hashSync(OWNER_PASSWORD, 10),
    N8N_INSTANCE_OWNER_FIRST_NAME: 'Panel',
    N8N_INSTANCE_OWNER_LAST_NAME: 'Demo',
    N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
  });
  log(`installed the packed node into ${path.join(userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-panel')}`);

  const mainStateFile = path.join(home, 'main-state.json');
  const state = loadState(mainStateFile);
  state.token ??= crypto.randomBytes(18).toString('base64url');
  const creds = wf.credentials({ apiUrl: sb.apiUrl, apiKey: sb.key });
  const flows = wf.workflows({ token: state.token });
  const wanted = sha({ creds, flows });
  if (state.imported !== wanted || !fs.existsSync(path.join(userFolder, '.n8n', 'database.sqlite'))) {
    log('importing the sandbox credential and 3 example workflows into n8n (n8n CLI, ~1 min)');
    await h.importCredentials(creds);
    const dir = fs.mkdtempSync(path.join(home, 'import-'));
    for (const w of flows) fs.writeFileSync(path.join(dir, `${w.id}.json`), JSON.stringify(w));
    try {
      await h.cli(['import:workflow', '--separate', `--input=${dir}`]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    await h.publishWorkflow(wf.IDS.trigger);
    state.imported = wanted;
    fs.writeFileSync(mainStateFile, JSON.stringify(state, null, 2));
  } else {
    log('credential and example workflows already imported (unchanged)');
  }

  if (SMOKE) {
    // Each manual example runs once on n8n's real engine, against the sandbox.
    for (const [id, node, check] of /** @type {const} */ ([
      [wf.IDS.order, 'Read its status', (/** @type {any[]} */ items) => items.length === 1 && /^\d+$/.test(String(items[0].json.order))],
      [wf.IDS.batch, 'Status of each order', (/** @type {any[]} */ items) => items.length === wf.BATCH_SIZE && items.every((i) => !('error' in i.json))],
    ])) {
      const before = sb.requests().length;
      const { run } = await h.execute(id);
      const runs = run?.data?.resultData?.runData?.[node];
      const items = runs?.[0]?.data?.main?.[0] ?? [];
      if (!check(items)) {
        const result = run?.data?.resultData ?? {};
        const errors = Object.entries(result.runData ?? {}).map(([n, r]) => `${n}: ${/** @type {any} */ (r)?.[0]?.error?.message ?? 'ok'}`);
        throw new Error(`example workflow ${id}: "${node}" gave ${items.length} items (${result.error?.message ?? 'no run error'}; ${errors.join('; ')}): ${JSON.stringify(items.slice(0, 2)).slice(0, 800)}`);
      }
      log(`smoke: example ${id} ran in n8n: "${node}" → ${items.length} item(s), ${sb.requests().length - before} Panel requests`);
    }
  }

  // 5. n8n
  const logFile = path.join(home, 'n8n.log');
  fs.writeFileSync(logFile, '');
  log(`starting n8n on http://localhost:${n8nPort} (log: ${logFile})`);
  const n8n = startN8n(h, logFile);
  cleanups.push(() => n8n.stop());
  log(`n8n runs in process group ${n8n.pid} (under guard.js, pid ${n8n.pid}, which stops it if this job dies)`);
  let n8nExit = /** @type {string | undefined} */ (undefined);
  void n8n.exited.then(({ code, signal }) => {
    n8nExit = `n8n exited (${code ?? signal})`;
    if (!stopping) {
      log(`${n8nExit}; last lines of ${logFile}:\n${tail(logFile)}`);
      void shutdown(1);
    }
  });
  const hookUrl = wf.triggerUrl(`http://127.0.0.1:${n8nPort}`, state.token);
  await waitFor(
    'n8n to answer and the trigger webhook to be registered',
    async () => {
      const ready = await fetch(`http://127.0.0.1:${n8nPort}/healthz/readiness`);
      if (!ready.ok) return false;
      // The trigger refuses a delivery without its token with 401: registered and guarded.
      const probe = await fetch(hookUrl.replace(/\?.*$/, ''), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      return probe.status === 401;
    },
    { timeoutMs: 240_000, failFast: () => n8nExit },
  );
  log(`n8n is up (${Math.round((Date.now() - started) / 1000)} s since start)`);

  sb.setWebhook(sb.key, { url: hookUrl.replace(/\?.*$/, ''), token: state.token });
  const stopWatching = watchDeliveries(sb, log);
  cleanups.push(async () => stopWatching());
  const live = await placeOrders(client, services, LIVE_ORDERS, 'live');
  log(`placed ${live.length} live orders (${live.join(', ')}): their status changes arrive in n8n as webhook executions`);

  process.stdout.write(
    banner({
      n8nUrl: `http://localhost:${n8nPort}`,
      ownerEmail: OWNER_EMAIL,
      ownerPassword: OWNER_PASSWORD,
      apiUrl: sb.apiUrl,
      apiKey: sb.key,
      adminUrl: sb.adminUrl,
      hookUrl: hookUrl.replace(state.token, '<secret>'),
      home,
      logFile,
      batchSize: wf.BATCH_SIZE,
      speed: SPEED,
    }),
  );
  log('ready');

  if (SMOKE) {
    const rows = await waitFor(
      'the trigger workflow to execute on a sandbox webhook',
      async () => {
        const done = (await h.executions(wf.IDS.trigger)).filter((/** @type {any} */ e) => e.status === 'success' && e.mode === 'webhook');
        return done.length > 0 ? done : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 1000, failFast: () => n8nExit },
    );
    const first = rows[0].data?.resultData?.runData?.['Panel Trigger']?.[0]?.data?.main?.[0]?.[0]?.json;
    if (!first || !sb.orders().some((/** @type {any} */ o) => String(o.order) === String(first.order))) throw new Error(`trigger execution without a sandbox order's update: ${JSON.stringify(first)}`);
    log(`smoke: the trigger workflow executed on ${rows.length} webhook(s); first: order ${first.order} → ${first.status}`);
    log('smoke: ok');
    if (SMOKE_MODE !== 'hold') await shutdown(0);
  }
}

main().catch(async (err) => {
  log(`failed: ${err instanceof Error ? err.message : String(err)}`);
  await shutdown(1);
});
