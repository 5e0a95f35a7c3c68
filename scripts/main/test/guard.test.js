/**
 * guard.js with real processes: a stand-in for n8n that starts a grandchild (as n8n starts its
 * task runner). When the watched process dies by SIGKILL, the whole group goes; a SIGTERM to
 * the guard reaches the command exactly once and the guard exits with the command's code.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const GUARD = path.join(__dirname, '..', 'guard.js');

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(fn, ms = 10_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (fn()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return fn();
}

/** The command: writes its pid and its grandchild's, counts SIGTERMs, exits 7 on the first. */
function standIn(dir) {
  const file = path.join(dir, 'stand-in.js');
  fs.writeFileSync(
    file,
    `const { spawn } = require('node:child_process');
     const fs = require('node:fs');
     const g = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
     fs.writeFileSync(${JSON.stringify(path.join(dir, 'pids'))}, JSON.stringify({ child: process.pid, grandchild: g.pid }));
     let n = 0;
     process.on('SIGTERM', () => { fs.writeFileSync(${JSON.stringify(path.join(dir, 'terms'))}, String(++n)); setTimeout(() => process.exit(7), 200); });
     setInterval(() => {}, 1000);`,
  );
  return file;
}

const readPids = (dir) => JSON.parse(fs.readFileSync(path.join(dir, 'pids'), 'utf8'));

let dir;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'panel-guard-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('the watched process is SIGKILLed: command, grandchild and guard all stop', async () => {
  // A stand-in for main.js: starts the guard detached, watching itself, then waits.
  const parent = spawn(
    process.execPath,
    [
      '-e',
      `const { spawn } = require('node:child_process');
       const g = spawn(process.execPath, [${JSON.stringify(GUARD)}, String(process.pid), process.execPath, ${JSON.stringify(standIn(dir))}], { detached: true, stdio: 'ignore', env: { ...process.env, PANEL_GUARD_GRACE_MS: '1000' } });
       console.log(g.pid);
       setInterval(() => {}, 1000);`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const guardPid = Number(await new Promise((resolve) => parent.stdout.once('data', (d) => resolve(String(d).trim()))));
  expect(await until(() => fs.existsSync(path.join(dir, 'pids')))).toBe(true);
  const { child, grandchild } = readPids(dir);
  expect([alive(guardPid), alive(child), alive(grandchild)]).toEqual([true, true, true]);

  parent.kill('SIGKILL');
  expect(await until(() => !alive(guardPid) && !alive(child) && !alive(grandchild))).toBe(true);
  expect(fs.readFileSync(path.join(dir, 'terms'), 'utf8')).toBe('1');
}, 30_000);

test('SIGTERM to the guard reaches the command once; the guard exits with its code', async () => {
  const guard = spawn(process.execPath, [GUARD, String(process.pid), process.execPath, standIn(dir)], { stdio: 'ignore', detached: true });
  const exited = new Promise((resolve) => guard.once('exit', (code, signal) => resolve({ code, signal })));
  expect(await until(() => fs.existsSync(path.join(dir, 'pids')))).toBe(true);
  const { child, grandchild } = readPids(dir);
  guard.kill('SIGTERM');
  const result = await exited;
  // The guard ends the group (itself included) once the command is done: killed, or code 7.
  expect(result.code === 7 || result.signal === 'SIGKILL').toBe(true);
  expect(fs.readFileSync(path.join(dir, 'terms'), 'utf8')).toBe('1');
  expect(await until(() => !alive(child) && !alive(grandchild))).toBe(true);
}, 30_000);
