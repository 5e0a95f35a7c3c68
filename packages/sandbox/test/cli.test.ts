/** The CLI: flags → options, and a real process that prints the API URL and key and serves. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { optionsFromArgs } from '../src/cli';
import { post } from './helpers';

it('maps flags to options', () => {
  expect(optionsFromArgs([])).toEqual({
    port: 4000, host: '127.0.0.1', admin: false, clock: { speed: 1 },
    accounts: [{ key: 'sandbox-demo-key', balance: '1000.00', currency: 'USD' }],
    rateLimit: { limit: 1000, windowMs: 60_000 },
  });
  expect(optionsFromArgs(['--port', '0', '--speed', '60', '--admin', '--webhook', 'http://127.0.0.1:5678/hook', '--webhook-token', 'tok',
    '--token-in', 'header', '--hmac-secret', 'sec', '--catalog-size', '20000', '--state', '/tmp/x.sqlite', '--key', 'sandbox-k', '--balance', '5.5', '--rate-limit', '0'])).toEqual({
    port: 0, host: '127.0.0.1', admin: true, clock: { speed: 60 },
    accounts: [{ key: 'sandbox-k', balance: '5.5', currency: 'USD' }],
    rateLimit: false,
    catalog: { size: 20000 },
    stateFile: '/tmp/x.sqlite',
    webhook: { url: 'http://127.0.0.1:5678/hook', token: 'tok', tokenIn: 'header', hmacSecret: 'sec' },
  });
  expect(optionsFromArgs(['--manual', '--admin'])!.clock).toBe('manual');
  expect(() => optionsFromArgs(['--manual'])).toThrow('--manual needs --admin');
  expect(optionsFromArgs(['--dialect', 'perfectpanel'])!.dialect).toBe('perfectpanel');
  expect(optionsFromArgs(['--dialect', '{"base":"perfectpanel","cancelForm":"order"}'])!.dialect).toEqual({ base: 'perfectpanel', cancelForm: 'order' });
  expect(() => optionsFromArgs(['--dialect', 'v3'])).toThrow(/--dialect/);
  expect(() => optionsFromArgs(['--dialect', '{"cancelForm":"each"}'])).toThrow(/cancelForm/);
  expect(optionsFromArgs(['--help'])).toBeNull();
  expect(() => optionsFromArgs(['--nope'])).toThrow();
});

it('runs as a process: prints the API URL and key, serves the API, keeps state in --state', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'panel-sandbox-cli-'));
  const script = join(dir, 'cli.js');
  // Bundle the CLI from source (the test must not depend on a prior build).
  buildSync({ entryPoints: [join(__dirname, '../src/cli.ts')], bundle: true, platform: 'node', target: 'node22', outfile: script, logLevel: 'silent' });
  const run = async (fn: (apiUrl: string, key: string, out: string) => Promise<void>) => {
    const child = spawn(process.execPath, [script, '--port', '0', '--state', join(dir, 's.sqlite'), '--key', 'sandbox-cli-key', '--balance', '20'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (c) => { err += c; });
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no banner: ${out}${err}`)), 5000);
        child.stdout.on('data', (c) => { out += c; if (/API key/.test(out)) { clearTimeout(timer); resolve(); } });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
      });
      const apiUrl = /API URL:\s+(\S+)/.exec(out)![1]!;
      const key = /API key:\s+(\S+)/.exec(out)![1]!;
      await fn(apiUrl, key, out);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    expect(err).not.toMatch(/ExperimentalWarning/);
  };
  try {
    let orderId = 0;
    await run(async (apiUrl, key) => {
      expect(apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v2$/);
      expect(key).toBe('sandbox-cli-key');
      expect((await post(apiUrl, { key, action: 'balance' })).json).toEqual({ balance: '20.00', currency: 'USD' });
      orderId = (await post(apiUrl, { key, action: 'add', service: 1, link: 'https://x.y', quantity: 1000 })).json.order;
    });
    await run(async (apiUrl, key) => {
      expect((await post(apiUrl, { key, action: 'balance' })).json).toEqual({ balance: '19.10', currency: 'USD' });
      expect((await post(apiUrl, { key, action: 'status', order: orderId })).status).toBe(200);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 20_000);

it('names the flag to fix', () => {
  expect(() => optionsFromArgs(['--port', 'x'])).toThrow('--port must be a whole number');
  expect(() => optionsFromArgs(['--speed', '0'])).toThrow('--speed must be a positive number');
  expect(() => optionsFromArgs(['--token-in', 'body'])).toThrow('--token-in must be query or header');
  expect(() => optionsFromArgs(['--balance', '1,5'])).toThrow('--balance must be a decimal amount');
});
