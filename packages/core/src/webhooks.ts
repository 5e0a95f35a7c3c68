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
import { countField, moneyField } from './parse/read';
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

/** Longest secret value read from a request; anything longer is refused unread. */
export const MAX_WEBHOOK_SECRET_CHARS = 1024;

type SecretValue = { kind: 'absent' } | { kind: 'text'; value: string } | { kind: 'malformed'; what: string };

/**
 * One secret-carrying value as a request parser handed it over: only a single string of sane
 * length is a secret; a repeated parameter (array), a bracketed one (object), a huge value
 * or any other type is malformed, and refused like a wrong secret.
 */
function secretValue(v: unknown, what: string): SecretValue {
  if (v === undefined || v === null) return { kind: 'absent' };
  if (typeof v !== 'string') return { kind: 'malformed', what: `${what} is ${Array.isArray(v) ? 'repeated' : 'not a single value'}` };
  if (v.length > MAX_WEBHOOK_SECRET_CHARS) return { kind: 'malformed', what: `${what} is longer than ${MAX_WEBHOOK_SECRET_CHARS} characters` };
  return { kind: 'text', value: v };
}

/** A header's value whatever the case of its name, as the parser gave it (a repeated header stays a list: malformed). */
function headerValue(headers: unknown, name: string): unknown {
  return headers !== null && typeof headers === 'object' ? findHeader(headers as HeaderBag, name) : undefined;
}

function queryValue(query: unknown, name: string): unknown {
  if (query === null || typeof query !== 'object' || !Object.prototype.hasOwnProperty.call(query, name)) return undefined;
  return (query as Record<string, unknown>)[name];
}

function malformed(message: string): PanelWebhookError {
  return new PanelWebhookError(message, { reason: 'malformed' });
}

/** An order update as a webhook delivered it (raw values kept beside normalised ones, as in API replies). */
export type WebhookOrderUpdate = OrderUpdate;

/** One parsed delivery: the normalised update and the body's own fields (JSON or decoded form). */
export interface ParsedDelivery {
  update: WebhookOrderUpdate;
  /** The body as sent, decoded: the JSON object, or the form's fields. */
  fields: Record<string, unknown>;
}

const BAD_JSON = 'The webhook body is not a JSON object; expected {"order_id":1487,"status":"Completed",…}.';

/** The body's fields: a JSON object or a form-encoded body; anything else is malformed (400). */
function bodyFields(rawBody: RawBody): Record<string, unknown> {
  if (typeof rawBody !== 'string' && !(rawBody instanceof Uint8Array)) {
    throw malformed('The webhook body is missing: the receiver must pass the raw request body (text or bytes).');
  }
  const size = typeof rawBody === 'string' ? rawBody.length : rawBody.byteLength;
  if (size > MAX_WEBHOOK_BODY_BYTES) {
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
    data = { ...decodeForm(text) };
  } else {
    throw malformed(BAD_JSON);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw malformed(BAD_JSON);
  return data as Record<string, unknown>;
}

/**
 * The order id compared by value: digits in canonical form ("0012" and 12 are both "12");
 * any other number-like value (-5, "-5", 1.5) is refused alike; other text is an opaque id
 * (some Panels name orders "ord_7Hk2"), kept as given when it has no comma or space.
 */
function orderIdOf(v: unknown): string | null {
  if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 0 ? String(v) : null;
  if (typeof v !== 'string') return null;
  const t = v.trim();
  if (/^\d{1,30}$/.test(t)) return BigInt(t).toString();
  if (t === '' || t.length > 100 || /^[+-]?[\d.]+(e[+-]?\d+)?$/i.test(t) || /[\s,]/.test(t)) return null;
  return t;
}

/**
 * Parse an order-update body: JSON `{"order_id", "status", "remains", "start_count",
 * "charge"}` (numbers or strings), tolerating `order`/`id` for the id, a missing or null
 * start_count, and a form-encoded body. Throws PanelWebhookError (reason malformed, 400).
 */
export function parseDelivery(rawBody: RawBody): ParsedDelivery {
  const rec = bodyFields(rawBody);
  const idRaw = rec.order_id ?? rec.order ?? rec.id;
  const order = orderIdOf(idRaw);
  if (order === null) {
    throw malformed(
      idRaw === undefined
        ? 'The webhook body has no order id ("order_id"); it is not a Panel order update.'
        : 'The webhook body\'s "order_id" is neither a whole number ≥ 0 nor an id text without commas or spaces; it is not a Panel order update.',
    );
  }
  const statusRaw = typeof rec.status === 'number' && Number.isFinite(rec.status) ? String(rec.status) : rec.status;
  if (typeof statusRaw !== 'string' || statusRaw.trim() === '' || statusRaw.length > 100) {
    throw malformed(`The webhook body for order ${order} has no "status"; it is not a Panel order update.`);
  }
  const currency = typeof rec.currency === 'string' && rec.currency.trim() !== '' ? rec.currency.trim().slice(0, 16) : null;
  const update: WebhookOrderUpdate = {
    order,
    ...readStatus(statusRaw.trim()),
    status_raw: statusRaw,
    ...moneyField('charge', rec.charge),
    ...countField('start_count', rec.start_count),
    ...countField('remains', rec.remains),
    currency,
  };
  return { update, fields: rec };
}

/** parseDelivery's normalised update alone. */
export function parseOrderUpdate(rawBody: RawBody): WebhookOrderUpdate {
  return parseDelivery(rawBody).update;
}

/** Constant-time equality of two strings of any length (compares their SHA-256 digests). */
export function safeEqual(a: string, b: string): boolean {
  const da = createHash('sha256').update(a, 'utf8').digest();
  const db = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(da, db) && a.length === b.length;
}

/**
 * Check a shared-secret token. Throws PanelWebhookError (401) when missing, wrong or of a
 * shape no Panel sends (repeated, bracketed, huge): all are refused alike, never thrown as
 * anything else.
 */
export function verifyWebhookToken(expected: string, given?: unknown): void {
  if (typeof expected !== 'string' || expected === '') {
    throw new PanelValidationError('The webhook secret is empty: set a secret to check deliveries against, or turn the check off.', {
      field: 'token',
    });
  }
  const v = secretValue(given, 'the secret');
  if (v.kind === 'malformed') {
    throw new PanelWebhookError(`The webhook delivery carries a malformed secret (${v.what}): send it once, as ?${WEBHOOK_TOKEN_QUERY}=<secret> or the ${WEBHOOK_TOKEN_HEADER} header.`, {
      reason: 'bad_secret',
    });
  }
  if (v.kind === 'absent' || v.value === '') {
    throw new PanelWebhookError(
      `The webhook delivery carries no secret: add ?${WEBHOOK_TOKEN_QUERY}=<secret> to the webhook URL in your Panel account (or send the ${WEBHOOK_TOKEN_HEADER} header).`,
      { reason: 'missing_secret' },
    );
  }
  if (!safeEqual(expected, v.value)) {
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
  /** Request headers as the host parsed them (names in any case; values strings or arrays). */
  headers?: unknown;
  /** Query parameters as the host parsed them (values may be strings, arrays or objects). */
  query?: unknown;
  /** Shared secret expected in the query `token` or the `x-panel-token` header. */
  token?: string;
  /** HMAC-SHA256 secret; when set, the signature header is required. */
  hmacSecret?: string;
  /** ms epoch. */
  now: number;
  toleranceSec?: number;
}

/**
 * The token a request carries, by one rule: the URL's `token` query parameter when the URL
 * has one (even a malformed one), otherwise the `x-panel-token` header.
 */
export function givenToken(query: unknown, headers: unknown): unknown {
  const q = queryValue(query, WEBHOOK_TOKEN_QUERY);
  return q !== undefined ? q : headerValue(headers, WEBHOOK_TOKEN_HEADER);
}

function signatureHeader(headers: unknown, name: string): string | null {
  const v = secretValue(headerValue(headers, name), `the ${name} header`);
  if (v.kind === 'malformed') throw new PanelWebhookError(`The webhook delivery's ${v.what}: send it once.`, { reason: 'bad_signature' });
  return v.kind === 'text' ? v.value : null;
}

/** Authenticate (token, then signature) and parse one delivery. 401-type failures come before 400. */
export function verifyDelivery(req: WebhookRequest): ParsedDelivery {
  if (req.token !== undefined && req.token !== '') verifyWebhookToken(req.token, givenToken(req.query, req.headers));
  if (req.hmacSecret !== undefined && req.hmacSecret !== '') {
    const check: SignatureCheck = {
      secret: req.hmacSecret,
      rawBody: req.rawBody,
      signature: signatureHeader(req.headers, WEBHOOK_SIGNATURE_HEADER),
      timestamp: signatureHeader(req.headers, WEBHOOK_TIMESTAMP_HEADER),
      now: req.now,
    };
    if (req.toleranceSec !== undefined) check.toleranceSec = req.toleranceSec;
    verifyWebhookSignature(check);
  }
  return parseDelivery(req.rawBody);
}

/** verifyDelivery's normalised update alone. */
export function verifyWebhook(req: WebhookRequest): WebhookOrderUpdate {
  return verifyDelivery(req).update;
}

/**
 * Identity of a delivery: the same update sent twice has the same key, however its numbers
 * were spelt ("4.50" or 4.5, "0012" or 12).
 */
export function deliveryKey(update: Pick<OrderUpdate, 'order' | 'status' | 'remains' | 'start_count' | 'charge'>): string {
  const charge = update.charge === null ? '' : (decimalText(update.charge) ?? update.charge);
  return [orderIdOf(update.order) ?? update.order, update.status, update.remains ?? '', update.start_count ?? '', charge].join('|');
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

export const DEFAULT_DELIVERY_TTL_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_DELIVERY_MAX_ENTRIES = 10_000;

/**
 * Delivery keys seen recently, bounded by a time window and a count. `remember` is
 * synchronous, so in one JavaScript process check-and-insert is atomic: of any number of
 * concurrent identical deliveries exactly one gets true. Its cost is flat (a Map lookup, and
 * evictions from the oldest end). Serialises (toJSON) to the plain `{key: ms}` object
 * rememberDelivery and n8n static data use, so it can be persisted and absorbed back.
 */
export class DeliveryMemory {
  private readonly seen = new Map<string, number>();
  readonly ttlMs: number;
  readonly maxEntries: number;

  constructor(opts: RememberOptions = {}) {
    this.ttlMs = opts.ttlMs ?? DEFAULT_DELIVERY_TTL_MS;
    this.maxEntries = opts.maxEntries ?? DEFAULT_DELIVERY_MAX_ENTRIES;
  }

  get size(): number {
    return this.seen.size;
  }

  has(key: string, now: number): boolean {
    const at = this.seen.get(key);
    return at !== undefined && now - at < this.ttlMs && at <= now + this.ttlMs;
  }

  /** true the first time a key is seen within the window (process it), false for a repeat (drop it). */
  remember(key: string, now: number): boolean {
    this.evict(now);
    if (this.has(key, now)) return false;
    // Re-inserting moves the key to the newest end, keeping the Map in time order.
    this.seen.delete(key);
    this.seen.set(key, now);
    this.evict(now);
    return true;
  }

  /** Forget a key (its delivery did not get through after all, so a retry must). */
  forget(key: string): void {
    this.seen.delete(key);
  }

  /** Take in keys persisted elsewhere (a restart, another process); returns how many were new. */
  absorb(persisted: unknown, now: number): number {
    if (persisted === null || typeof persisted !== 'object') return 0;
    const fresh: Array<[string, number]> = [];
    for (const [key, at] of Object.entries(persisted as Record<string, unknown>)) {
      if (typeof at !== 'number' || !(now - at < this.ttlMs) || at > now + this.ttlMs || this.seen.has(key)) continue;
      fresh.push([key, at]);
    }
    if (fresh.length === 0) return 0;
    // Rebuild in time order, so eviction from the oldest end stays right.
    const all = [...this.seen, ...fresh].sort((a, b) => a[1] - b[1]);
    this.seen.clear();
    for (const [k, at] of all) this.seen.set(k, at);
    this.evict(now);
    return fresh.length;
  }

  private evict(now: number): void {
    for (const [key, at] of this.seen) {
      if (this.seen.size <= this.maxEntries && now - at < this.ttlMs) break;
      this.seen.delete(key);
    }
  }

  /** The persisted form: `{key: ms}`, oldest first. */
  toJSON(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [k, at] of this.seen) Object.defineProperty(out, k, { value: at, enumerable: true, writable: true, configurable: true });
    return out;
  }
}

/**
 * Record a delivery key; true when it is the first time within the TTL (process it), false
 * for a duplicate (drop it). `store` is mutated and stays a plain serialisable object.
 * For concurrent requests use one DeliveryMemory per process instead: a store copied per
 * request cannot see a concurrent request's key.
 */
export function rememberDelivery(store: DeliveryStore, key: string, now: number, opts: RememberOptions = {}): boolean {
  const memory = new DeliveryMemory(opts);
  memory.absorb(store.seen, now);
  const first = memory.remember(key, now);
  store.seen = memory.toJSON();
  return first;
}
