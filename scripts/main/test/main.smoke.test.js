/**
 * The main job end to end, as `npm start` runs it, in smoke mode: a real sandbox, a real
 * n8n 2.41.1 (the cached install), the packed node, the imported examples (each manual one
 * run once with `n8n execute`), the published trigger receiving the sandbox's webhooks. Then
 * the Ctrl-C a user would press: main must exit 0 and leave no process and no port behind.
 * Slow (n8n's CLI starts several times): minutes, not seconds.
 */
const { spawn } = require('node:child_process');
const net = require('node:net');
const path = require('node:path');

const MAIN = path.join(__dirname, '..', 'main.js');

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const listening = (port) =>
  new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

test('npm start (smoke): sandbox + n8n ready, trigger executes on a webhook, Ctrl-C leaves nothing behind', async () => {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, PANEL_MAIN_SMOKE: 'hold' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const okOrExit = await Promise.race([
    new Promise((resolve) => {
      const timer = setInterval(() => {
        if (out.includes('[main] smoke: ok')) {
          clearInterval(timer);
          resolve('ok');
        }
      }, 250);
      void exited.then(() => clearInterval(timer));
    }),
    exited.then((e) => `exited early ${JSON.stringify(e)}`),
  ]);
  if (okOrExit !== 'ok') throw new Error(`${okOrExit}\n${out}`);

  // What the user sees: the URLs and the next steps.
  expect(out).toMatch(/n8n editor\s+http:\/\/localhost:\d+/);
  expect(out).toMatch(/Sandbox API\s+http:\/\/127\.0\.0\.1:\d+\/api\/v2/);
  expect(out).toMatch(/API key sandbox-demo-key/);
  expect(out).toMatch(/Sandbox admin\s+http:\/\/127\.0\.0\.1:\d+\/_sandbox/);
  expect(out).toContain('What to do next');
  expect(out).toContain('[main] ready');
  // The examples ran in n8n: the order got an id, 200 statuses came in 2 Panel requests.
  expect(out).toMatch(/example panelDemoOrder01 ran in n8n: "Read its status" → 1 item/);
  expect(out).toMatch(/example panelDemoBatch01 ran in n8n: "Status of each order" → 200 item\(s\), 2 Panel requests/);
  expect(out).toMatch(/the trigger workflow executed on \d+ webhook/);
  // The webhook secret is never printed.
  expect(out).toContain('?token=<secret>');

  const n8nPid = Number(/n8n runs in process group (\d+)/.exec(out)[1]);
  const sandboxPort = Number(/sandbox Panel on http:\/\/127\.0\.0\.1:(\d+)/.exec(out)[1]);
  const n8nPort = Number(/starting n8n on http:\/\/localhost:(\d+)/.exec(out)[1]);
  expect(alive(n8nPid)).toBe(true);
  expect(await listening(sandboxPort)).toBe(true);
  expect(await listening(n8nPort)).toBe(true);

  // Ctrl-C.
  child.kill('SIGINT');
  const { code } = await exited;
  expect(code).toBe(0);
  expect(out).toContain('SIGINT: stopping n8n and the sandbox');
  let groupGone = false;
  try {
    process.kill(-n8nPid, 0);
  } catch (err) {
    groupGone = err.code === 'ESRCH';
  }
  expect(groupGone).toBe(true);
  expect(alive(n8nPid)).toBe(false);
  expect(await listening(sandboxPort)).toBe(false);
  expect(await listening(n8nPort)).toBe(false);
}, 20 * 60_000);
