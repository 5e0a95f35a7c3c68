#!/usr/bin/env node
// @ts-check
/**
 * The Zapier app, tried locally without a Zapier account (`npm run zapier`): Zapier's own CLI,
 * `zapier-platform invoke` (19.1.0), runs the app's auth, triggers, creates and searches on
 * this machine against a sandbox Panel on loopback, with the auth in a `.env` prepared for it.
 *
 *   1. auth test + auth label      the balance call, the connection label
 *   2. trigger service_list        the service dropdown
 *   3. create create_order         a dry run (priced, nothing placed), then a real order
 *   4. search find_order           the order just placed
 *   5. trigger order_status_polling  polled, the order completes, polled again: the new
 *                                    `order:status` id is what makes Zapier fire
 *
 * The CLI loads the app from its working directory and writes its wrapper there, so each run
 * gets its own directory: links to packages/zapier-panel's package.json, index.js, dist and
 * node_modules, plus the `.env`. PANEL_ZAPIER_SANDBOX_PORT picks the sandbox port (default: free).
 * test/zapier.test.js runs the same steps.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..', '..');
const APP = path.join(REPO, 'packages', 'zapier-panel');
const CLI = path.join(APP, 'node_modules', 'zapier-platform-cli', 'src', 'bin', 'run');

/**
 * A working directory the CLI can load the app from, with a `.env` holding the auth for `apiUrl`.
 * @param {{ apiUrl: string, apiKey: string, dir?: string }} o
 */
function prepareAppDir({ apiUrl, apiKey, dir = fs.mkdtempSync(path.join(os.tmpdir(), 'panel-zapier-invoke-')) }) {
  if (!fs.existsSync(path.join(APP, 'dist', 'index.js'))) throw new Error('packages/zapier-panel/dist is missing: build first (pnpm -r run build)');
  for (const name of ['package.json', 'index.js', 'dist', 'node_modules']) {
    const link = path.join(dir, name);
    if (!fs.existsSync(link)) fs.symlinkSync(path.join(APP, name), link);
  }
  // What `zapier-platform invoke auth start` would write after asking for each auth field.
  fs.writeFileSync(path.join(dir, '.env'), `authData_api_url='${apiUrl}'\nauthData_api_key='${apiKey}'\n`, { mode: 0o600 });
  return dir;
}

/**
 * One `zapier-platform invoke …` in `dir`; resolves with its JSON output (or its text).
 * @param {string} dir @param {string[]} args @returns {Promise<{ args: string[], code: number | null, output: any, text: string, stderr: string }>}
 */
function invoke(dir, args) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, DISABLE_ZAPIER_ANALYTICS: '1', FORCE_COLOR: '0', NO_COLOR: '1', NODE_ENV: 'production' };
    for (const k of Object.keys(env)) if (k.startsWith('JEST_') || k.startsWith('authData_')) delete env[k];
    const child = spawn(process.execPath, [CLI, 'invoke', ...args, '--non-interactive'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    let stderr = '';
    child.stdout.on('data', (d) => (text += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      let output = text.trim();
      try {
        output = JSON.parse(output);
      } catch {
        // a label is plain text
      }
      resolve({ args, code, output, text, stderr });
    });
  });
}

/**
 * The whole tour against a sandbox (`sb`, from @panel/sandbox). `print` gets what a user reads.
 * Returns every invocation's result, for the test.
 * @param {any} sb @param {{ print?: (s: string) => void, dir?: string }} [o]
 */
async function tour(sb, { print = () => {}, dir } = {}) {
  const appDir = prepareAppDir({ apiUrl: sb.apiUrl, apiKey: sb.key, dir });
  /** @type {Record<string, any>} */
  const steps = {};
  const run = async (/** @type {string} */ name, /** @type {string[]} */ args, /** @type {(out: any) => string} */ show) => {
    const shown = args.map((a) => (a.startsWith('{') ? `'${a}'` : a)).join(' ');
    print(`\n$ zapier-platform invoke ${shown}`);
    const r = await invoke(appDir, args);
    steps[name] = r;
    if (r.code !== 0) throw new Error(`zapier-platform invoke ${shown} failed (exit ${r.code}):\n${r.text}\n${r.stderr}`);
    print(show(r.output));
    return r.output;
  };
  try {
    await run('authTest', ['auth', 'test'], (o) => `  balance ${o.balance} ${o.currency}`);
    await run('authLabel', ['auth', 'label'], (o) => `  connection label: ${o}`);
    await run('services', ['trigger', 'service_list'], (o) =>
      [`  ${o.length} services in the dropdown, e.g.`, ...o.slice(0, 3).map((/** @type {any} */ s) => `    ${s.id}: ${s.label}`)].join('\n'),
    );
    const order = { service: '1', link: 'https://instagram.com/p/zapier-demo', quantity: '500' };
    await run('dryRun', ['create', 'create_order', '-i', JSON.stringify({ ...order, dry_run: 'true' })], (o) =>
      `  dry run: ${o.quantity} × "${o.service_name}" would cost ${o.charge} (order: ${o.order})`,
    );
    const placed = await run('create', ['create', 'create_order', '-i', JSON.stringify({ ...order, dry_run: 'false' })], (o) =>
      `  placed order ${o.order}: ${o.quantity} × "${o.service_name}", charge ${o.charge}`,
    );
    await run('find', ['search', 'find_order', '-i', JSON.stringify({ order: String(placed.order) })], (o) =>
      `  order ${o[0].order}: ${o[0].status}, remains ${o[0].remains}`,
    );
    const poll = JSON.stringify({ orders: String(placed.order) });
    const first = await run('poll1', ['trigger', 'order_status_polling', '-i', poll], (o) => `  poll: ${o.map((/** @type {any} */ i) => i.id).join(', ')} (Zapier's first poll only records these ids)`);
    sb.setOutcome(Number(placed.order), 'complete');
    print(`\n  (the sandbox completes order ${placed.order})`);
    const second = await run('poll2', ['trigger', 'order_status_polling', '-i', poll], (o) => `  poll: ${o.map((/** @type {any} */ i) => i.id).join(', ')}`);
    const seen = new Set(first.map((/** @type {any} */ i) => i.id));
    const fired = second.filter((/** @type {any} */ i) => !seen.has(i.id));
    steps.fired = fired;
    print(`  new since the last poll: ${fired.map((/** @type {any} */ i) => `${i.id} (${i.status}, final: ${i.final})`).join(', ') || 'nothing'} → the Zap runs once for it`);
    return { steps, appDir };
  } finally {
    if (!dir) fs.rmSync(appDir, { recursive: true, force: true });
  }
}

async function main() {
  const { build } = require('./build');
  build(['core', 'sandbox', 'zapier'], { log: (s) => process.stdout.write(`[zapier] ${s}\n`) });
  const { startSandbox } = require(path.join(REPO, 'packages', 'sandbox', 'dist', 'index.js'));
  const sb = await startSandbox({ port: Number(process.env.PANEL_ZAPIER_SANDBOX_PORT || 0), host: '127.0.0.1', clock: 'manual' });
  process.stdout.write(`[zapier] sandbox Panel on ${sb.apiUrl} (key ${sb.key}); the app runs in Zapier's CLI, locally, from a .env with these\n`);
  try {
    await tour(sb, { print: (s) => process.stdout.write(`${s}\n`) });
    process.stdout.write(`\n[zapier] done: ${sb.requests().length} Panel requests; the app ran in Zapier's CLI on this machine (no Zapier account). See packages/zapier-panel/README.md ("Try it locally").\n`);
  } finally {
    await sb.stop();
  }
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`[zapier] failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}

module.exports = { prepareAppDir, invoke, tour };
