/**
 * The PanelRuntime for Zapier: every Panel request goes through `z.request`, so Zapier's
 * HTTP log and middleware see it and its logger censors the key (an authData value).
 */
import { encodeForm, type PanelRuntime, type TransportRequest, type TransportResponse } from '@panel/core';
import type { Bundle, ZObject } from 'zapier-platform-core';

/** Zapier stops a call after 30 s: a request may take most of that, retries only what is left. */
export const ZAPIER_TIMEOUT_MS = 20_000;

/**
 * z.request options core does not type: keep a 429 for core (which reads its Retry-After and
 * turns it into PanelRateLimitError), instead of Zapier's early ThrottledError without our message.
 */
interface PanelRequestOptions {
  url: string;
  method: 'POST';
  body: string;
  headers: Record<string, string>;
  skipThrowForStatus: true;
  throwForThrottlingEarly: false;
  redirect: 'manual';
  timeout: number;
}

function lowerCaseHeaders(headers: { forEach(cb: (value: string, name: string) => void): void }): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  return out;
}

export function createZapierRuntime(z: ZObject, bundle: Bundle): PanelRuntime {
  // Trimmed: a key pasted with a space or newline around it still works.
  const apiKey = String(bundle.authData.api_key ?? '').trim();
  return {
    async request(req: TransportRequest): Promise<TransportResponse> {
      // The body is encoded here, not passed as `form`: z.request refuses (before sending)
      // any value holding "{{bundle.…}}", which a comment line may legitimately contain.
      const options: PanelRequestOptions = {
        url: req.url,
        method: 'POST',
        body: encodeForm({ key: apiKey, ...req.form }),
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        skipThrowForStatus: true,
        throwForThrottlingEarly: false,
        // The key travels in the body: a redirect is never followed with it (core reports it).
        redirect: 'manual',
        timeout: req.timeoutMs,
      };
      const res = await z.request(options as Parameters<ZObject['request']>[0] & { url: string });
      return { status: res.status, headers: lowerCaseHeaders(res.headers), body: res.content };
    },
    sleep: (ms: number) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => Date.now(),
  };
}
