// @ts-check
/**
 * The main job's life: cleanup steps run once, in reverse order, on exit, error or signal
 * (Ctrl-C, SIGTERM, SIGHUP); and a bounded wait for a condition.
 */

const log = (/** @type {string} */ s) => process.stdout.write(`[main] ${s}\n`);

/** Cleanup steps, run once in reverse order. */
const cleanups = /** @type {Array<() => Promise<void> | void>} */ ([]);
let stopping = false;

/** Registers a cleanup step (the last registered runs first). */
function onStop(/** @type {() => Promise<void> | void} */ fn) {
  cleanups.push(fn);
}

const isStopping = () => stopping;

/** Runs every cleanup step, then exits with `code`. */
async function shutdown(/** @type {number} */ code) {
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

/** Ctrl-C exits 0 (the user's normal way out); SIGTERM / SIGHUP exit 143. */
function handleSignals(/** @type {string} */ what) {
  for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    process.on(sig, () => {
      if (!stopping) log(`${sig}: stopping ${what}…`);
      void shutdown(sig === 'SIGINT' ? 0 : 143);
    });
  }
}

/**
 * Polls `fn` until it returns something truthy; `failFast` returning a message ends the wait early.
 * @template T
 * @param {string} what @param {() => Promise<T>} fn
 * @param {{ timeoutMs: number, intervalMs?: number, failFast?: () => string | undefined }} o
 * @returns {Promise<NonNullable<T>>}
 */
async function waitFor(what, fn, { timeoutMs, intervalMs = 500, failFast }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const failed = failFast?.();
    if (failed) throw new Error(failed);
    const value = await fn().catch(() => undefined);
    if (value) return /** @type {NonNullable<T>} */ (value);
    if (Date.now() > deadline) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

module.exports = { log, onStop, shutdown, handleSignals, isStopping, waitFor };
