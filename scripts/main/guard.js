#!/usr/bin/env node
// @ts-check
/**
 * Runs a command (n8n) as the leader of its own process group and ties its life to the main
 * job's: when the process whose pid is given goes away — even by SIGKILL, which leaves no
 * chance to clean up — the whole group is stopped, so no n8n (or its task runner) is orphaned.
 * SIGTERM / SIGINT to the guard are passed on to the command; the guard exits with its code.
 *   node guard.js <watchPid> <command> [args…]
 * Started detached (by main.js, and by scripts/n8n/queue.js for every process it starts), so
 * the group is the guard's own and its starter can signal all of it.
 */
const { spawn } = require('node:child_process');

const [watchArg, command, ...args] = process.argv.slice(2);
const watchPid = Number(watchArg);
if (!Number.isInteger(watchPid) || watchPid <= 0 || !command) {
  process.stderr.write('usage: guard.js <watchPid> <command> [args…]\n');
  process.exit(2);
}

// PANEL_GUARD_UID / PANEL_GUARD_GID: run the command as that user (Postgres refuses root).
const ids = process.env.PANEL_GUARD_UID ? { uid: Number(process.env.PANEL_GUARD_UID), gid: Number(process.env.PANEL_GUARD_GID ?? process.env.PANEL_GUARD_UID) } : {};
const child = spawn(command, args, { stdio: 'inherit', ...ids });
let stopping = false;

/** SIGINT is passed on as it is (Postgres' fast shutdown); anything else becomes SIGTERM. */
function stopGroup(reason, signal = 'SIGTERM') {
  if (stopping) return;
  stopping = true;
  process.stderr.write(`[guard] ${reason}: stopping ${command.split('/').pop()} (pid ${child.pid})\n`);
  child.kill(signal === 'SIGINT' ? 'SIGINT' : 'SIGTERM');
  // Whatever is still in the group after the grace period goes (the guard included).
  setTimeout(() => {
    try {
      process.kill(-process.pid, 'SIGKILL');
    } catch {
      process.exit(1);
    }
  }, Number(process.env.PANEL_GUARD_GRACE_MS || 15_000)).unref();
}

for (const sig of /** @type {const} */ (['SIGTERM', 'SIGINT', 'SIGHUP'])) process.on(sig, () => stopGroup(sig, sig));

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return /** @type {NodeJS.ErrnoException} */ (err).code === 'EPERM';
  }
};
const watch = setInterval(() => {
  if (!alive(watchPid)) stopGroup(`process ${watchPid} is gone`);
}, 1000);

child.once('exit', (code, signal) => {
  clearInterval(watch);
  // The command is done; anything it started and left in the group goes with the guard.
  try {
    process.kill(-process.pid, 'SIGKILL');
  } catch {
    // not a group leader (run by hand): nothing else to stop
  }
  process.exit(code ?? (signal ? 128 + 15 : 1));
});
