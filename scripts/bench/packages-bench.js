// @ts-check
/**
 * B7: what users install. The packed n8n tarball and the Zapier zip (sizes), and the cold
 * import time of each: a fresh Node process per sample, timing only the `require` of our
 * package (the host's own libraries — n8n-workflow, zod for n8n — are loaded before the
 * clock starts, as they are in n8n; for Zapier the zip's whole entry is timed, core
 * included, as Zapier's cold start loads it).
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { REPO, median, fmt } = require('./lib');
const { build } = require('../main/build');

/** Runs `code` in a fresh node; it prints the elapsed ms of what it timed. */
function sample(code, env = {}) {
  const out = execFileSync(process.execPath, ['-e', code], { encoding: 'utf8', env: { ...process.env, ...env } });
  return Number(out.trim().split('\n').pop());
}

function newest(dir) {
  let max = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const m = fs.statSync(path.join(e.parentPath, e.name)).mtimeMs;
    if (m > max) max = m;
  }
  return max;
}

/** The Zapier zip, rebuilt with the CLI (offline flags) when the app's sources are newer. */
function zapierZip(log) {
  const pkg = path.join(REPO, 'packages', 'zapier-panel');
  const zip = path.join(pkg, 'build', 'build.zip');
  const fresh = fs.existsSync(zip) && fs.statSync(zip).mtimeMs > Math.max(newest(path.join(pkg, 'src')), newest(path.join(REPO, 'packages', 'core', 'src')));
  if (!fresh) {
    log('B7: building the Zapier zip (the app\'s `zip` script: zapier-platform build, offline flags)');
    execFileSync('pnpm', ['run', 'zip'], { cwd: pkg, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return zip;
}

async function b7({ samples = 5, log = (/** @type {string} */ _s) => {} } = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'panel-bench-b7-'));
  try {
    build(['n8n'], { log });
    const { pack } = require(path.join(REPO, 'packages', 'n8n-nodes-panel', 'scripts', 'pack.js'));
    const tarball = pack(path.join(tmp, 'pack'));
    const tgzBytes = fs.statSync(tarball).size;
    const n8nDir = path.join(tmp, 'n8n', 'node_modules', 'n8n-nodes-panel');
    fs.mkdirSync(n8nDir, { recursive: true });
    execFileSync('tar', ['-xzf', tarball, '-C', n8nDir, '--strip-components=1']);
    const pkg = JSON.parse(fs.readFileSync(path.join(n8nDir, 'package.json'), 'utf8'));
    const entries = [...pkg.n8n.credentials, ...pkg.n8n.nodes].map((f) => path.join(n8nDir, f));
    const hostModules = path.join(REPO, 'packages', 'n8n-nodes-panel', 'node_modules');
    const n8nCode = `require('n8n-workflow'); require('zod');
      const t0 = process.hrtime.bigint();
      for (const f of ${JSON.stringify(entries)}) { const m = require(f); for (const k of Object.keys(m)) if (typeof m[k] === 'function') new m[k](); }
      console.log(Number(process.hrtime.bigint() - t0) / 1e6);`;
    const n8nMs = median(Array.from({ length: samples }, () => sample(n8nCode, { NODE_PATH: hostModules })));

    const zip = zapierZip(log);
    const zipBytes = fs.statSync(zip).size;
    const zipDir = path.join(tmp, 'zapier');
    // unzip, not a zip library: the CLI's zip of a pnpm workspace holds symlinks (index.js too).
    execFileSync('unzip', ['-q', zip, '-d', zipDir]);
    const zapCode = `const t0 = process.hrtime.bigint();
      const app = require(${JSON.stringify(path.join(zipDir, 'index.js'))});
      if (!app || !app.version) throw new Error('no app definition');
      console.log(Number(process.hrtime.bigint() - t0) / 1e6);`;
    const zapMs = median(Array.from({ length: samples }, () => sample(zapCode, { NODE_PATH: '' })));
    const kib = (/** @type {number} */ b) => `${fmt(b / 1024, 1)} KiB`;
    return {
      figures: { n8n_tarball_bytes: tgzBytes, n8n_cold_import_ms: n8nMs, zapier_zip_bytes: zipBytes, zapier_cold_import_ms: zapMs, samples },
      rows: [
        {
          id: 'B7',
          what: 'n8n-nodes-panel: packed tarball, cold import (nodes + credential)',
          result: `${kib(tgzBytes)}, ${fmt(n8nMs, 1)} ms`,
          ratio: '–',
          goal: '≤ 200 KiB; ≤ 150 ms',
          met: tgzBytes <= 200 * 1024 && n8nMs <= 150,
        },
        {
          id: 'B7′',
          what: 'zapier-panel: build zip, cold import of the app (core + zapier-platform-core included)',
          result: `${kib(zipBytes)}, ${fmt(zapMs, 1)} ms`,
          ratio: '–',
          goal: '≤ 5 MiB; ≤ 1,000 ms',
          met: zipBytes <= 5 * 1024 * 1024 && zapMs <= 1000,
        },
      ],
    };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

module.exports = { b7 };
