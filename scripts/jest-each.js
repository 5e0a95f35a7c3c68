#!/usr/bin/env node
/**
 * Runs each package's jest project in its own jest process, one after another, and fails if
 * any fails. Why not one `jest` over all projects: test files of different projects then
 * share worker processes, and some libraries patch process-wide modules (zapier-platform-core
 * patches `http.request`), which changed how other packages' raw-HTTP tests behave.
 * A watchdog ends a run that does not exit (a leaked server or timer), so CI never hangs;
 * that counts as a failure. Extra arguments go to every jest run.
 *   node scripts/jest-each.js [jest args…]      PANEL_JEST_TIMEOUT_MIN (default 40)
 */
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const jestBin = require.resolve('jest/bin/jest', { paths: [root] });
const timeoutMin = Number(process.env.PANEL_JEST_TIMEOUT_MIN || 40);

/** Expands one path pattern whose segments may hold `*` (enough for jest's `projects`). */
function expand(pattern) {
  let paths = [''];
  for (const segment of pattern.split('/').filter(Boolean)) {
    if (!segment.includes('*')) {
      paths = paths.map((p) => path.join(p, segment));
      continue;
    }
    const re = new RegExp(`^${segment.split('*').map((x) => x.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    paths = paths.flatMap((p) => {
      const dir = path.join(root, p);
      if (!fs.existsSync(dir)) return [];
      return fs.readdirSync(dir).sort().filter((name) => re.test(name)).map((name) => path.join(p, name));
    });
  }
  return paths.filter((p) => fs.existsSync(path.join(root, p)));
}

// The same projects as the root jest.config.js, so `npx jest` and `npm test` run the same tests.
const { projects } = require(path.join(root, 'jest.config.js'));
const configs = projects.flatMap((p) => expand(p.replace('<rootDir>', '')));

/** Passed / failed / skipped counts from jest's JSON report; a run that wrote none counts as one failure. */
function readCounts(file) {
  try {
    const r = JSON.parse(fs.readFileSync(file, 'utf8'));
    return { passed: r.numPassedTests, failed: r.numFailedTests + (r.numRuntimeErrorTestSuites || 0), skipped: r.numPendingTests + r.numTodoTests };
  } catch {
    return { passed: 0, failed: 1, skipped: 0 };
  }
}

function run(config) {
  return new Promise((resolve) => {
    const started = Date.now();
    // jest's JSON report gives the counts for the closing line CI reads.
    const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jest-each-')), 'report.json');
    const args = [jestBin, '--config', config, '--json', '--outputFile', report, ...process.argv.slice(2)];
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
    const watchdog = setTimeout(() => {
      process.stderr.write(`\n[jest-each] ${config}: still running after ${timeoutMin} min, stopping it (a test left a server or timer open?)\n`);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    }, timeoutMin * 60_000);
    child.on('exit', (code, signal) => {
      clearTimeout(watchdog);
      const counts = readCounts(report);
      fs.rmSync(path.dirname(report), { recursive: true, force: true });
      resolve({ config, ok: code === 0, code: signal ?? code, seconds: Math.round((Date.now() - started) / 1000), ...counts });
    });
  });
}

(async () => {
  const results = [];
  for (const config of configs) {
    process.stdout.write(`\n[jest-each] ${config}\n`);
    results.push(await run(config));
  }
  process.stdout.write('\n[jest-each] summary\n');
  for (const r of results) {
    process.stdout.write(`  ${r.ok ? 'pass' : 'FAIL'}  ${r.config}  ${r.passed} passed, ${r.failed} failed (${r.seconds} s${r.ok ? '' : `, exit ${r.code}`})\n`);
  }
  const sum = (k) => results.reduce((n, r) => n + r[k], 0);
  const ok = results.every((r) => r.ok) && sum('passed') > 0;
  // The plain closing line: 'N passed, N failed' alone on a line.
  process.stdout.write(`tests: ${sum('passed')} passed, ${sum('failed')} failed${sum('skipped') ? `, ${sum('skipped')} skipped` : ''}\n`);
  process.exit(ok ? 0 : 1);
})();
