/** Faults on demand: each kind, whether the request took effect, per action, at a rate. */
import { request } from 'node:http';
import { sandbox, admin } from './helpers';
import type { Sandbox } from '../src';

let sb: Sandbox;
let api: Awaited<ReturnType<typeof sandbox>>['api'];
beforeEach(async () => ({ sb, api } = await sandbox()));
afterEach(() => sb.stop());

const addParams = { service: 1, link: 'https://instagram.com/acme', quantity: 100 };

/** A raw POST with node:http, to see resets and partial bodies as they are. */
function rawPost(url: string, form: Record<string, string | number>): Promise<{ status: number; body: string; chunks: number; ms: number } | { error: string }> {
  const body = new URLSearchParams(Object.entries(form).map(([k, v]): [string, string] => [k, String(v)])).toString();
  const started = Date.now();
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) }, agent: false }, (res) => {
      let text = '';
      let chunks = 0;
      res.setEncoding('utf8');
      res.on('data', (c: string) => { text += c; chunks++; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, chunks, ms: Date.now() - started }));
      res.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    req.end(body);
  });
}

const key = 'sandbox-demo-key';

it('reset_before: the connection is reset and nothing happens', async () => {
  sb.fault({ kind: 'reset_before', action: 'add' });
  const r = await rawPost(sb.apiUrl, { key, action: 'add', ...addParams });
  expect(r).toEqual({ error: 'ECONNRESET' });
  expect(sb.orders()).toHaveLength(0);
  expect(sb.balance().balance).toBe('1000.00');
  expect(sb.requests().at(-1)).toMatchObject({ action: 'add', status: 0, fault: 'reset_before', processed: false });
});

it('reset_after: the order exists and is charged, but the client gets a reset', async () => {
  sb.fault({ kind: 'reset_after', action: 'add' });
  const r = await rawPost(sb.apiUrl, { key, action: 'add', ...addParams });
  expect(r).toEqual({ error: 'ECONNRESET' });
  expect(sb.orders()).toHaveLength(1);
  expect(sb.balance().balance).toBe('999.91');
  expect(sb.requests().at(-1)).toMatchObject({ action: 'add', status: 0, fault: 'reset_after', processed: true, created: sb.orders()[0]!.order });
  // the fault was used up: the next request is normal
  expect((await api('balance')).json.balance).toBe('999.91');
});

it('reset_mid: the head and half the body arrive, then a reset; the order exists', async () => {
  sb.fault({ kind: 'reset_mid', action: 'add' });
  const res = await fetch(sb.apiUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ key, action: 'add', ...Object.fromEntries(Object.entries(addParams).map(([k, v]) => [k, String(v)])) }) });
  expect(res.status).toBe(200);
  await expect(res.text()).rejects.toThrow();
  expect(sb.orders()).toHaveLength(1);
  expect(sb.requests().at(-1)).toMatchObject({ fault: 'reset_mid', processed: true, status: 0 });
});

it('status: 502 and 429 with Retry-After, request not processed', async () => {
  sb.fault([{ kind: 'status', status: 502 }, { kind: 'status', status: 429, retryAfterSec: 7 }]);
  const a = await api('add', addParams);
  expect(a.status).toBe(502);
  expect(a.json).toEqual({ error: 'Upstream provider returned an error' });
  const b = await api('add', addParams);
  expect(b.status).toBe(429);
  expect(b.headers.get('retry-after')).toBe('7');
  expect(sb.orders()).toHaveLength(0);
  expect((await api('add', addParams)).status).toBe(200);
});

it('html: an HTML page instead of JSON', async () => {
  sb.fault({ kind: 'html', status: 502 });
  const r = await api('balance');
  expect(r.status).toBe(502);
  expect(r.headers.get('content-type')).toMatch(/text\/html/);
  expect(r.text).toMatch(/^<!DOCTYPE html>/);
  expect(r.json).toBeUndefined();
});

it('truncated: half a JSON body; the add took effect', async () => {
  sb.fault({ kind: 'truncated', action: 'add' });
  const r = await api('add', addParams);
  expect(r.status).toBe(200);
  expect(r.json).toBeUndefined();
  expect('{"order":1}'.startsWith(r.text)).toBe(true);
  expect(sb.orders()).toHaveLength(1);
  sb.fault({ kind: 'truncated', action: 'add', processed: false });
  await api('add', addParams);
  expect(sb.orders()).toHaveLength(1);
});

it('body and empty: exactly the given body, for tolerant-parsing tests', async () => {
  sb.fault({ kind: 'body', body: '{"balance":100.5,"currency":"EUR"}' });
  expect((await api('balance')).text).toBe('{"balance":100.5,"currency":"EUR"}');
  sb.fault({ kind: 'empty' });
  const e = await api('balance');
  expect([e.status, e.text]).toEqual([200, '']);
});

it('latency and slow bodies delay the answer', async () => {
  sb.fault({ kind: 'latency', ms: 150 });
  const t0 = Date.now();
  expect((await api('balance')).json.balance).toBe('1000.00');
  expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
  sb.fault({ kind: 'slow', ms: 30, action: 'services' });
  const r = await rawPost(sb.apiUrl, { key, action: 'services' });
  if ('error' in r) throw new Error(r.error);
  expect(r.chunks).toBeGreaterThanOrEqual(4);
  expect(r.ms).toBeGreaterThanOrEqual(7 * 30 - 10);
  expect(JSON.parse(r.body)).toHaveLength(12);
});

it('matches by action, counts `times`, and is listed and cleared', async () => {
  sb.fault({ kind: 'status', status: 502, action: 'status', times: 2 });
  expect(sb.faults()).toEqual([{ kind: 'status', status: 502, action: 'status', times: 2 }]);
  expect((await api('balance')).status).toBe(200);
  expect((await api('status', { order: 1 })).status).toBe(502);
  expect(sb.faults()[0]!.times).toBe(1);
  expect((await api('status', { order: 1 })).status).toBe(502);
  expect((await api('status', { order: 1 })).status).toBe(404);
  sb.fault({ kind: 'status', times: 5 });
  sb.clearFaults();
  expect((await api('balance')).status).toBe(200);
  expect(() => sb.fault({ kind: 'explode' as never })).toThrow(/fault.kind must be one of/);
});

it('applies a fault at a rate (seeded, reproducible)', async () => {
  const run = async () => {
    sb.fault({ kind: 'status', status: 502, rate: 0.3 });
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await api('balance')).status);
    sb.clearFaults();
    return statuses;
  };
  const first = await run();
  const failed = first.filter((s) => s === 502).length;
  expect(failed).toBeGreaterThan(6);
  expect(failed).toBeLessThan(36);
  await sb.stop();
  ({ sb, api } = await sandbox());
  expect(await run()).toEqual(first);
});

it('can be queued over the admin interface', async () => {
  const r = await admin(sb, 'POST', '/faults', { kind: 'status', status: 429 });
  expect(r.status).toBe(200);
  expect((await api('balance')).status).toBe(429);
  await admin(sb, 'POST', '/faults', [{ kind: 'status' }, { kind: 'status' }]);
  expect((await admin(sb, 'GET', '/faults')).json).toHaveLength(2);
  await admin(sb, 'DELETE', '/faults');
  expect((await api('balance')).status).toBe(200);
  expect((await admin(sb, 'POST', '/faults', { kind: 'nope' })).status).toBe(400);
});
