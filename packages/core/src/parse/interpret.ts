/**
 * First step of reading any Panel reply: size, HTML pages, JSON, and the `{"error": …}`
 * convention, mapped to the error classes (non-2xx statuses: ./status-errors). What comes
 * out is JSON that the action's own parser then validates.
 *
 * Every text taken from the reply is scrubbed whole before it is cut for a message.
 */
import {
  PanelApiError,
  PanelError,
  PanelErrorOptions,
  PanelMalformedResponseError,
  PanelOrderOutcomeUnknownError,
  PanelRateLimitError,
  Scrubber,
  makeScrubber,
  scrubAndClip,
} from '../errors';
import { getHeader, type HeaderBag } from '../headers';
import type { TransportResponse } from '../types';
import { hintForPanelMessage } from './hints';
import { htmlTitle, looksLikeHtml } from './html';
import { carriesError, errorText } from './panel-error';
import { rateLimitWaitMs, saysTooManyRequests } from './rate-limit';
import { DEFAULT_MAX_RESPONSE_BYTES, exceedsBytes } from './size';
import { PANEL_MESSAGE_CHARS, errorForStatus, quoted } from './status-errors';

// Kept here for the modules that import them from this file.
export { carriesError, errorText, isPanelJsonError } from './panel-error';
export { parseRetryAfter } from './rate-limit';
export { DEFAULT_MAX_RESPONSE_BYTES, utf8Length } from './size';
export { getHeader } from '../headers';

export interface InterpretOptions {
  /** Strings that must never appear in an error (the API key). */
  secrets?: ReadonlyArray<string | undefined | null>;
  /** Alternative to `secrets`. */
  scrub?: Scrubber;
  /** Replies larger than this (UTF-8 bytes) are refused as oversized. Default 64 MiB. */
  maxResponseBytes?: number;
  /** Clock (ms epoch) for a Retry-After given as an HTTP date. */
  now?: number;
}

const EXCERPT_CHARS = 120;

type Base = PanelErrorOptions & { scrub: Scrubber };

/** A short one-line excerpt of a body for error messages: scrubbed whole, control characters removed, then cut. */
export function excerptOf(body: string, scrub: Scrubber): string {
  const flat = scrub(body).replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return scrubAndClip(flat, EXCERPT_CHARS, scrub);
}

/**
 * Map a reply to JSON or to the right PanelError. Never throws anything but PanelError.
 * `action` is only used to word messages.
 */
export function interpretResponse(action: string, res: TransportResponse, opts: InterpretOptions = {}): unknown {
  try {
    return interpretUnguarded(action, res, opts);
  } catch (e) {
    if (e instanceof PanelError) throw e;
    // Nothing but PanelError may leave: an odd host object or engine limit becomes "malformed".
    throw new PanelMalformedResponseError(`The Panel's reply to "${action}" could not be read. Check the API URL points at the Panel API.`, {
      action,
      reason: 'not_json',
      scrub: opts.scrub ?? makeScrubber(opts.secrets ?? []),
    });
  }
}

function interpretUnguarded(action: string, res: TransportResponse, opts: InterpretOptions): unknown {
  const scrub = opts.scrub ?? makeScrubber(opts.secrets ?? []);
  const status = typeof res?.status === 'number' ? res.status : NaN;
  const body = typeof res?.body === 'string' ? res.body : '';
  const headers: HeaderBag = res?.headers ?? {};
  // The error copies the headers when one is built; a good reply costs nothing here.
  const base: Base = { action, scrub, headers: headers as Record<string, string | undefined> };
  const max = opts.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;

  if (exceedsBytes(body, max)) {
    throw new PanelMalformedResponseError(
      `The Panel's reply to "${action}" is larger than the ${max}-byte limit. Check that the API URL points at the Panel API, or raise maxResponseBytes if the catalog is really that large.`,
      { ...base, reason: 'oversized', httpStatus: status },
    );
  }

  if (status >= 200 && status < 300) return interpretSuccess(action, status, body, headers, base, opts.now);
  throw errorForStatus(action, status, body, headers, base, opts.now);
}

function interpretSuccess(action: string, status: number, body: string, headers: HeaderBag, base: Base, now: number | undefined): unknown {
  const { scrub } = base;
  const trimmed = body.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') {
    throw new PanelMalformedResponseError(
      `The Panel sent an empty reply to "${action}" (HTTP ${status}). Check that the API URL ends with the API path (e.g. /api/v2) and try again.`,
      { ...base, reason: 'empty', httpStatus: status, retryable: true },
    );
  }
  if (trimmed.startsWith('<')) throwHtml(action, status, trimmed, base);
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch (e) {
    const truncated = /^[[{"]/.test(trimmed) && isTruncationError(e, trimmed);
    if (!truncated && looksLikeHtml(trimmed, getHeader(headers, 'content-type'))) throwHtml(action, status, trimmed, base);
    throw new PanelMalformedResponseError(
      truncated
        ? `The Panel's reply to "${action}" was cut off before the JSON ended. Try again; if it keeps happening, check the network path to the Panel (proxy, size limits).`
        : `The Panel's reply to "${action}" is not JSON. Check that the API URL points at the Panel API (e.g. https://your-panel/api/v2).`,
      { ...base, reason: truncated ? 'truncated' : 'not_json', httpStatus: status, excerpt: excerptOf(trimmed, scrub), retryable: truncated },
    );
  }
  if (json !== null && typeof json === 'object' && !Array.isArray(json) && carriesError(json as Record<string, unknown>)) {
    throw errorInSuccess(action, status, json as Record<string, unknown>, headers, base, now);
  }
  return json;
}

/** A 2xx whose body is `{"error": …}`: a refusal, a rate limit, or (beside an order id) an unknown outcome. */
function errorInSuccess(action: string, status: number, rec: Record<string, unknown>, headers: HeaderBag, base: Base, now: number | undefined): PanelError {
  const text = scrubAndClip(base.scrub(errorText(rec.error)).replace(/\s+/g, ' ').trim(), PANEL_MESSAGE_CHARS, base.scrub);
  const order = action === 'add' ? orderIdIn(rec) : null;
  if (order !== null) {
    // An order id beside an error: the order may exist. Saying "error" would invite a resend.
    return new PanelOrderOutcomeUnknownError(
      `The Panel answered the order with both an order id (${order}) and an error${quoted(text)}: the order may have been placed. Check the status of order ${order} before placing it again.`,
      { ...base, httpStatus: status },
    );
  }
  if (saysTooManyRequests(text)) {
    // Panels that answer everything with 200 say "slow down" this way: a 429 in all but status.
    const retryAfterMs = rateLimitWaitMs(headers, now);
    return new PanelRateLimitError(
      `The Panel's rate limit was reached${quoted(text)}${retryAfterMs !== undefined ? `; it asks to wait ${Math.ceil(retryAfterMs / 1000)} s` : ''}. Wait and retry, or send fewer requests per minute.`,
      { ...base, httpStatus: status, panelMessage: text, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) },
    );
  }
  return new PanelApiError(`The Panel refused "${action}"${quoted(text)}. ${hintForPanelMessage(text, action)}`, {
    ...base,
    httpStatus: status,
    panelMessage: text,
  });
}

function throwHtml(action: string, status: number, trimmed: string, base: Base): never {
  const title = htmlTitle(trimmed);
  throw new PanelMalformedResponseError(
    `The Panel answered "${action}" with an HTML page${title ? ` ("${scrubAndClip(title, 100, base.scrub)}")` : ''} instead of JSON. Check the API URL: it must be the Panel's API endpoint (e.g. https://your-panel/api/v2), not its website.`,
    { ...base, reason: 'html', httpStatus: status, excerpt: excerptOf(trimmed, base.scrub) },
  );
}

function orderIdIn(rec: Record<string, unknown>): string | null {
  const v = rec.order ?? rec.order_id;
  if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) return String(v);
  if (typeof v === 'string' && /^\s*\d{1,20}\s*$/.test(v) && Number(v) > 0) return v.trim();
  return null;
}

/** JSON.parse failed at the very end of the text: the reply was cut off. */
function isTruncationError(e: unknown, text: string): boolean {
  const msg = e instanceof Error ? e.message : '';
  if (/end of (json )?input|unterminated/i.test(msg)) return true;
  // V8 sometimes reports the position: truncation fails at (or just before) the end.
  const m = /position (\d+)/.exec(msg);
  return m !== null && Number(m[1]) >= text.length - 1;
}
