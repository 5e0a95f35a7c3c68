/**
 * Static webhook: Zapier shows this Zap's URL, the user pastes it into the Panel's webhook
 * setting. Core verifies the delivery (token / HMAC from the connection's encrypted auth
 * fields) and normalises the payload; a delivery that fails either is dropped (returns [])
 * and starts nothing. A delivery seen before (Panels retry) is dropped too: its key is set
 * in z.cache with nx (set only if absent), atomic on Zapier's side, scoped to the Zap.
 */
import { deliveryKey, isPanelError, parseOrderUpdate, verifyWebhook, WEBHOOK_TOKEN_QUERY } from '@panel/core';
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

/** The query as sent: a repeated parameter stays an array, so core refuses it rather than picking one. */
function hookQuery(bundle: Bundle): Record<string, string | string[]> {
  const raw = bundle.rawRequest?.querystring;
  if (typeof raw === 'string') {
    const out: Record<string, string | string[]> = {};
    for (const [k, v] of new URLSearchParams(raw.replace(/^\?/, ''))) {
      const had = out[k];
      out[k] = had === undefined ? v : [had, v].flat();
    }
    return out;
  }
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

/** How long a delivery is remembered: Panels retry within hours. */
export const DELIVERY_MEMORY_SECONDS = 24 * 60 * 60;

/**
 * true the first time this Zap sees a delivery key. `set` with nx is Zapier's atomic
 * set-if-absent; the `get` before it also catches repeats where a cache ignores nx.
 */
async function firstDelivery(z: ZObject, bundle: Bundle, key: string): Promise<boolean> {
  const zap = String((bundle.meta as { zap?: { id?: unknown } } | undefined)?.zap?.id ?? 'zap');
  const cacheKey = `panel-delivery:${zap}:${key}`;
  if ((await z.cache.get(cacheKey)) !== null) return false;
  return (await z.cache.set(cacheKey, Date.now(), DELIVERY_MEMORY_SECONDS, undefined, true)) !== false;
}

const perform = async (z: ZObject, bundle: Bundle) => {
  const auth = (bundle.authData ?? {}) as Record<string, unknown>;
  const token = String(auth.webhook_token ?? '').trim();
  const hmacSecret = String(auth.webhook_hmac_secret ?? '').trim();
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
  if (!(await firstDelivery(z, bundle, deliveryKey(update)))) {
    z.console.log(`Ignored a repeated delivery for order ${update.order} (${update.status}).`);
    return [];
  }
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
      `If your connection has a Webhook Token, add \`?${WEBHOOK_TOKEN_QUERY}=YOUR_TOKEN\` to the end of the URL you paste (or have the Panel send it in the X-Panel-Token header). ` +
      'A Panel account has one webhook URL: use one Zap per account and filter by status here.',
  },
  operation: {
    type: 'hook',
    inputFields: [
      STATUS_FILTER_FIELD,
    ],
    perform,
    sample: ORDER_STATUS_SAMPLE,
    outputFields: ORDER_STATUS_OUTPUT_FIELDS,
  },
});
