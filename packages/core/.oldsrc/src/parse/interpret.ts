/**
 * First step of reading any Panel reply: HTTP status, size, HTML pages, JSON, and the
 * `{"error": …}` convention, mapped to the error classes. What comes out is JSON that the
 * action's own parser then validates.
 */
import {
  PanelApiError,
  PanelAuthenticationError,
  PanelBadRequestError,
  PanelError,
  PanelErrorOptions,
  PanelInsufficientBalanceError,
  PanelMalformedResponseError,
  PanelNotFoundError,
  PanelOrderOutcomeUnknownError,
  PanelRateLimitError,
  PanelTimeoutError,
  PanelUpstreamError,
  Scrubber,
  makeScrubber,
} from '../errors';
import type { TransportResponse } from '../types';
import { hintForPanelMessage } from './hints';

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

export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
const EXCERPT_CHARS = 120;
const PANEL_MESSAGE_CHARS = 300;

/** Case-insensitive header lookup (hosts differ in how they case header names). */
export function getHeader(headers: Record<string, string | undefined> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const direct = headers[name];
  if (direct !== undefined) return direct;
  const lower = name.toLowerCase();
  for (const k of Object.keys(headers)) if (k.toLowerCase() === lower) return headers[k];
  return undefined;
}

/** UTF-8 length of a string without allocating (no Buffer: core stays host-agnostic). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/**
 * Retry-After: delay in seconds, or an HTTP date (relative to `now`). Returns ms, or
 * undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (v === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(v)) {
    const ms = Math.round(Number(v) * 1000);
    return Number.isFinite(ms) ? ms : undefined;
  }
  // An HTTP date always names a weekday or month in letters; plain numbers were handled above.
  if (!/[a-z]/i.test(v)) return undefined;
  const at = Date.parse(v);
  if (!Number.isFinite(at)) return undefined;
  return Math.max(0, at - now);
}

/** A short one-line excerpt of a body for error messages (control characters removed). */
export function excerptOf(body: string, scrub: Scrubber): string {
  const flat = body.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  const cut = flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat;
  return scrub(cut);
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

/**
 * An HTML (or XML) page rather than data. The body decides first: PHP Panels often label
 * their JSON text/html, so a body that opens like JSON is never called HTML.
 */
function looksLikeHtml(body: string, contentType: string | undefined): boolean {
  if (/^\s*[[{"\d-]/.test(body)) return false;
  if (contentType && /\btext\/html\b|\bapplication\/xhtml/i.test(contentType)) return true;
  const head = body.trimStart().slice(0, 256).toLowerCase();
  return head.startsWith('<!doctype') || head.startsWith('<html') || head.startsWith('<head') || head.startsWith('<body') || head.startsWith('<?xml') || /^<[a-z!?]/.test(head);
}

function htmlTitle(body: string): string | undefined {
  const m = /<title[^>]*>([\s\S]{0,300}?)<\/title>/i.exec(body) ?? /<h1[^>]*>([\s\S]{0,300}?)<\/h1>/i.exec(body);
  if (!m || m[1] === undefined) return undefined;
  const t = m[1].replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
  return t === '' ? undefined : t;
}

/**
 * Whether an object is an error reply. `"error": null` (or false / "") beside other fields is
 * a Panel saying "no error", not an error; alone, it is an error without a message.
 */
export function carriesError(rec: Record<string, unknown>): boolean {
  if (!Object.prototype.hasOwnProperty.call(rec, 'error')) return false;
  const e = rec.error;
  const empty = e === null || e === undefined || e === false || e === '';
  return !(empty && Object.keys(rec).length > 1);
}

/** The Panel's error text from a `{"error": …}` value of any shape. */
export function errorText(value: unknown): string {
  if (typeof value === 'string') return value.trim() === '' ? '(empty error message)' : value;
  if (value === null || value === undefined || value === true || value === false) return `(error: ${String(value)})`;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object') {
    const rec = value as Record<string, unknown>;
    for (const k of ['message', 'error', 'msg', 'detail', 'description']) {
      const v = rec[k];
      if (typeof v === 'string' && v.trim() !== '') return v;
    }
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The message inside an error reply (JSON error/message, or an HTML page's title). */
function panelMessageOf(body: string): string | undefined {
  const t = body.trim();
  if (t === '') return undefined;
  if (t.startsWith('{')) {
    try {
      const j = JSON.parse(t) as unknown;
      if (j && typeof j === 'object' && !Array.isArray(j)) {
        const rec = j as Record<string, unknown>;
        if ('error' in rec) return errorText(rec.error);
        if (typeof rec.message === 'string') return rec.message;
      }
    } catch {
      // not JSON: fall through
    }
  }
  if (t.startsWith('<')) return htmlTitle(t);
  if (t.length <= PANEL_MESSAGE_CHARS && !/[\u0000-\u0008]/.test(t)) return t;
  return undefined;
}

function quoted(msg: string | undefined): string {
  return msg === undefined ? '' : `: "${clip(msg.replace(/\s+/g, ' ').trim(), PANEL_MESSAGE_CHARS)}"`;
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
  const base: PanelErrorOptions = { action, scrub };
  const status = typeof res?.status === 'number' ? res.status : NaN;
  const body = typeof res?.body === 'string' ? res.body : '';
  const headers = res?.headers ?? {};
  const max = opts.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;

  // Cheap check first: each char is at least one byte, at most three.
  if (body.length > max || (body.length * 3 > max && utf8Length(body) > max)) {
    throw new PanelMalformedResponseError(
      `The Panel's reply to "${action}" is larger than the ${max}-byte limit. Check that the API URL points at the Panel API, or raise maxResponseBytes if the catalog is really that large.`,
      { ...base, reason: 'oversized', httpStatus: status },
    );
  }

  if (status >= 200 && status < 300) return interpretSuccess(action, status, body, headers, base, scrub);
  throw errorForStatus(action, status, body, headers, base, opts.now);
}

function interpretSuccess(
  action: string,
  status: number,
  body: string,
  headers: Record<string, string | undefined>,
  base: PanelErrorOptions,
  scrub: Scrubber,
): unknown {
  const trimmed = body.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') {
    throw new PanelMalformedResponseError(
      `The Panel sent an empty reply to "${action}" (HTTP ${status}). Check that the API URL ends with the API path (e.g. /api/v2) and try again.`,
      { ...base, reason: 'empty', httpStatus: status, retryable: true },
    );
  }
  if (trimmed.startsWith('<')) throwHtml(action, status, trimmed, base, scrub);
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch (e) {
    const truncated = /^[[{"]/.test(trimmed) && isTruncationError(e, trimmed);
    if (!truncated && looksLikeHtml(trimmed, getHeader(headers, 'content-type'))) throwHtml(action, status, trimmed, base, scrub);
    throw new PanelMalformedResponseError(
      truncated
        ? `The Panel's reply to "${action}" was cut off before the JSON ended. Try again; if it keeps happening, check the network path to the Panel (proxy, size limits).`
        : `The Panel's reply to "${action}" is not JSON. Check that the API URL points at the Panel API (e.g. https://your-panel/api/v2).`,
      { ...base, reason: truncated ? 'truncated' : 'not_json', httpStatus: status, excerpt: excerptOf(trimmed, scrub), retryable: truncated },
    );
  }
  if (json !== null && typeof json === 'object' && !Array.isArray(json) && carriesError(json as Record<string, unknown>)) {
    const rec = json as Record<string, unknown>;
    const text = scrub(errorText(rec.error));
    const order = action === 'add' ? orderIdIn(rec) : null;
    if (order !== null) {
      // An order id beside an error: the order may exist. Saying "error" would invite a resend.
      throw new PanelOrderOutcomeUnknownError(
        `The Panel answered the order with both an order id (${order}) and an error${quoted(text)}: the order may have been placed. Check the status of order ${order} before placing it again.`,
        { ...base, httpStatus: status },
      );
    }
    throw new PanelApiError(`The Panel refused "${action}"${quoted(text)}. ${hintForPanelMessage(text, action)}`, {
      ...base,
      httpStatus: status,
      panelMessage: clip(text, PANEL_MESSAGE_CHARS),
    });
  }
  return json;
}

function throwHtml(action: string, status: number, trimmed: string, base: PanelErrorOptions, scrub: Scrubber): never {
  const title = htmlTitle(trimmed);
  throw new PanelMalformedResponseError(
    `The Panel answered "${action}" with an HTML page${title ? ` ("${clip(title, 100)}")` : ''} instead of JSON. Check the API URL: it must be the Panel's API endpoint (e.g. https://your-panel/api/v2), not its website.`,
    { ...base, reason: 'html', httpStatus: status, excerpt: excerptOf(trimmed, scrub) },
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

function errorForStatus(
  action: string,
  status: number,
  body: string,
  headers: Record<string, string | undefined>,
  base: PanelErrorOptions,
  now: number | undefined,
): PanelError {
  const scrub = base.scrub as Scrubber;
  const rawMsg = panelMessageOf(body);
  const panelMessage = rawMsg === undefined ? undefined : clip(scrub(rawMsg), PANEL_MESSAGE_CHARS);
  const isHtml = looksLikeHtml(body.trim(), getHeader(headers, 'content-type'));
  const q = quoted(panelMessage);
  const withMsg = { ...base, httpStatus: status, ...(panelMessage !== undefined ? { panelMessage } : {}) };

  if (status === 400) {
    return new PanelBadRequestError(
      `The Panel refused "${action}" as invalid (HTTP 400)${q}. ${
        action === 'add'
          ? 'Check the service id and the fields its type needs (Subscriptions cannot be ordered through the API).'
          : 'Check the parameters of this action (ids must be numbers, at most 100 per request).'
      }`,
      withMsg,
    );
  }
  if (status === 401 || status === 403 && !isHtml) {
    return new PanelAuthenticationError(
      `The Panel rejected the API key (HTTP ${status})${q}. Check the API key in your Panel credentials (copy it again from your Panel account) and that the API URL is the right Panel.`,
      withMsg,
    );
  }
  if (status === 402) {
    return new PanelInsufficientBalanceError(
      `The Panel account has too little balance for "${action}" (HTTP 402)${q}. Top up the Panel account, or lower the quantity.`,
      withMsg,
    );
  }
  if (status === 404) {
    return new PanelNotFoundError(
      isHtml
        ? `The Panel answered "${action}" with an HTML "not found" page (HTTP 404). Check the API URL: it must be the Panel's API endpoint (e.g. https://your-panel/api/v2).`
        : `The Panel does not know the id sent with "${action}" (HTTP 404)${q}. Check the order, refill or service id.`,
      withMsg,
    );
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(getHeader(headers, 'retry-after'), now);
    return new PanelRateLimitError(
      `The Panel's rate limit was reached (HTTP 429)${
        retryAfterMs !== undefined ? `; it asks to wait ${Math.ceil(retryAfterMs / 1000)} s` : ''
      }. Wait and retry, or send fewer requests per minute (the Panel allows 1000 per minute per IP).`,
      { ...base, httpStatus: status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) },
    );
  }
  if (status === 408) {
    return new PanelTimeoutError(
      `The Panel timed out waiting for the "${action}" request (HTTP 408). Try again; if it keeps happening, check the network path to the Panel.`,
      { ...base, httpStatus: status, sent: true },
    );
  }
  if (status >= 500 && status < 600) {
    const retryAfterMs = parseRetryAfter(getHeader(headers, 'retry-after'), now);
    return new PanelUpstreamError(
      `The Panel or its upstream provider failed on "${action}" (HTTP ${status})${q}. Try again later; if it persists, contact the Panel's support.`,
      { ...withMsg, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) },
    );
  }
  if (status >= 300 && status < 400) {
    const location = getHeader(headers, 'location');
    return new PanelMalformedResponseError(
      `The Panel answered "${action}" with a redirect (HTTP ${status}${location ? ` to ${clip(scrub(location), 200)}` : ''}), which is not followed so the API key is never resent. Set the API URL to the final address (often https:// instead of http://).`,
      { ...base, httpStatus: status, reason: 'redirect' },
    );
  }
  if (status >= 400 && status < 500) {
    return new PanelBadRequestError(
      `The Panel refused "${action}" (HTTP ${status})${q}. Check the API URL and the request's parameters.`,
      withMsg,
    );
  }
  return new PanelMalformedResponseError(
    `The Panel answered "${action}" with an unexpected HTTP status (${Number.isFinite(status) ? status : 'none'}). Check the API URL points at the Panel API.`,
    { ...base, ...(Number.isFinite(status) ? { httpStatus: status } : {}), reason: 'unexpected_status' },
  );
}
