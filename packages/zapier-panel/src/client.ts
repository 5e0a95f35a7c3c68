/**
 * One PanelClient per Zapier call, tuned for Zapier's 30 s limit, and the wrapper that turns
 * core's errors into Zapier's.
 */
import { PanelClient } from '@panel/core';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { toZapierError } from './errors';
import { createZapierRuntime, ZAPIER_TIMEOUT_MS } from './runtime';

/**
 * Small retry budget: Zapier kills a call at 30 s and retries throttled steps itself, so a
 * long Retry-After is handed to Zapier (ThrottledError) rather than slept through here.
 */
export const ZAPIER_RETRY = { maxRetries: 1, baseDelayMs: 500, maxDelayMs: 2_000, budgetMs: 5_000 };

export function panelClient(z: ZObject, bundle: Bundle): PanelClient {
  return new PanelClient({
    apiUrl: String(bundle.authData.api_url ?? ''),
    runtime: createZapierRuntime(z, bundle),
    secrets: [bundle.authData.api_key],
    multiStatusAction: bundle.authData.status_dialect === 'status' || bundle.authData.status_dialect === 'multiStatus' ? bundle.authData.status_dialect : 'auto',
    retry: ZAPIER_RETRY,
    // Each Zapier call is a fresh process: a client-side window would never fill.
    rateLimit: false,
    timeoutMs: ZAPIER_TIMEOUT_MS,
  });
}

/** Runs `fn` with a client; any PanelError leaves as the matching Zapier error. */
export async function withPanel<T>(z: ZObject, bundle: Bundle, fn: (client: PanelClient) => Promise<T>): Promise<T> {
  try {
    return await fn(panelClient(z, bundle));
  } catch (err) {
    throw toZapierError(z, err);
  }
}
