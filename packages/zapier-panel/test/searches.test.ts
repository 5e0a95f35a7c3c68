/** Every search against the sandbox, through Zapier's app tester (its output checks included). */
import { Decimal } from '@panel/core';
import type { Sandbox } from '@panel/sandbox';
import App from '../src';
import { appTester, authData, KEY, messageOf, performOf, rejection, sandbox } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
  sb = await sandbox();
});
afterAll(() => sb.stop());

const search = (key: keyof typeof App.searches, inputData: Record<string, unknown> = {}) =>
  appTester(performOf(App.searches[key]), { authData: authData(sb), inputData }) as Promise<Array<Record<string, unknown>>>;

describe('Find Order', () => {
  test('returns the status of a known order', async () => {
    const seeded = sb.seedOrder({ key: KEY, service: 1, link: 'https://instagram.com/a', quantity: 100 });
    const found = await search('find_order', { order: String(seeded.order) });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ id: String(seeded.order), order: String(seeded.order), status: 'Pending', final: false });
  });

  test('an order the Panel does not know is "not found" ([]), not an error', async () => {
    expect(await search('find_order', { order: '987654321' })).toEqual([]);
  });
});

describe('Find Service', () => {
  test('by id', async () => {
    const found = await search('find_service', { service: '7' });
    expect(found.map((s) => s.service)).toEqual(['7']);
    expect(found[0]).toMatchObject({ id: '7', type: 'Poll' });
  });

  test('by name and by category, any case', async () => {
    const byName = await search('find_service', { name: 'tiktok' });
    expect(byName.length).toBeGreaterThan(0);
    for (const s of byName) expect(String(s.name).toLowerCase()).toContain('tiktok');
    const byCategory = await search('find_service', { category: 'TELEGRAM' });
    expect(byCategory.length).toBeGreaterThan(0);
    for (const s of byCategory) expect(s.category).toBe('Telegram');
    const both = await search('find_service', { name: 'poll', category: 'telegram' });
    expect(both.map((s) => s.service)).toEqual(['7']);
  });

  test('nothing matching is [] and no criteria at all names the fields to fill', async () => {
    expect(await search('find_service', { name: 'no such service anywhere' })).toEqual([]);
    expect(await search('find_service', { service: '424242' })).toEqual([]);
    const err = await rejection(search('find_service', {}));
    expect(messageOf(err)).toMatch(/"service"/);
    expect(messageOf(err)).toMatch(/"name"/);
  });
});

describe('Find Refill', () => {
  test('returns the status of a refill, [] for an unknown one', async () => {
    const seeded = sb.seedOrder({ key: KEY, service: 1, link: 'https://instagram.com/r', quantity: 100 });
    await sb.setOutcome(seeded.order, 'complete', { immediate: true });
    const refill = (await appTester(performOf(App.creates.refill_order), {
      authData: authData(sb),
      inputData: { order: String(seeded.order) },
    })) as { refill: string };
    const found = await search('find_refill', { refill: refill.refill });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ id: refill.refill, refill: refill.refill, error: null });
    expect(typeof found[0]!.status).toBe('string');
    expect(await search('find_refill', { refill: '99999999' })).toEqual([]);
  });
});

describe('Get Balance', () => {
  test('returns balance (exact text) and currency', async () => {
    const [balance] = await search('get_balance');
    expect(balance).toMatchObject({ id: 'balance', currency: 'USD' });
    expect(Decimal.parse(balance!.balance).eq(sb.balance(KEY).balance)).toBe(true);
  });
});
