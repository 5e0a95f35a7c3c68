// @ts-check
/** Shared pieces of the benchmarks: the sandbox in a child process, timing, statistics. */
const { fork } = require('node:child_process');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..', '..');

/**
 * Starts the sandbox in its own process (see sandbox-host.js).
 * @param {Record<string, unknown>} options startSandbox options
 */
async function startSandboxProcess(options) {
  const child = fork(path.join(__dirname, 'sandbox-host.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let nextId = 1;
  /** @type {Map<number, { resolve: (v: any) => void, reject: (e: Error) => void }>} */
  const pending = new Map();
  /** @type {{ apiUrl: string, key: string }} */
  const ready = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`sandbox process exited (${code})`)));
    child.on('message', (/** @type {any} */ msg) => {
      if (msg.ready) return resolve(msg.ready);
      if (msg.failed) return reject(new Error(msg.failed));
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if (msg.error) p.reject(new Error(msg.error));
      else p.resolve(msg.result);
    });
    child.send({ options });
  });
  /** @param {string} call @param {...unknown} args */
  const rpc = (call, ...args) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ id, call, args });
    });
  return {
    ...ready,
    rpc,
    /** Requests the sandbox logged after `since` (a seq), summarised. */
    requests: (/** @type {{ since?: number, action?: string }} */ filter = {}) =>
      /** @type {Promise<{ count: number, byStatus: Record<string, number>, byAction: Record<string, number> }>} */ (rpc('requests', filter)),
    seq: () => /** @type {Promise<number>} */ (rpc('seq')),
    async stop() {
      if (child.exitCode !== null) return;
      const gone = new Promise((r) => child.once('exit', r));
      await rpc('stop').catch(() => undefined);
      const t = setTimeout(() => child.kill('SIGKILL'), 5000);
      await gone;
      clearTimeout(t);
    },
  };
}

const median = (/** @type {number[]} */ xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Wall time of an async function in ms. */
async function timed(fn) {
  const t0 = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

const gc = () => /** @type {any} */ (globalThis).gc?.();

/** A number with thousands separators and `digits` decimals. */
const fmt = (/** @type {number} */ n, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Resolves a dependency of a workspace package (e.g. undici of core) the way that package would. */
const requireFrom = (/** @type {string} */ pkgDir, /** @type {string} */ name) => require(require.resolve(name, { paths: [path.join(REPO, pkgDir)] }));

module.exports = { REPO, startSandboxProcess, median, timed, gc, fmt, requireFrom };
