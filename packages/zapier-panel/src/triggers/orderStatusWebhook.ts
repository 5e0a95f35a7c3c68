/**
 * Static webhook: Zapier shows this Zap's URL, the user pastes it into the Panel's webhook
 * setting. Core verifies the delivery (optional token / HMAC) and normalises the payload; a
 * delivery that fails either is dropped (returns []) and starts nothing.
 */
import { isPanelError, parseOrderUpdate, verifyWebhook, WEBHOOK_TOKEN_QUERY } from '@panel/core';
import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { ORDER_STATUS_OUTPUT_FIELDS, ORDER_STATUS_SAMPLE } from '../samples';
import { STATUS_FILTER_FIELD, statusFilter } from '../statusFilter';

/** Zapier hands hook headers as `Http-X-Panel-Token`; core reads `x-panel-token`. */
export function hookHeaders(raw: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    if (value === undefined || value === null) continue;
    const lower = name.toLowerCase();
    out[lower.startsWith('http-') ? lower.slice(5) : lower] = String(value);
  }
  return out;
}

function hookQuery(bundle: Bundle): Record<string, string> {
  const raw = bundle.rawRequest?.querystring;
  if (typeof raw === 'string') return Object.fromEntries(new URLSearchParams(raw.replace(/^\?/, '')));
  const cleaned = (bundle.cleanedRequest as { querystring?: Record<string, unknown> } | undefined)?.querystring ?? {};
  return Object.fromEntries(Object.entries(cleaned).map(([k, v]) => [k, String(v)]));
}

/** The body exactly as sent (needed for an HMAC); the parsed body only when Zapier kept no raw copy. */
function hookBody(bundle: Bundle): string {
  const raw = bundle.rawRequest?.content;
  if (typeof raw === 'string') return raw;
  const { querystring: _q, ...body } = (bundle.cleanedRequest ?? {}) as Record<string, unknown>;
  return JSON.stringify(body);
}

const perform = (z: ZObject, bundle: Bundle) => {
  const token = String(bundle.inputData.secret ?? '').trim();
  const hmacSecret = String(bundle.inputData.signing_secret ?? '').trim();
  const rawBody = hookBody(bundle);
  let update;
  try {
    update =
      token || hmacSecret
        ? verifyWebhook({
            rawBody,
            headers: hookHeaders(bundle.rawRequest?.headers),
            query: hookQuery(bundle),
            ...(token ? { token } : {}),
            ...(hmacSecret ? { hmacSecret } : {}),
            now: Date.now(),
          })
        : parseOrderUpdate(rawBody);
  } catch (err) {
    if (!isPanelError(err)) throw err;
    z.console.log(`Ignored a webhook delivery: ${err.message}`);
    return [];
  }
  if (!statusFilter(bundle.inputData.statuses)(update.status)) return [];
  return [{ id: `${update.order}:${update.status}`, ...update }];
};

export default defineTrigger({
  key: 'order_status_webhook',
  noun: 'Order',
  display: {
    label: 'Order Status Changed (Instant)',
    description: 'Triggers instantly when your Panel reports an order status change to its webhook.',
    directions:
      'Copy the URL above. In your Panel, open Account → API (or Settings → Webhook), paste it as the webhook URL and save. ' +
      `If you set a Secret below, add \`?${WEBHOOK_TOKEN_QUERY}=YOUR_SECRET\` to the end of the URL you paste (or have the Panel send it in the X-Panel-Token header). ` +
      'A Panel account has one webhook URL: use one Zap per account and filter by status here.',
  },
  operation: {
    type: 'hook',
    inputFields: [
      {
        key: 'secret',
        label: 'Secret',
        type: 'password',
        required: false,
        helpText: 'Optional shared secret. Deliveries without it (in the URL as `?token=…` or the X-Panel-Token header) are ignored.',
      },
      {
        key: 'signing_secret',
        label: 'Signing Secret (HMAC)',
        type: 'password',
        required: false,
        helpText: 'Only for Panels that sign deliveries: the HMAC-SHA256 secret. Unsigned or wrongly signed deliveries are ignored.',
      },
      STATUS_FILTER_FIELD,
    ],
    perform,
    sample: ORDER_STATUS_SAMPLE,
    outputFields: ORDER_STATUS_OUTPUT_FIELDS,
  },
});
