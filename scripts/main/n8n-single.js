// @ts-check
/**
 * The main job's single n8n: its home (packed node, owner account from the environment, the
 * sandbox credential and the examples imported only when they changed) and `n8n start` in
 * its own process group under guard.js.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
// By path, as the main job always loads it: harness.js is plain, untyped JS.
const { createN8nHome } = require(path.join(__dirname, '..', 'n8n', 'harness.js'));

const sha = (/** @type {unknown} */ v) => crypto.createHash('sha256').update(JSON.stringify(v)).digest('hex');

/** Env that makes n8n create the owner account itself: the editor opens on a login page. */
function ownerEnv(/** @type {string} */ n8nDir, /** @type {{ email: string, password: string }} */ owner) {
  const bcrypt = require(path.join(n8nDir, 'node_modules', 'bcryptjs'));
  return {
    N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
    N8N_INSTANCE_OWNER_EMAIL: owner.email,
    N8N_INSTANCE_OWNER_PASSWORD_HASH: bcrypt.hashSync(owner.password, 10),
    N8N_INSTANCE_OWNER_FIRST_NAME: 'Panel',
    N8N_INSTANCE_OWNER_LAST_NAME: 'Demo',
    N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
  };
}

/**
 * The n8n home in `<home>/n8n-home`, with the credential and workflows imported when they
 * differ from the last import (recorded in `state.imported`) and `publish` published.
 * @param {{ home: string, tarball: string, n8nDir: string, port: number, owner: { email: string, password: string },
 *   credentials: any[], workflows: any[], publish: string[], state: Record<string, any>, saveState: () => void, log: (s: string) => void, verbose: boolean }} o
 */
async function prepareHome({ home, tarball, n8nDir, port, owner, credentials, workflows, publish, state, saveState, log, verbose }) {
  const userFolder = path.join(home, 'n8n-home');
  fs.mkdirSync(userFolder, { recursive: true });
  const h = await createN8nHome({ tarball, n8nDir, userFolder, port, env: ownerEnv(n8nDir, owner), log: verbose ? log : () => {} });
  log(`installed the packed node into ${path.join(userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-panel')}`);
  const wanted = sha({ credentials, workflows });
  if (state.imported !== wanted || !fs.existsSync(path.join(userFolder, '.n8n', 'database.sqlite'))) {
    log(`importing the sandbox credential and ${workflows.length} example workflows into n8n (n8n CLI, ~1 min)`);
    await h.importCredentials(credentials);
    const dir = fs.mkdtempSync(path.join(home, 'import-'));
    for (const w of workflows) fs.writeFileSync(path.join(dir, `${w.id}.json`), JSON.stringify(w));
    try {
      await h.cli(['import:workflow', '--separate', `--input=${dir}`]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    for (const id of publish) await h.publishWorkflow(id);
    state.imported = wanted;
    saveState();
  } else {
    log('credential and example workflows already imported (unchanged)');
  }
  return h;
}

/** The last lines of a log file, for error messages. */
function tail(/** @type {string} */ file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/**
 * `n8n start` in its own process group (so its task runner goes with it), output to a log,
 * under guard.js, which stops the group if this process dies without cleaning up (SIGKILL).
 * @param {any} h @param {string} logFile
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
  const signalGroup = (/** @type {NodeJS.Signals} */ sig) => {
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

module.exports = { ownerEnv, prepareHome, startN8n, tail };
