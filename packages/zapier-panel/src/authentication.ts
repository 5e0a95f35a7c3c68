/** Custom auth: the Panel's API URL and API key. The test is the balance call. */
import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';
import { withPanel } from './client';

/** The host of the API URL, for the label (an unparsable URL never passes the test anyway). */
function hostOf(apiUrl: unknown): string {
  try {
    return new URL(String(apiUrl ?? '')).host;
  } catch {
    return String(apiUrl ?? '');
  }
}

/** The balance call, plus `panel` (the API URL's host) for the connection label. */
const test = (z: ZObject, bundle: Bundle) =>
  withPanel(z, bundle, async (client) => ({ ...(await client.balance()), panel: hostOf(bundle.authData.api_url) }));

/**
 * "panel.example (USD)": the host and the account currency from the test's result, never the
 * key. A template, not a function: Zapier renders both, `zapier-platform invoke auth label`
 * only templates.
 */
export const connectionLabel = '{{bundle.inputData.panel}} ({{bundle.inputData.currency}})';

export default {
  type: 'custom',
  fields: [
    {
      key: 'api_url',
      label: 'API URL',
      type: 'string',
      required: true,
      helpText: "Your Panel's API endpoint, as shown on its API page, e.g. `https://your-panel.example/api/v2`.",
    },
    {
      key: 'api_key',
      label: 'API Key',
      type: 'password',
      required: true,
      helpText: "The API key from your Panel account's API page. Zapier stores it encrypted and censors it in logs.",
    },
    {
      key: 'status_dialect',
      label: 'Status of Many Orders',
      type: 'string',
      required: false,
      default: 'auto',
      choices: { auto: 'Detect (recommended)', multiStatus: 'action=multiStatus (this API)', status: 'action=status with orders=… (most other Panels)' },
      helpText: 'How your Panel asks for the status of several orders at once. Detect tries multiStatus and switches to status&orders= when the Panel refuses it.',
    },
    {
      key: 'webhook_token',
      label: 'Webhook Token',
      type: 'password',
      required: false,
      helpText:
        'For the instant Order Status Changed trigger: a secret your Panel sends with each delivery (add `?token=YOUR_TOKEN` to the webhook URL you paste into the Panel, or have it send the X-Panel-Token header). Deliveries without it start nothing.',
    },
    {
      key: 'webhook_hmac_secret',
      label: 'Webhook HMAC Secret',
      type: 'password',
      required: false,
      helpText: 'Only for Panels that sign webhook deliveries: the HMAC-SHA256 secret. Unsigned or wrongly signed deliveries start nothing.',
    },
  ],
  test,
  connectionLabel,
} satisfies Authentication;
