#!/usr/bin/env node
// @ts-check
/**
 * `pnpm bench`: B1–B4 and B7 in one run, on loopback against the sandbox Panel (in its own
 * process), then the markdown table on stdout and the figures in bench-results/.
 * Run with --expose-gc (the root script does) so heap figures are after a full GC.
 *   BENCH_ONLY=B1,B3 pnpm bench      run a subset
 *   BENCH_QUICK=1 pnpm bench         smaller sizes (a check that it all runs, not figures)
 */
const { startSandboxProcess, fmt } = require('./lib');
const { machine, save } = require('./results');
const { build } = require('../main/build');

const log = (/** @type {string} */ s) => process.stderr.write(`[bench] ${s}\n`);
const QUICK = process.env.BENCH_QUICK === '1';
const ONLY = (process.env.BENCH_ONLY || '').split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
const want = (/** @type {string} */ id) => ONLY.length === 0 || ONLY.includes(id);

const SIZES = QUICK
  ? { b1Calls: 500, b2Ids: 1000, catalog: 2000, rounds: 1, b4Limit: 20, b4Window: 1000, b7Samples: 1 }
  : { b1Calls: 5000, b2Ids: 10000, catalog: 20000, rounds: 3, b4Limit: 100, b4Window: 2000, b7Samples: 5 };

async function main() {
  const startedAt = new Date();
  const m = machine();
  if (typeof (/** @type {any} */ (globalThis).gc) !== 'function') log('note: run with node --expose-gc for heap figures after a full GC');
  build(['core', 'sandbox'], { log });
  const { b1, b2, b3, b4 } = require('./client-bench');
  /** @type {Record<string, { figures: unknown, rows: any[] }>} */
  const results = {};
  /** A benchmark that fails still leaves a row saying so; the others' figures are kept. */
  const attempt = async (/** @type {string} */ id, /** @type {() => Promise<{ figures: unknown, rows: any[] }>} */ fn) => {
    try {
      results[id] = await fn();
    } catch (err) {
      const message = String(/** @type {Error} */ (err)?.message ?? err).split('\n')[0];
      log(`${id} failed: ${message}`);
      results[id] = { figures: { error: message }, rows: [{ id, what: id, result: `failed: ${message.slice(0, 160)}`, ratio: '–', goal: '–', met: false }] };
    }
  };

  if (want('B1') || want('B2') || want('B3')) {
    log(`sandbox: ${fmt(SIZES.catalog)}-service catalog, ${fmt(SIZES.b2Ids)} orders, no rate limit`);
    const sandbox = await startSandboxProcess({ catalog: { size: SIZES.catalog }, rateLimit: false, clock: 'manual' });
    try {
      const ids = /** @type {string[]} */ (await sandbox.rpc('seed', SIZES.b2Ids, 1));
      if (want('B1')) {
        log(`B1: ${fmt(SIZES.b1Calls)} sequential status calls × ${SIZES.rounds} rounds, core vs raw undici`);
        await attempt('B1', () => b1({ sandbox, orderId: ids[0], calls: SIZES.b1Calls, rounds: SIZES.rounds }));
      }
      if (want('B2')) {
        log(`B2: statuses of ${fmt(ids.length)} ids × ${SIZES.rounds} rounds, batched vs per-id loop`);
        await attempt('B2', () => b2({ sandbox, ids, rounds: SIZES.rounds }));
      }
      if (want('B3')) {
        log(`B3: parse + normalise the ${fmt(SIZES.catalog)}-service catalog vs JSON.parse`);
        await attempt('B3', () => b3({ sandbox, rounds: QUICK ? 3 : 7 }));
      }
    } finally {
      await sandbox.stop();
    }
  }
  if (want('B4')) {
    log(`B4: ${3 * SIZES.b4Limit} calls at once against a limit of ${SIZES.b4Limit}/${SIZES.b4Window} ms × ${SIZES.rounds} rounds`);
    await attempt('B4', () => b4({
      startLimited: (/** @type {{ limit: number, windowMs: number }} */ rateLimit) => startSandboxProcess({ rateLimit, clock: 'manual' }),
      limit: SIZES.b4Limit,
      windowMs: SIZES.b4Window,
      rounds: SIZES.rounds,
    }));
  }
  if (want('B7')) {
    log('B7: package sizes and cold import times');
    const { b7 } = require('./packages-bench');
    await attempt('B7', () => b7({ samples: SIZES.b7Samples, log }));
  }

  const seconds = (Date.now() - startedAt.getTime()) / 1000;
  const md = save(results, { command: QUICK ? 'BENCH_QUICK=1 pnpm bench' : 'pnpm bench', machine: m, started: startedAt.toISOString(), seconds });
  process.stdout.write(`\n${md}`);
  log(`figures written to bench-results/latest.json and bench-results/latest.md (${Math.round(seconds)} s)`);
}

main().catch((err) => {
  process.stderr.write(`${err?.stack || err}\n`);
  process.exit(1);
});
