/**
 * `npm run zapier` offline: the same `zapier-platform invoke` runs (Zapier's CLI 19.1.0, local
 * mode, auth from a prepared `.env`) against a sandbox Panel on loopback, checked against what
 * the sandbox saw. Needs the workspace build (`npm test` builds first). ~1 min: the CLI boots
 * once per invocation.
 */
const fs = require('node:fs');
const path = require('node:path');
const { tour } = require('../zapier');

const REPO = path.resolve(__dirname, '..', '..', '..');
const { startSandbox } = require(path.join(REPO, 'packages', 'sandbox', 'dist', 'index.js'));

jest.setTimeout(240_000);

let sb;
let result;
beforeAll(async () => {
  sb = await startSandbox({ port: 0, host: '127.0.0.1', clock: 'manual' });
  const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'panel-zapier-test-'));
  result = await tour(sb, { dir });
  result.dir = dir;
});
afterAll(async () => {
  if (result?.dir) fs.rmSync(result.dir, { recursive: true, force: true });
  await sb?.stop();
});

test('the .env holds the sandbox auth the way `invoke auth start` writes it', () => {
  const env = fs.readFileSync(path.join(result.dir, '.env'), 'utf8');
  expect(env).toBe(`authData_api_url='${sb.apiUrl}'\nauthData_api_key='${sb.key}'\n`);
});

test('auth test is the balance call; the label is host and currency', () => {
  // The balance before the order the tour places later.
  const { balance, currency } = sb.balance();
  const [order] = sb.orders();
  expect(Number(result.steps.authTest.output.balance)).toBeCloseTo(Number(balance) + Number(order.charge), 10);
  expect(result.steps.authTest.output.currency).toBe(currency);
  expect(result.steps.authLabel.output).toBe(`127.0.0.1:${sb.port} (${currency})`);
});

test('the service dropdown lists the whole catalog with readable labels', () => {
  const services = result.steps.services.output;
  expect(services.map((s) => s.id)).toEqual(sb.catalog().map((s) => String(s.service)));
  expect(services[0].label).toMatch(/\(#1, Default, [\d.]+ per 1000, refill, cancel, drip-feed\)$/);
});

test('a dry run prices the order and places nothing; the real Create Order places exactly one', () => {
  const dry = result.steps.dryRun.output;
  expect(dry).toMatchObject({ order: null, dry_run: true, service: '1', quantity: 500 });
  expect(sb.requests({ action: 'add' })).toHaveLength(1);
  const placed = result.steps.create.output;
  const [order] = sb.orders();
  expect(sb.orders()).toHaveLength(1);
  expect(String(placed.order)).toBe(String(order.order));
  expect(placed.charge).toBe(dry.charge);
  expect(Number(order.charge)).toBe(Number(dry.charge));
});

test('Find Order finds it; the polling trigger fires once for the new status', () => {
  const id = String(result.steps.create.output.order);
  expect(result.steps.find.output).toEqual([expect.objectContaining({ order: id, status: 'Pending' })]);
  expect(result.steps.poll1.output.map((i) => i.id)).toEqual([`${id}:Pending`]);
  expect(result.steps.poll2.output.map((i) => i.id)).toEqual([`${id}:Completed`]);
  expect(result.steps.fired).toEqual([expect.objectContaining({ id: `${id}:Completed`, status: 'Completed', final: true })]);
});

test('the API key never appears in what the CLI printed (outside the .env)', () => {
  for (const step of Object.values(result.steps)) {
    if (!step || !step.args) continue;
    expect(`${step.text}\n${step.stderr}`).not.toContain(sb.key);
  }
});
