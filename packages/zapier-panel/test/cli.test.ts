/**
 * Zapier's own CLI, offline: `validate --without-style` is clean, and `build --skip-dep-install`
 * zips the app from the pnpm workspace and test-loads the zip (the build fails if that load
 * fails). Runs after the workspace build (`npm test` builds first).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { KEY } from './helpers';
import { readZip } from './zip';

const appDir = path.resolve(__dirname, '..');
const cli = path.join(appDir, 'node_modules', '.bin', 'zapier-platform');

function run(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cli, args, {
      cwd: appDir,
      // No analytics call home; the flags below keep every step offline.
      env: { ...process.env, DISABLE_ZAPIER_ANALYTICS: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

test('zapier-platform validate --without-style finds no problem', async () => {
  const { code, out } = await run(['validate', '--without-style', '--skip-build']);
  expect(out).toContain('This project is structurally sound!');
  expect(out).toContain('No structural errors found');
  expect(code).toBe(0);
}, 120_000);

test('zapier-platform build --skip-dep-install zips the workspace app and its test-load passes', async () => {
  const { code, out } = await run(['build', '--skip-dep-install', '--skip-validation']);
  expect(out).toContain('Testing build');
  expect(out).toContain('Build complete!');
  expect(code).toBe(0);

  const zipPath = path.join(appDir, 'build', 'build.zip');
  expect(existsSync(zipPath)).toBe(true);
  const size = statSync(zipPath).size;
  expect(size).toBeGreaterThan(100_000);
  expect(size).toBeLessThan(10 * 1024 * 1024);

  const entries = readZip(readFileSync(zipPath));
  const names = new Set(entries.map((e) => e.name));
  for (const needed of ['zapierwrapper.js', 'packages/zapier-panel/index.js', 'packages/zapier-panel/dist/index.js', 'packages/core/dist/index.js']) {
    expect(names).toContain(needed);
  }
  // Files Node reaches only through the "module-sync" export condition made it in.
  expect([...names].some((n) => n.endsWith('async-function/require.mjs'))).toBe(true);
  // Dev-only code stays out: the sandbox, the CLI itself, tests, TypeScript sources.
  expect([...names].filter((n) => n.startsWith('packages/sandbox/') || /zapier-platform-cli\/src\//.test(n) || /packages\/zapier-panel\/(test|src)\//.test(n))).toEqual([]);

  const definition = JSON.parse(entries.find((e) => e.name === 'definition.json')!.read().toString('utf8')) as {
    triggers: Record<string, unknown>;
    creates: Record<string, unknown>;
    searches: Record<string, unknown>;
  };
  expect(Object.keys(definition.triggers).sort()).toEqual(
    ['balance_below', 'new_service', 'order_status_polling', 'order_status_webhook', 'service_list', 'service_rate_changed'],
  );
  expect(Object.keys(definition.creates).sort()).toEqual(['cancel_orders', 'create_order', 'refill_order']);
  expect(Object.keys(definition.searches).sort()).toEqual(['find_order', 'find_refill', 'find_service', 'get_balance']);
  for (const e of entries) if (e.name.endsWith('.js') || e.name.endsWith('.json')) expect(e.read().toString('utf8')).not.toContain(KEY);
  // eslint-disable-next-line no-console
  console.log(`build.zip: ${size} bytes, ${entries.length} entries`);
}, 240_000);
