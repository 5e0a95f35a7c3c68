/** Create Order (dynamic fields per order type, dry run), Cancel Orders, Refill Order. */
import { Decimal } from '@panel/core';
import type { Sandbox } from '@panel/sandbox';
import App from '../src';
import { appTester, authData, KEY, messageOf, performOf, rejection, sandbox } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
  sb = await sandbox();
});
afterAll(() => sb.stop());

const createOrder = App.creates.create_order.operation;
const typeFields = createOrder.inputFields![2] as never;

type Fields = Array<{ key: string; type?: string; required?: boolean; list?: boolean; helpText?: string }>;
const fieldsFor = (service: string) =>
  appTester(typeFields, { authData: authData(sb), inputData: { service } }) as Promise<Fields>;
const order = (inputData: Record<string, unknown>) =>
  appTester(createOrder.perform as never, { authData: authData(sb), inputData }) as Promise<Record<string, unknown>>;
const adds = () => sb.requests({ action: 'add' }).length;

// The spec's table of fields per order type (service ids of the sandbox's default catalog).
const TYPES: Array<[string, string, string[]]> = [
  ['1', 'Default', ['link', 'quantity', 'runs', 'interval']],
  ['4', 'SEO', ['link', 'keywords', 'quantity']],
  ['5', 'Custom Comments', ['link', 'comments']],
  ['6', 'Custom Comments Package', ['username', 'min', 'max', 'delay', 'posts', 'old_posts', 'expiry']],
  ['7', 'Poll', ['link', 'quantity', 'answer_number']],
  ['9', 'Invites from Groups', ['link', 'groups', 'quantity']],
  ['10', 'Package', ['link']],
];

describe('Create Order: dynamic fields', () => {
  test('no fields until a service is picked', async () => {
    expect(await appTester(typeFields, { authData: authData(sb), inputData: {} })).toEqual([]);
  });

  test.each(TYPES)('service %s (%s) shows exactly its type fields', async (service, _type, keys) => {
    const fields = await fieldsFor(service);
    expect(fields.map((f) => f.key).sort()).toEqual([...keys].sort());
    for (const f of fields) expect(f.helpText!.length).toBeGreaterThan(0);
  });

  test('fields are typed for Zapier: quantity an integer, comments multi-line text, link required', async () => {
    const byKey = (fs: Fields) => Object.fromEntries(fs.map((f) => [f.key, f]));
    const def = byKey(await fieldsFor('1'));
    expect(def.quantity).toMatchObject({ type: 'integer', required: true });
    expect(def.link).toMatchObject({ type: 'string', required: true });
    expect(def.runs!.required).toBe(false);
    expect(byKey(await fieldsFor('5')).comments).toMatchObject({ type: 'text', required: true });
  });

  test('Subscriptions and unknown services show a note instead of fields', async () => {
    const subs = await fieldsFor('8');
    expect(subs).toHaveLength(1);
    expect(subs[0]).toMatchObject({ type: 'copy' });
    expect(subs[0]!.helpText).toMatch(/Subscriptions/);
    const missing = await fieldsFor('424242');
    expect(missing[0]).toMatchObject({ type: 'copy' });
    expect(missing[0]!.helpText).toMatch(/424242/);
  });
});

describe('Create Order: dry run and placing', () => {
  test('a dry run validates and prices exactly, and places nothing', async () => {
    const before = adds();
    const result = await order({ service: '2', dry_run: 'true', link: 'https://instagram.com/p/1', quantity: 1000 });
    expect(result).toMatchObject({ dry_run: true, order: null, type: 'Default', quantity: 1000, service: '2' });
    expect(Decimal.parse(result.charge).eq('0.2785')).toBe(true);
    expect(result.fields).toMatchObject({ service: '2', link: 'https://instagram.com/p/1', quantity: '1000' });
    expect(JSON.stringify(result)).not.toContain(KEY);
    expect(adds()).toBe(before);
  });

  const PLACE: Array<[string, Record<string, unknown>, number]> = [
    // drip-feed: quantity is per run, so 2 runs of 100 bill 200
    ['1', { link: 'https://instagram.com/u', quantity: '100', runs: '2', interval: '30' }, 200],
    ['4', { link: 'https://example.com', keywords: ['shoes', 'red shoes'], quantity: 200 }, 200],
    ['5', { link: 'https://instagram.com/p/2', comments: 'Nice!\nGreat post\n\nWow' }, 3],
    ['6', { username: 'someone', min: '10', max: '20', delay: '0', posts: '2' }, 40],
    ['7', { link: 'https://t.me/c/1', quantity: 50, answer_number: '2' }, 50],
    ['9', { link: 'https://t.me/group', groups: 'groupone\ngrouptwo', quantity: 100 }, 100],
    ['10', { link: 'https://tiktok.com/@me' }, 1000],
  ];

  test.each(PLACE)('service %s: places the order the Panel records', async (service, input, billed) => {
    const result = await order({ service, dry_run: false, ...input });
    expect(result).toMatchObject({ dry_run: false, quantity: billed });
    expect(typeof result.order).toBe('string');
    expect(result.id).toBe(result.order);
    const placed = sb.order(Number(result.order));
    expect(placed).toBeDefined();
    expect(placed!.service).toBe(Number(service));
  });

  test('Subscriptions is refused before anything is sent', async () => {
    const before = adds();
    const err = await rejection(order({ service: '8', link: 'https://instagram.com/u', quantity: 100 }));
    expect(err.name).toBe('HaltedError');
    expect(messageOf(err)).toMatch(/Subscriptions/);
    expect(adds()).toBe(before);
  });

  test('validation errors name the field to fix and send nothing', async () => {
    const before = adds();
    const low = await rejection(order({ service: '1', link: 'https://instagram.com/u', quantity: 1 }));
    expect(messageOf(low)).toContain('"quantity"');
    const noLink = await rejection(order({ service: '7', quantity: 50, answer_number: 1 }));
    expect(messageOf(noLink)).toContain('"link"');
    const badDate = await rejection(order({ service: '6', username: 'x', min: 1, max: 2, delay: 0, expiry: 'next week' }));
    expect(messageOf(badDate)).toContain('"expiry"');
    expect(adds()).toBe(before);
  });

  test('text that looks like a Zapier template is sent literally (never expanded to the key)', async () => {
    const comments = 'first\n{{bundle.authData.api_key}}';
    const result = await order({ service: '5', link: 'https://instagram.com/p/3', comments });
    const placed = sb.order(Number(result.order))!;
    expect(placed.fields.comments).toContain('{{bundle.authData.api_key}}');
    expect(JSON.stringify(placed.fields)).not.toContain(KEY);
  });
});

describe('Create Order: the catalog from z.cache', () => {
  test('dynamic fields and every Zap run after them read the catalog once', async () => {
    await appTester(typeFields, { authData: authData(sb), inputData: { service: '1' } }, true);
    for (let i = 0; i < 3; i++) await order({ service: '2', link: `https://instagram.com/z${i}`, quantity: 100 });
    const services = sb.requests({ action: 'services' }).length;
    const before = adds();
    const again = await order({ service: '2', link: 'https://instagram.com/z9', quantity: 100 });
    expect(typeof again.order).toBe('string');
    expect(sb.requests({ action: 'services' }).length).toBe(services);
    expect(adds()).toBe(before + 1);
  });

  test('a cold cache reads it once; an unknown service is a not-found error naming it, nothing sent', async () => {
    const reads = sb.requests({ action: 'services' }).length;
    const before = adds();
    const err = await rejection(appTester(createOrder.perform as never, { authData: authData(sb), inputData: { service: '424242', link: 'https://x.test', quantity: 100 } }, true) as Promise<unknown>);
    expect(messageOf(err)).toMatch(/Service 424242 is not in the Panel's catalog/);
    expect(sb.requests({ action: 'services' }).length).toBe(reads + 1);
    expect(adds()).toBe(before);
  });
});

describe('Cancel Orders', () => {
  test('reports per order which were canceled and which were not', async () => {
    const a = sb.seedOrder({ key: KEY, service: 1, link: 'https://instagram.com/c', quantity: 100 });
    const result = (await appTester(performOf(App.creates.cancel_orders), {
      authData: authData(sb),
      inputData: { orders: [String(a.order), '987654321'] },
    })) as Record<string, unknown>;
    expect(result).toMatchObject({ canceled_count: 1, failed_count: 1, canceled_orders: String(a.order), failed_orders: '987654321' });
    const results = result.results as Array<{ order: string; canceled: boolean; error: string | null }>;
    expect(results.find((r) => r.order === '987654321')!.error).toMatch(/\w/);
    expect(sb.requests({ action: 'cancel' })).toHaveLength(1);
  });
});

describe('Refill Order', () => {
  const refill = (order: string) =>
    appTester(performOf(App.creates.refill_order), { authData: authData(sb), inputData: { order } }) as Promise<Record<string, unknown>>;

  test('a completed order of a refillable service gets a refill id', async () => {
    const seeded = sb.seedOrder({ key: KEY, service: 1, link: 'https://instagram.com/f', quantity: 100 });
    await sb.setOutcome(seeded.order, 'complete', { immediate: true });
    const result = await refill(String(seeded.order));
    expect(result).toMatchObject({ order: String(seeded.order) });
    expect(result.refill).toMatch(/^\d+$/);
    expect(result.id).toBe(result.refill);
  });

  test("a refusal carries the Panel's reason", async () => {
    const seeded = sb.seedOrder({ key: KEY, service: 2, link: 'https://instagram.com/f', quantity: 100 });
    const err = await rejection(refill(String(seeded.order)));
    expect(messageOf(err)).toMatch(/refill/i);
    expect(messageOf(err)).not.toContain(KEY);
  });
});
