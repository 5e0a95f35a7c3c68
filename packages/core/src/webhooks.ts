/**
 * Receiving the Panel's order-update webhooks. The Panel signs nothing, so a receiver
 * authenticates deliveries with a shared secret (token in the URL query or a header) and,
 * for Panels that sign, an HMAC-SHA256 of the raw body (optionally over `timestamp.body`,
 * with a replay window). Comparisons are constant-time. Duplicate deliveries can be dropped
 * with rememberDelivery, whose store is a plain object (e.g. n8n static data).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { PanelValidationError, PanelWebhookError } from './errors';
import { decodeForm } from './form';
import { findHeader } from './headers';
import { decimalText } from './money';
import { readStatus } from './statuses';
import type { OrderUpdate } from './types';

export const WEBHOOK_TOKEN_QUERY = 'token';
export const WEBHOOK_TOKEN_HEADER = 'x-panel-token';
export const WEBHOOK_SIGNATURE_HEADER = 'x-panel-signature';
export const WEBHOOK_TIMESTAMP_HEADER = 'x-panel-timestamp';

/** Default replay window for signed timestamps, seconds. */
export const DEFAULT_WEBHOOK_TOLERANCE_SEC = 300;
/** An order update is a few dozen bytes; anything beyond this is not one. */
export const MAX_WEBHOOK_BODY_BYTES = 64 * 1024;

export type RawBody = string | Uint8Array;
type HeaderBag = Record<string, string | string[] | undefined>;

function bodyText(raw: RawBody): string {
  return typeof raw === 'string' ? raw : new TextDecoder('utf-8').decode(raw);
}

function bodyBytes(raw: RawBody): Uint8Array {
  return typeof raw === 'string' ? new TextEncoder().encode(raw) : raw;
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** A repeated header counts by its first value (a signature must not be a joined list). */
function headerOf(headers: HeaderBag | undefined, name: string): string | undefined {
  const v = findHeader(headers, name);
  return typeof v === 'string' ? v : v?.[0];
}

function malformed(message: string): PanelWebhookError {
  return new PanelWebhookError(message, { reason: 'malformed' });
}

/** Integer or null from a number or numeric string (remains may be non-numeric in the wild). */
function intOrNull(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? Math.trunc(v) : null;
  if (typeof v === 'string' && /^\s*[+-]?\d+(\.\d+)?\s*$/.test(v)) {
    const n = Math.trunc(Number(v));
    return Number.isSafeInteger(n) ? n : null;
  }
  return null;
}

/**
 * Parse an order-update body: JSON `{"order_id", "status", "remains", "start_count",
 * "charge"}` (numbers or strings), tolerating `order`/`id` for the id, a missing or null
 * start_count, and a form-encoded body. Throws PanelWebhookError (reason malformed, 400).
 */
export function parseOrderUpdate(rawBody: RawBody): OrderUpdate {
  if (typeof rawBody !== 'string' && !(rawBody instanceof Uint8Array)) {
    throw malformed('The webhook body is missing: the receiver must pass the raw request body (text or bytes).');
  }
  if (rawBody.length > MAX_WEBHOOK_BODY_BYTES) {
    throw malformed(`The webhook body is larger than ${MAX_WEBHOOK_BODY_BYTES} bytes; an order update is a small JSON object.`);
  }
  const text = bodyText(rawBody).replace(/^\uFEFF/, '').trim();
  if (text === '') throw malformed('The webhook body is empty; expected JSON like {"order_id":1487,"status":"Completed"}.');
  let data: unknown;
  if (text.startsWith('{')) {
    try {
      data = JSON.parse(text);
    } catch {
      throw malformed('The webhook body is not valid JSON; expected {"order_id":1487,"status":"Completed",…}.');
    }
  } else if (/^[\w.%+-]+=/.test(text)) {
    data = decodeForm(text);
  } else {
    throw malformed('The webhook body is not a JSON object; expected {"order_id":1487,"status":"Completed",…}.');
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw malformed('The webhook body is not a JSON object; expected {"order_id":1487,"status":"Completed",…}.');
  }
  const rec = data as Record<string, unknown>;
  const idRaw = rec.order_id ?? rec.order ?? rec.id;
  const order =
    typeof idRaw === 'number' && Number.isSafeInteger(idRaw) && idRaw >= 0
      ? String(idRaw)
      : typeof idRaw === 'string' && idRaw.trim() !== '' && idRaw.trim().length <= 64
        ? idRaw.trim()
        : null;
  if (order === null) throw malformed('The webhook body has no order id ("order_id"); it is not a Panel order update.');
  const statusRaw = typeof rec.status === 'number' && Number.isFinite(rec.status) ? String(rec.status) : rec.status;
  if (typeof statusRaw !== 'string' || statusRaw.trim() === '') {
    throw malformed(`The webhook body for order ${order} has no "status"; it is not a Panel order update.`);
  }
  const currency = typeof rec.currency === 'string' && rec.currency.trim() !== '' ? rec.currency.trim() : null;
  return {
    order,
    ...readStatus(statusRaw.trim()),
    status_raw: statusRaw,
    charge: rec.charge === null || rec.charge === undefined ? null : decimalText(rec.charge),
    start_count: intOrNull(rec.start_count),
    remains: intOrNull(rec.remains),
    currency,
  };
}

/** Constant-time equality of two strings of any length (compares their SHA-256 digests). */
export function safeEqual(a: string, b: string): boolean {
  const da = createHash('sha256').update(a, 'utf8').digest();
  const db = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(da, db) && a.length === b.length;
}

/** Check a shared-secret token. Throws PanelWebhookError (401) when missing or wrong. */
export function verifyWebhookToken(expected: string, given?: string | null): void {
  if (typeof expected !== 'string' || expected === '') {
    throw new PanelValidationError('The webhook secret is empty: set a secret to check deliveries against, or turn the check off.', {
      field: 'token',
    });
  }
  if (given === undefined || given === null || given === '') {
    throw new PanelWebhookError(
      `The webhook delivery carries no secret: add ?${WEBHOOK_TOKEN_QUERY}=<secret> to the webhook URL in your Panel account (or send the ${WEBHOOK_TOKEN_HEADER} header).`,
      { reason: 'missing_secret' },
    );
  }
  if (!safeEqual(expected, given)) {
    throw new PanelWebhookError('The webhook delivery carries a wrong secret: make the token in the Panel\'s webhook URL match the one configured here.', {
      reason: 'bad_secret',
    });
  }
}

export interface SignatureCheck {
  secret: string;
  rawBody: RawBody;
  /** Header value: `sha256=<hex>` (a bare hex digest is accepted; several may be comma-separated). */
  signature?: string | null;
  /** Header value: unix seconds. When present the HMAC covers `${timestamp}.${body}`. */
  timestamp?: string | null;
  /** ms epoch. */
  now: number;
  toleranceSec?: number;
}

/** Check an HMAC-SHA256 signature (constant time) and, when signed with a timestamp, its age. */
export function verifyWebhookSignature(check: SignatureCheck): void {
  const { secret, rawBody, signature, timestamp, now } = check;
  if (typeof secret !== 'string' || secret === '') {
    throw new PanelValidationError('The HMAC secret is empty: set the signing secret your Panel uses, or turn the signature check off.', {
      field: 'hmacSecret',
    });
  }
  if (signature === undefined || signature === null || signature.trim() === '') {
    throw new PanelWebhookError(`The webhook delivery is not signed: expected the ${WEBHOOK_SIGNATURE_HEADER} header (sha256=<hex>). Turn signing on in the Panel, or turn the signature check off here.`, {
      reason: 'bad_signature',
    });
  }
  const body = bodyBytes(rawBody);
  const hmac = createHmac('sha256', secret);
  const ts = timestamp === undefined || timestamp === null ? undefined : timestamp.trim();
  if (ts !== undefined) {
    if (!/^\d{1,12}$/.test(ts)) {
      throw new PanelWebhookError(`The ${WEBHOOK_TIMESTAMP_HEADER} header must be unix seconds, got "${ts.slice(0, 20)}".`, { reason: 'bad_signature' });
    }
    hmac.update(`${ts}.`, 'utf8');
  }
  hmac.update(body);
  const expected = hmac.digest('hex');
  const candidates = signature
    .split(',')
    .map((s) => s.trim().replace(/^sha256[=:]/i, '').toLowerCase())
    .filter((s) => s !== '');
  // Every candidate is compared (no early exit), so timing says nothing about which matched.
  let ok = false;
  for (const c of candidates) ok = safeEqual(expected, c) || ok;
  if (!ok) {
    throw new PanelWebhookError('The webhook signature does not match the body: check that the HMAC secret here is the one the Panel signs with.', {
      reason: 'bad_signature',
    });
  }
  if (ts !== undefined) {
    const tolerance = check.toleranceSec ?? DEFAULT_WEBHOOK_TOLERANCE_SEC;
    const age = Math.abs(now / 1000 - Number(ts));
    if (!(age <= tolerance)) {
      throw new PanelWebhookError(
        `The webhook delivery is ${Math.round(age)} s old, outside the ${tolerance} s replay window: check the clocks, or it is a replay.`,
        { reason: 'stale' },
      );
    }
  }
}

export interface WebhookRequest {
  rawBody: RawBody;
  headers?: HeaderBag;
  query?: Record<string, string | string[] | undefined>;
  /** Shared secret expected in the query `token` or the `x-panel-token` header. */
  token?: string;
  /** HMAC-SHA256 secret; when set, the signature header is required. */
  hmacSecret?: string;
  /** ms epoch. */
  now: number;
  toleranceSec?: number;
}

/** Authenticate (token, then signature) and parse one delivery. 401-type failures come before 400. */
export function verifyWebhook(req: WebhookRequest): OrderUpdate {
  if (req.token !== undefined && req.token !== '') {
    const given = first(req.query?.[WEBHOOK_TOKEN_QUERY]) ?? headerOf(req.headers, WEBHOOK_TOKEN_HEADER);
    verifyWebhookToken(req.token, given);
  }
  if (req.hmacSecret !== undefined && req.hmacSecret !== '') {
    const check: SignatureCheck = {
      secret: req.hmacSecret,
      rawBody: req.rawBody,
      signature: headerOf(req.headers, WEBHOOK_SIGNATURE_HEADER) ?? null,
      timestamp: headerOf(req.headers, WEBHOOK_TIMESTAMP_HEADER) ?? null,
      now: req.now,
    };
    if (req.toleranceSec !== undefined) check.toleranceSec = req.toleranceSec;
    verifyWebhookSignature(check);
  }
  return parseOrderUpdate(req.rawBody);
}

/** Identity of a delivery: the same update sent twice has the same key. */
export function deliveryKey(update: Pick<OrderUpdate, 'order' | 'status' | 'remains' | 'start_count' | 'charge'>): string {
  return [update.order, update.status, update.remains ?? '', update.start_count ?? '', update.charge ?? ''].join('|');
}

export interface DeliveryStore {
  seen?: Record<string, number>;
}

export interface RememberOptions {
  /** How long a key is remembered, ms (default 24 h). */
  ttlMs?: number;
  /** At most this many keys are kept; the oldest go first (default 10,000). */
  maxEntries?: number;
}

/**
 * Record a delivery key; true when it is the first time within the TTL (process it), false
 * for a duplicate (drop it). `store` is mutated and stays a plain serialisable object.
 */
export function rememberDelivery(store: DeliveryStore, key: string, now: number, opts: RememberOptions = {}): boolean {
  const ttl = opts.ttlMs ?? 24 * 60 * 60 * 1000;
  const maxEntries = opts.maxEntries ?? 10_000;
  const seen: Record<string, number> = store.seen && typeof store.seen === 'object' ? store.seen : {};
  store.seen = seen;
  for (const k of Object.keys(seen)) {
    const at = seen[k];
    if (typeof at !== 'number' || now - at >= ttl || at > now + ttl) delete seen[k];
  }
  if (Object.prototype.hasOwnProperty.call(seen, key)) return false;
  // defineProperty: a key such as "__proto__" must be stored as data, not change the prototype.
  Object.defineProperty(seen, key, { value: now, enumerable: true, writable: true, configurable: true });
  const keys = Object.keys(seen);
  if (keys.length > maxEntries) {
    keys.sort((a, b) => (seen[a] as number) - (seen[b] as number));
    for (const k of keys.slice(0, keys.length - maxEntries)) delete seen[k];
  }
  return true;
}
