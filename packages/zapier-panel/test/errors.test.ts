/**
 * Core's errors as Zapier errors a Zap owner can act on, through real HTTP against the
 * sandbox (its faults on demand), and the key kept out of errors and of Zapier's logs.
 */
import { createServer, type Server } from 'node:http';
import type { Sandbox } from '@panel/sandbox';
import App from '../src';
import { appHandler, appTester, authData, KEY, messageOf, performOf, rejection, sandbox, zapierPayload } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
  sb = await sandbox({ accounts: [{ key: KEY, balance: '1000.00', currency: 'USD' }, { key: 'sandbox-poor-key', balance: '0.01', currency: 'USD' }] });
});
afterAll(() => sb.stop());
afterEach(() => sb.clearFaults());

const balance = () => appTester(performOf(App.searches.get_balance), { authData: authData(sb) });
const placeOrder = (key = KEY) =>
  appTester(performOf(App.creates.create_order), {
    authData: authData(sb, key),
    inputData: { service: '1', link: 'https://instagram.com/e', quantity: 100 },
  });

function expectNoKey(err: Error, key = KEY) {
  expect(`${err.message}\n${err.stack ?? ''}\n${JSON.stringify(err)}`).not.toContain(key);
}

test('401 → ExpiredAuthError telling the owner to reconnect', async () => {
  const err = await rejection(appTester(performOf(App.searches.get_balance), { authData: authData(sb, 'test-key-wrong') }));
  expect(err.name).toBe('ExpiredAuthError');
  expect(messageOf(err)).toMatch(/reconnect/i);
  expectNoKey(err, 'test-key-wrong');
});

test('402 → HaltedError saying to top up; the Zap is not retried', async () => {
  const err = await rejection(placeOrder('sandbox-poor-key'));
  expect(err.name).toBe('HaltedError');
  expect(messageOf(err)).toMatch(/top up/i);
  expectNoKey(err, 'sandbox-poor-key');
});

test("429 → ThrottledError with the Panel's Retry-After (not Zapier's early generic one)", async () => {
  sb.fault({ kind: 'status', status: 429, retryAfterSec: 42, action: 'balance', times: 5 });
  const err = await rejection(balance());
  expect(err.name).toBe('ThrottledError');
  const payload = zapierPayload(err);
  expect(payload.delay).toBe(42);
  expect(String(payload.message)).not.toBe('The server returned 429 (Too Many Requests)');
  expectNoKey(err);
});

test('a short Retry-After is waited out within the small retry budget', async () => {
  sb.fault({ kind: 'status', status: 429, retryAfterSec: 1, action: 'balance', times: 1 });
  const before = sb.requests({ action: 'balance' }).length;
  const [result] = (await balance()) as Array<{ currency: string }>;
  expect(result!.currency).toBe('USD');
  expect(sb.requests({ action: 'balance' }).length - before).toBe(2);
});

test("HTTP 200 with {\"error\"} → an error with the Panel's message", async () => {
  sb.fault({ kind: 'body', status: 200, body: '{"error":"Incorrect service ID"}', action: 'services' });
  const err = await rejection(appTester(performOf(App.triggers.new_service), { authData: authData(sb) }));
  expect(messageOf(err)).toContain('Incorrect service ID');
});

test('a Panel error that echoes the key never shows it', async () => {
  sb.fault({ kind: 'body', status: 200, body: `{"error":"Invalid key ${KEY}"}`, action: 'balance' });
  const err = await rejection(balance());
  expect(messageOf(err)).toMatch(/Invalid key/);
  expectNoKey(err);
});

// The remaining codes over real HTTP: each becomes Zapier's AppError carrying core's code and message.
const OTHER_FAULTS: Array<[string, Parameters<Sandbox['fault']>[0], string]> = [
  ['HTTP 400', { kind: 'status', status: 400, action: 'balance', times: 2 }, 'bad_request'],
  ['HTTP 404', { kind: 'status', status: 404, action: 'balance', times: 2 }, 'not_found'],
  ['HTTP 502 (after one retry)', { kind: 'status', status: 502, action: 'balance', times: 2 }, 'upstream'],
  ['an HTML page', { kind: 'html', action: 'balance', times: 2 }, 'malformed_response'],
  ['an empty body', { kind: 'empty', action: 'balance', times: 2 }, 'malformed_response'],
];

test.each(OTHER_FAULTS)('%s → an error with core\'s code and a message that says what happened', async (_what, fault, code) => {
  sb.fault(fault);
  const err = await rejection(balance());
  expect(err.name).toBe('AppError');
  expect(zapierPayload(err).code).toBe(code);
  expect(messageOf(err).length).toBeGreaterThan(20);
  expectNoKey(err);
});

test('an add that may have been processed halts and is never sent twice', async () => {
  sb.fault({ kind: 'reset_after', action: 'add' });
  const before = sb.requests({ action: 'add' }).length;
  const ordersBefore = sb.orders().length;
  const err = await rejection(placeOrder());
  expect(err.name).toBe('HaltedError');
  expect(sb.requests({ action: 'add' }).length - before).toBe(1);
  expect(sb.orders().length - ordersBefore).toBe(1);
  expectNoKey(err);
});

test('a reset the client cannot tell from "after sending" halts too, without a resend', async () => {
  sb.fault({ kind: 'reset_before', action: 'add' });
  const before = sb.requests({ action: 'add' }).length;
  const ordersBefore = sb.orders().length;
  const err = await rejection(placeOrder());
  expect(err.name).toBe('HaltedError');
  expect(messageOf(err)).toMatch(/order list/);
  expect(sb.requests({ action: 'add' }).length - before).toBe(1);
  expect(sb.orders().length).toBe(ordersBefore);
});

test("Zapier's own HTTP log sees every Panel request, with the key censored", async () => {
  const logs: Array<{ message: string; data: Record<string, unknown> }> = [];
  const out = await appHandler({
    command: 'execute',
    method: 'creates.create_order.operation.perform',
    bundle: { authData: authData(sb), inputData: { service: '2', link: 'https://instagram.com/l', quantity: 100 } },
    customLogger: (message: string, data: Record<string, unknown>) => logs.push({ message, data }),
  });
  expect(out.results).toMatchObject({ dry_run: false });
  const http = logs.filter((l) => l.data.log_type === 'http');
  const actions = http.map((l) => /action=([a-zA-Z_]+)/.exec(String(l.data.request_data))?.[1]);
  expect(actions).toEqual(expect.arrayContaining(['services', 'add']));
  for (const l of http) expect(String(l.data.request_data)).toMatch(/key=:censored:/);
  expect(JSON.stringify(logs)).not.toContain(KEY);
});

test('a redirect is never followed with the key in the body', async () => {
  const received: string[] = [];
  const listen = (server: Server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
  const target = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push(body);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"balance":"1.00","currency":"USD"}');
    });
  });
  const targetPort = await listen(target);
  const redirector = createServer((req, res) => {
    req.resume();
    res.writeHead(307, { location: `http://127.0.0.1:${targetPort}/api/v2` }).end();
  });
  const port = await listen(redirector);
  try {
    const err = await rejection(
      appTester(performOf(App.searches.get_balance), { authData: { api_url: `http://127.0.0.1:${port}/api/v2`, api_key: KEY } }),
    );
    expect(messageOf(err)).toMatch(/redirect/i);
    expectNoKey(err);
    expect(received).toEqual([]);
  } finally {
    await Promise.all([new Promise((r) => target.close(r)), new Promise((r) => redirector.close(r))]);
  }
});
