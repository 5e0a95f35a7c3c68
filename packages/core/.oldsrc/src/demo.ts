/**
 * A small, real demo of the client alone (`node packages/core/dist/demo.js` after a build;
 * the root `npm start` runs the full main job). It talks HTTP to a Panel and prints what it does:
 *   - by default it starts the sandbox Panel (packages/sandbox, built) on a free loopback
 *     port with an accelerated clock, and places real (sandbox) orders;
 *   - with PANEL_API_URL and PANEL_API_KEY it talks to that Panel instead, and only dry-runs
 *     orders unless PANEL_DEMO_PLACE=1 (a real Panel charges real money).
 * Node-only (process, timers): never imported by the package's main entry.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createPanelClient } from './node';
import { PanelError } from './errors';
import type { OrderInput, PreparedOrder, Service, StatusResult } from './types';

/** The part of the sandbox's programmatic API the demo uses (loaded at run time, not a dependency). */
interface DemoSandbox {
  apiUrl: string;
  key: string;
  stop(): Promise<void>;
}
type StartSandbox = (o: Record<string, unknown>) => Promise<DemoSandbox>;

const SANDBOX_DIST = join(__dirname, '..', '..', 'sandbox', 'dist', 'index.js');
const CLOCK_SPEED = 120; // two simulated minutes per real second: orders finish while you watch

const print = (line = '') => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** One order per type we can show with the sandbox's catalog: picked by type, not by id. */
const SAMPLE_INPUTS: Array<[NonNullable<Service['type']>, OrderInput]> = [
  ['Default', { link: 'https://instagram.com/p/demo', quantity: 1000 }],
  ['Custom Comments', { link: 'https://instagram.com/p/demo', comments: 'Love this!\nSo good\n\nWow 🔥' }],
  ['Poll', { link: 'https://t.me/demo_channel/42', quantity: 500, answer_number: 2 }],
  ['Package', { link: 'https://tiktok.com/@demo' }],
];

async function connect(): Promise<{ apiUrl: string; apiKey: string; place: boolean; stop: () => Promise<void>; where: string }> {
  const apiUrl = process.env.PANEL_API_URL;
  if (apiUrl) {
    const apiKey = process.env.PANEL_API_KEY ?? '';
    if (!apiKey) throw new Error('PANEL_API_URL is set but PANEL_API_KEY is not: give the API key of that Panel.');
    return { apiUrl, apiKey, place: process.env.PANEL_DEMO_PLACE === '1', stop: async () => undefined, where: `the Panel at ${apiUrl}` };
  }
  if (!existsSync(SANDBOX_DIST)) {
    throw new Error(`The sandbox is not built (${SANDBOX_DIST} is missing). Run \`npm start\` from the repository root, or set PANEL_API_URL and PANEL_API_KEY.`);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startSandbox } = require(SANDBOX_DIST) as { startSandbox: StartSandbox };
  const sb = await startSandbox({ port: 0, host: '127.0.0.1', clock: { speed: CLOCK_SPEED }, tickMs: 100 });
  return { apiUrl: sb.apiUrl, apiKey: sb.key, place: true, stop: () => sb.stop(), where: `the sandbox Panel at ${sb.apiUrl} (clock ×${CLOCK_SPEED})` };
}

function table(rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  for (const r of rows) print(`  ${r.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`);
}

function describeStatus(r: StatusResult): string {
  if (r.error !== null) return `error: ${r.error}`;
  return `${r.status}${r.final ? ' (final)' : ''}, remains ${r.remains ?? '?'}, charge ${r.charge ?? '?'} ${r.currency ?? ''}`.trim();
}

async function main(): Promise<void> {
  const target = await connect();
  const client = createPanelClient({ apiUrl: target.apiUrl, apiKey: target.apiKey });
  try {
    print(`Panel demo: talking to ${target.where}`);
    print();

    const balance = await client.balance();
    print(`Balance: ${balance.balance} ${balance.currency}`);

    const services = await client.services();
    const categories = new Set(services.map((s) => s.category));
    print(`Services: ${services.length} in ${categories.size} categories`);
    table([['id', 'type', 'rate/1000', 'min', 'max', 'name'], ...services.slice(0, 12).map((s) => [s.service, s.type ?? `? ${s.type_raw}`, s.rate, String(s.min), String(s.max), s.name])]);
    print();

    print('Dry runs (validated and priced, nothing sent):');
    const prepared: Array<PreparedOrder & { input: OrderInput }> = [];
    for (const [type, input] of SAMPLE_INPUTS) {
      const service = services.find((s) => s.type === type);
      if (!service) continue;
      const p = await client.prepareOrder(service, input);
      prepared.push({ ...p, input });
      print(`  ${type.padEnd(16)} service ${p.service.service}: bills ${p.quantity} (${p.quantity_rule}) → estimated ${p.charge} ${balance.currency}`);
    }
    const subscription = services.find((s) => s.type === 'Subscriptions');
    if (subscription) {
      await client.prepareOrder(subscription, { link: 'https://instagram.com/demo' }).catch((e: PanelError) => print(`  Subscriptions    refused locally: ${e.message}`));
    }
    const tooFew = prepared[0];
    if (tooFew) {
      await client
        .prepareOrder(tooFew.service, { link: 'https://instagram.com/p/demo', quantity: 1 })
        .catch((e: PanelError & { field?: string }) => print(`  quantity 1       refused locally (field "${e.field}"): ${e.message}`));
    }
    print();

    if (!target.place) {
      print('Not placing orders on a real Panel (set PANEL_DEMO_PLACE=1 to place them).');
      return;
    }

    const orders: string[] = [];
    for (const p of prepared) {
      const { order } = await client.addOrder(p.service, p.input);
      orders.push(order);
      print(`Placed ${p.type} order ${order}`);
    }
    print();

    print(`Polling ${orders.length} orders with one multiStatus request per round:`);
    for (let round = 1; round <= 40; round++) {
      const statuses = await client.statuses(orders);
      print(`  round ${round}: ${statuses.map((s) => `${s.order}=${s.error === null ? s.status : 'error'}`).join('  ')}`);
      if (statuses.every((s) => s.error !== null || s.final)) {
        for (const s of statuses) print(`    order ${s.order}: ${describeStatus(s)}`);
        break;
      }
      await sleep(500);
    }
    const after = await client.balance();
    print();
    print(`Balance after: ${after.balance} ${after.currency} (refunds for undelivered parts included)`);
    print(`HTTP requests made by the client: ${client.requestCount}`);
  } finally {
    await client.close();
    await target.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`demo failed: ${err instanceof PanelError ? err.toString() : err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
