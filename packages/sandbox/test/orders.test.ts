/** add: the eight order types, their field rules, the Panel's validation, money. */
import { sandbox, MIN } from './helpers';
import type { Sandbox } from '../src';

let sb: Sandbox;
let api: Awaited<ReturnType<typeof sandbox>>['api'];
beforeEach(async () => ({ sb, api } = await sandbox()));
afterEach(() => sb.stop());

const add = (params: Record<string, string | number>) => api('add', params);

describe('valid orders of each type are charged exactly', () => {
  const cases: Array<[string, Record<string, string | number>, number, string]> = [
    ['Default', { service: 1, link: 'https://instagram.com/acme', quantity: 1000 }, 1000, '0.90'],
    ['Default drip-feed (quantity × runs)', { service: 1, link: 'https://instagram.com/acme', quantity: 100, runs: 5, interval: 10 }, 500, '0.45'],
    ['SEO', { service: 4, link: 'https://acme.example', keywords: 'smm panel, buy followers\nreseller', quantity: 300 }, 300, '0.195'],
    ['Custom Comments (quantity = non-empty lines)', { service: 5, link: 'https://instagram.com/p/1', comments: 'Great!\n\n  Love it \nWow\n' }, 3, '0.024'],
    ['Custom Comments Package (posts × max)', { service: 6, username: 'acme', min: 5, max: 10, delay: 30, posts: 4, old_posts: 2, expiry: '2030-01-31' }, 40, '0.50'],
    ['Custom Comments Package (posts default 1)', { service: 6, username: 'acme', min: 2, max: 3, delay: 0 }, 3, '0.0375'],
    ['Poll', { service: 7, link: 'https://t.me/c/1/2', quantity: 100, answer_number: 2 }, 100, '0.03355'],
    ['Invites from Groups', { service: 9, link: 'https://t.me/acme', groups: 'groupone\ngrouptwo', quantity: 500 }, 500, '1.05'],
    ['Package (fixed quantity)', { service: 10, link: 'https://tiktok.com/@acme' }, 1000, '4.99'],
    ['7-decimal rate', { service: 11, link: 'https://tiktok.com/@acme/video/1', quantity: 333 }, 333, '0.0041110848'],
  ];
  it.each(cases)('%s', async (_name, params, quantity, charge) => {
    const r = await add(params);
    expect(r.status).toBe(200);
    expect(typeof r.json.order).toBe('number');
    const order = sb.order(r.json.order)!;
    expect(order.quantity).toBe(quantity);
    expect(order.charge).toBe(charge);
    const status = await api('status', { order: r.json.order });
    expect(status.json).toEqual({ charge, start_count: '0', status: 'Pending', remains: String(quantity), currency: 'USD' });
    const { money } = await import('../src');
    expect(sb.balance().balance).toBe(money.sub('1000.00', charge));
  });

  it('adds up many charges exactly (no float drift)', async () => {
    for (let i = 0; i < 10; i++) await add({ service: 2, link: 'https://instagram.com/p/x', quantity: 10 });
    // 10 × 0.2785 × 10 / 1000 = 0.02785 exactly; floats would give 999.9721499999…
    expect((await api('balance')).json.balance).toBe('999.97215');
  });
});

describe('the Panel refuses bad orders with a message naming the field', () => {
  const cases: Array<[string, Record<string, string | number>, number, RegExp]> = [
    ['no service', { link: 'x', quantity: 100 }, 400, /`service`/],
    ['unknown service', { service: 999, link: 'x', quantity: 100 }, 404, /Incorrect service ID/],
    ['non-numeric service', { service: 'abc', link: 'x', quantity: 100 }, 404, /Incorrect service ID/],
    ['Default without link', { service: 1, quantity: 100 }, 400, /`link`/],
    ['Default without quantity', { service: 1, link: 'https://x.y/z' }, 400, /`quantity`/],
    ['quantity not a number', { service: 1, link: 'https://x.y/z', quantity: '12abc' }, 400, /`quantity` must be a whole number/],
    ['quantity decimal', { service: 1, link: 'https://x.y/z', quantity: '100.5' }, 400, /`quantity` must be a whole number/],
    ['quantity below min', { service: 1, link: 'https://x.y/z', quantity: 49 }, 400, /between 50 and 10000/],
    ['quantity above max', { service: 1, link: 'https://x.y/z', quantity: 10001 }, 400, /between 50 and 10000/],
    ['link with spaces', { service: 1, link: 'not a link', quantity: 100 }, 400, /`link` must not contain spaces/],
    ['runs without interval', { service: 1, link: 'https://x.y/z', quantity: 100, runs: 3 }, 400, /`interval` is required/],
    ['interval without runs', { service: 1, link: 'https://x.y/z', quantity: 100, interval: 3 }, 400, /`runs` is required/],
    ['drip-feed on a service without it', { service: 3, link: 'https://x.y/z', quantity: 100, runs: 2, interval: 5 }, 400, /Drip-feed/],
    ['SEO without keywords', { service: 4, link: 'https://x.y', quantity: 100 }, 400, /`keywords`/],
    ['SEO with only separators', { service: 4, link: 'https://x.y', keywords: ' , ,\n', quantity: 100 }, 400, /`keywords`/],
    ['Custom Comments without comments', { service: 5, link: 'https://x.y' }, 400, /`comments`/],
    ['Custom Comments blank lines only', { service: 5, link: 'https://x.y', comments: '\n \n' }, 400, /`comments`/],
    ['CCP without username', { service: 6, min: 1, max: 2, delay: 0 }, 400, /`username`/],
    ['CCP without delay', { service: 6, username: 'a', min: 1, max: 2 }, 400, /`delay`/],
    ['CCP min > max', { service: 6, username: 'a', min: 5, max: 2, delay: 0 }, 400, /`min` must not exceed `max`/],
    ['CCP total above the service max', { service: 6, username: 'a', min: 5, max: 60, delay: 0, posts: 2 }, 400, /posts × max = 120\) must be between 1 and 100/],
    ['CCP posts 0', { service: 6, username: 'a', min: 1, max: 2, delay: 0, posts: 0 }, 400, /`posts` must be at least 1/],
    ['CCP bad expiry', { service: 6, username: 'a', min: 1, max: 2, delay: 0, expiry: '2030-02-30' }, 400, /`expiry` must be a date YYYY-MM-DD/],
    ['Poll without answer_number', { service: 7, link: 'https://t.me/c/1', quantity: 100 }, 400, /`answer_number`/],
    ['Poll answer_number 0', { service: 7, link: 'https://t.me/c/1', quantity: 100, answer_number: 0 }, 400, /`answer_number` must be at least 1/],
    ['Invites without groups', { service: 9, link: 'https://t.me/a', quantity: 100 }, 400, /`groups`/],
    ['Invites with a spaced group', { service: 9, link: 'https://t.me/a', groups: 'ok\nnot ok', quantity: 100 }, 400, /one username per line/],
    ['Package without link', { service: 10 }, 400, /`link`/],
  ];
  it.each(cases)('%s', async (_name, params, status, message) => {
    const r = await add(params);
    expect(r.status).toBe(status);
    expect(Object.keys(r.json)).toEqual(['error']);
    expect(r.json.error).toMatch(message);
    expect(sb.orders()).toHaveLength(0);
    expect(sb.balance().balance).toBe('1000.00');
  });

  it('refuses Subscriptions through the API with HTTP 400 and a clear message', async () => {
    const r = await add({ service: 8, username: 'acme', min: 50, max: 100, posts: 10, link: 'https://instagram.com/acme' });
    expect(r.status).toBe(400);
    expect(r.json.error).toBe('Subscription orders must be created from the customer site; API creation is not yet supported');
    expect(sb.orders()).toHaveLength(0);
  });
});

describe('balance', () => {
  it('answers 402 and changes nothing when the balance is short', async () => {
    sb.addAccount({ key: 'sandbox-poor-key', balance: '0.89', currency: 'EUR' });
    const r = await api('add', { service: 1, link: 'https://x.y/z', quantity: 1000 }, 'sandbox-poor-key');
    expect(r.status).toBe(402);
    expect(r.json).toEqual({ error: 'Not enough funds on balance' });
    expect(sb.balance('sandbox-poor-key')).toEqual({ balance: '0.89', currency: 'EUR' });
    expect(sb.orders()).toHaveLength(0);
  });

  it('allows spending the balance down to exactly zero, and keeps accounts apart', async () => {
    sb.addAccount({ key: 'sandbox-exact-key', balance: '0.90', currency: 'EUR' });
    const r = await api('add', { service: 1, link: 'https://x.y/z', quantity: 1000 }, 'sandbox-exact-key');
    expect(r.status).toBe(200);
    expect((await api('balance', {}, 'sandbox-exact-key')).json).toEqual({ balance: '0.00', currency: 'EUR' });
    expect((await api('status', { order: r.json.order }, 'sandbox-exact-key')).json.currency).toBe('EUR');
    // the other account sees neither the order nor a change of its balance
    expect((await api('status', { order: r.json.order })).status).toBe(404);
    expect(sb.balance().balance).toBe('1000.00');
  });

  it('creates orders with increasing ids', async () => {
    const a = await add({ service: 1, link: 'https://x.y/a', quantity: 100 });
    const b = await add({ service: 1, link: 'https://x.y/b', quantity: 100 });
    expect(b.json.order).toBe(a.json.order + 1);
    await sb.advance(MIN);
  });
});
