/** The app definition as Zapier's core sees it: schema-valid, every part where the issue asks. */
import { App, appHandler, auth } from './helpers';

test("Zapier core's own validation of the app definition finds nothing", async () => {
  const { results } = await appHandler({ command: 'validate' });
  expect(results).toEqual([]);
});

test('custom auth with API URL and a password API key; the label is a function of the test result', () => {
  expect(auth.type).toBe('custom');
  const fields = auth.fields!.map((f) => [f.key, f.type, f.required]);
  expect(fields).toEqual([
    ['api_url', 'string', true],
    ['api_key', 'password', true],
    ['status_dialect', 'string', false],
    // The webhook trigger's secrets: kept with the connection, encrypted, censored in logs.
    ['webhook_token', 'password', false],
    ['webhook_hmac_secret', 'password', false],
  ]);
  expect(auth.connectionLabel).toBe('{{bundle.inputData.panel}} ({{bundle.inputData.currency}})');
});

test('the webhook trigger is a static hook (perform only) with directions; the service list is hidden', () => {
  const hook = App.triggers.order_status_webhook;
  expect(hook.operation.type).toBe('hook');
  expect('performSubscribe' in hook.operation).toBe(false);
  expect(hook.display.directions).toBeTruthy();
  expect(App.triggers.service_list.display.hidden).toBe(true);
  for (const [key, trigger] of Object.entries(App.triggers)) {
    if (key === 'service_list') continue;
    expect(trigger.display.hidden).toBeFalsy();
    expect(trigger.operation.sample).toBeDefined();
  }
});

test('Create Order: the service dropdown alters the dynamic fields, and a dry-run option exists', () => {
  const [service, dryRun, dynamic] = App.creates.create_order.operation.inputFields as Array<Record<string, unknown>>;
  expect(service).toMatchObject({ key: 'service', dynamic: 'service_list.id.label', altersDynamicFields: true, required: true });
  expect(dryRun).toMatchObject({ key: 'dry_run', type: 'boolean' });
  expect(typeof dynamic).toBe('function');
});
