import { sandbox, post, KEY } from './helpers';
import type { Sandbox } from '../src';

let sb: Sandbox;
let api: Awaited<ReturnType<typeof sandbox>>['api'];
beforeAll(async () => ({ sb, api } = await sandbox()));
afterAll(() => sb.stop());

describe('request shape and auth', () => {
  it('answers balance with the default account', async () => {
    const r = await api('balance');
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ balance: '1000.00', currency: 'USD' });
    expect(sb.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v2$/);
  });

  it('refuses GET, JSON and multipart with 400', async () => {
    const get = await fetch(sb.apiUrl);
    expect(get.status).toBe(400);
    expect(((await get.json()) as any).error).toMatch(/POST/);
    const json = await fetch(sb.apiUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key: KEY, action: 'balance' }) });
    expect(json.status).toBe(400);
    expect(((await json.json()) as any).error).toMatch(/x-www-form-urlencoded/);
    const fd = new FormData();
    fd.set('key', KEY);
    fd.set('action', 'balance');
    const multi = await fetch(sb.apiUrl, { method: 'POST', body: fd });
    expect(multi.status).toBe(400);
  });

  it('answers 401 for a missing or wrong key, 400 for a missing or unknown action', async () => {
    expect((await post(sb.apiUrl, { action: 'balance' })).status).toBe(401);
    const wrong = await api('balance', {}, 'test-key-wrong');
    expect(wrong.status).toBe(401);
    expect(wrong.json).toEqual({ error: 'Invalid API key' });
    expect((await post(sb.apiUrl, { key: KEY })).status).toBe(400);
    // field names are plain data, even __proto__ / toString
    expect((await api('status', { ['__proto__']: 'x', toString: '1', order: 424242 })).status).toBe(404);
    const unknown = await api('teleport');
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toBe('Unsupported action: teleport');
  });

  it('has no admin interface unless enabled, and 404s other paths', async () => {
    const { sb: closed } = await sandbox({ admin: false });
    try {
      expect(closed.adminUrl).toBeUndefined();
      expect((await fetch(`${closed.url}/_sandbox/state`)).status).toBe(404);
      expect((await fetch(`${closed.url}/api/v1`, { method: 'POST' })).status).toBe(404);
    } finally {
      await closed.stop();
    }
    await closed.stop(); // stopping twice is harmless
    await expect(fetch(closed.apiUrl, { method: 'POST' })).rejects.toThrow();
  });
});

describe('services', () => {
  it('lists all eight types with string fields and a Package quantity', async () => {
    const r = await api('services');
    expect(r.status).toBe(200);
    const types = new Set(r.json.map((s: any) => s.type));
    expect(types).toEqual(new Set(['Default', 'SEO', 'Custom Comments', 'Custom Comments Package', 'Poll', 'Subscriptions', 'Invites from Groups', 'Package']));
    for (const s of r.json) {
      for (const f of ['service', 'name', 'type', 'rate', 'min', 'max', 'category']) expect(typeof s[f]).toBe('string');
    }
    const pkg = r.json.find((s: any) => s.type === 'Package');
    expect(pkg.quantity).toBe('1000');
    expect(new Set(r.json.map((s: any) => s.category)).size).toBeGreaterThanOrEqual(4);
  });
});
