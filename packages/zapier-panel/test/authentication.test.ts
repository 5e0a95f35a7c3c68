/** Custom auth against the sandbox: the balance test, the label, a wrong key, a bad URL. */
import type { Sandbox } from '@panel/sandbox';
import { appTester, auth, authData, KEY, messageOf, rejection, sandbox } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
  sb = await sandbox({ accounts: [{ key: KEY, balance: '250.5000', currency: 'EUR' }] });
});
afterAll(() => sb.stop());


test('the auth test is the balance call and yields balance and currency', async () => {
  const result = await appTester(auth.test as never, { authData: authData(sb) });
  expect(result).toMatchObject({ currency: 'EUR' });
  expect(Number((result as { balance: string }).balance)).toBe(250.5);
  expect(sb.requests({ action: 'balance' }).length).toBeGreaterThanOrEqual(1);
});

test('the connection label shows the Panel host and currency, never the key', async () => {
  const tested = (await appTester(auth.test as never, { authData: authData(sb) })) as Record<string, unknown>;
  expect(tested.panel).toBe(`127.0.0.1:${sb.port}`);
  // Rendered the way Zapier renders a label template: {{bundle.inputData.x}} from the test's result.
  const label = String(auth.connectionLabel).replace(/\{\{bundle\.inputData\.(\w+)\}\}/g, (_, k: string) => String(tested[k] ?? ''));
  expect(label).toBe(`127.0.0.1:${sb.port} (EUR)`);
  expect(label).not.toContain(KEY);
  expect(JSON.stringify(tested)).not.toContain(KEY);
});

test('a wrong key fails the test with an expired-auth error that does not echo the key', async () => {
  const wrong = 'test-key-wrong';
  const err = await rejection(appTester(auth.test as never, { authData: authData(sb, wrong) }));
  expect(err.name).toBe('ExpiredAuthError');
  expect(messageOf(err)).toMatch(/API key/);
  expect(messageOf(err)).toMatch(/reconnect/i);
  expect(`${err.message}\n${err.stack}`).not.toContain(wrong);
});

test('an API URL that is not http(s) is refused before any request, naming the field', async () => {
  const before = sb.requests().length;
  const err = await rejection(appTester(auth.test as never, { authData: { api_url: 'ftp://panel.example/api/v2', api_key: KEY } }));
  expect(messageOf(err)).toMatch(/apiUrl/);
  expect(sb.requests().length).toBe(before);
});

test('a Panel that cannot be reached is a clear error without the key', async () => {
  const closed = await sandbox();
  const url = closed.apiUrl;
  await closed.stop();
  const err = await rejection(appTester(auth.test as never, { authData: { api_url: url, api_key: KEY } }));
  expect(messageOf(err)).not.toContain(KEY);
  expect(messageOf(err).length).toBeGreaterThan(10);
});
