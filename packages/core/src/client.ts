/**
 * PanelClient: every action of the Panel API v2 (plus the de facto refill actions), over an
 * injected runtime. One call = limiter → request → interpret → parse, wrapped in the
 * retry policy of ./retry. Errors leave the client scrubbed of every secret.
 */
import { PanelError, PanelMalformedResponseError, PanelNotFoundError, PanelValidationError, makeScrubber, type Scrubber } from './errors';
import { DEFAULT_MAX_RESPONSE_BYTES, interpretResponse } from './parse/interpret';
import { rateLimitExhausted, rateLimitWaitMs } from './parse/rate-limit';
import {
  parseAdd,
  parseBalance,
  parseCancel,
  parseMultiStatus,
  parseRefill,
  parseRefillStatus,
  parseRefillStatuses,
  parseRefills,
  parseServices,
  parseStatus,
} from './parse';
import { prepareOrder as prepareOrderPure } from './orders';
import { createLimiter, type RateLimitOptions, type RateLimiter } from './limiter';
import { decideRetry, resolveRetryOptions, type RetryEvent, type RetryOptions } from './retry';
import { canceled, transportFailure, type AbortSignalLike, type PanelRuntime, type TransportRequest, type TransportResponse } from './runtime';
import { dedupe, fetchBatched, normalizeId, normalizeIds } from './batch';
import type {
  AddResult,
  Balance,
  CancelResult,
  OrderInput,
  OrderStatus,
  PreparedOrder,
  RefillResult,
  RefillStatus,
  Service,
  StatusResult,
} from './types';

/** How the Panel spells "status of many orders": this Panel's `multiStatus`, or `status&orders=` of its cousins. */
export type MultiStatusAction = 'multiStatus' | 'status';

export interface ClientOptions {
  /** The Panel's API endpoint, e.g. https://your-panel/api/v2. */
  apiUrl: string;
  runtime: PanelRuntime;
  /** Strings scrubbed from every error (the API key). */
  secrets?: ReadonlyArray<string | undefined | null>;
  multiStatusAction?: MultiStatusAction;
  /** Retry policy for failed calls; `false` = one attempt only. */
  retry?: Partial<RetryOptions> | false;
  /** Client-side rate limit shared by all calls; `false` = none. */
  rateLimit?: Partial<RateLimitOptions> | false;
  /** Per-request timeout handed to the runtime (default 30 s). */
  timeoutMs?: number;
  /** Replies larger than this are refused (default 64 MiB). */
  maxResponseBytes?: number;
  /**
   * multiStatus / refill_status chunks in flight at once (default 10: 1,000 ids, the size of
   * one minute's budget, go out in one round trip; the rate limiter still holds them all).
   */
  statusConcurrency?: number;
  /**
   * How long service(id), prepareOrder(id) and addOrder(id) may reuse the last catalog read
   * (default 0: every lookup reads the catalog). services() always reads it afresh.
   */
  servicesCacheMs?: number;
  /** Default cancel signal of every call (e.g. n8n's execution-cancel signal); CallOptions.signal overrides it. */
  signal?: AbortSignalLike;
  /** Called before each retry, e.g. to log it (the failure is already scrubbed). */
  onRetry?: (event: RetryEvent) => void;
  /** Where retries are logged when onRetry is not given (n8n's `this.logger` fits). */
  logger?: { warn(message: string, meta?: Record<string, unknown>): void };
}

/** The optional last argument of every client method, for this one call. */
export interface CallOptions {
  /**
   * Stop when this aborts (e.g. n8n's execution-cancel signal): the request in flight is
   * dropped and nothing is retried. A write that may already have been sent is reported
   * as PanelOrderOutcomeUnknownError.
   */
  signal?: AbortSignalLike;
  /** Per-request timeout for this call (default: the client's timeoutMs). */
  timeoutMs?: number;
  /** Retry policy for this call, over the client's; `false` = one attempt. */
  retry?: Partial<RetryOptions> | false;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_STATUS_CONCURRENCY = 10;

const MISSING_FROM_REPLY = "The Panel's reply has no entry for this id";

/** Settings one call runs with: the client's, overridden by its CallOptions. */
interface CallSettings {
  retry: RetryOptions;
  timeoutMs: number;
  signal: AbortSignalLike | undefined;
}

/** Resolves `work` unless `signal` aborts first; then `onLate` gets work's value when it comes. */
function unlessAborted<T>(work: Promise<T>, signal: AbortSignalLike | undefined, onAbort: () => unknown, onLate?: (value: T) => void): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) {
    if (onLate) work.then(onLate, () => undefined);
    return Promise.reject(onAbort());
  }
  return new Promise<T>((resolve, reject) => {
    const abort = () => {
      if (onLate) work.then(onLate, () => undefined);
      reject(onAbort());
    };
    signal.addEventListener('abort', abort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener('abort', abort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', abort);
        reject(e);
      },
    );
  });
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new PanelValidationError(`${name} must be a positive number, got ${String(value)}.`, { field: name });
  }
  return value;
}

/** Option checks of the policy modules throw RangeError; the client reports them as validation errors. */
function asValidation<T>(field: string, build: () => T): T {
  try {
    return build();
  } catch (err) {
    if (err instanceof RangeError) throw new PanelValidationError(`${err.message}.`, { field, cause: err });
    throw err;
  }
}

export class PanelClient {
  readonly apiUrl: string;
  readonly multiStatusAction: MultiStatusAction;
  /** HTTP requests handed to the runtime so far (every attempt counts). */
  requestCount = 0;

  private readonly runtime: PanelRuntime;
  private readonly scrub: Scrubber;
  private readonly retry: RetryOptions;
  private readonly limiter: RateLimiter | null;
  private readonly timeoutMs: number;
  private readonly maxResponseBytes: number;
  private readonly statusConcurrency: number;
  private readonly servicesCacheMs: number;
  private readonly onRetry: ((event: RetryEvent) => void) | undefined;
  private readonly signal: AbortSignalLike | undefined;
  private catalog: { at: number; services: Service[] } | null = null;
  private catalogRead: Promise<Service[]> | null = null;

  constructor(options: ClientOptions) {
    if (!options || typeof options !== 'object') throw new PanelValidationError('PanelClient needs options: { apiUrl, runtime }.', { field: 'options' });
    this.scrub = makeScrubber(options.secrets ?? []);
    const url = typeof options.apiUrl === 'string' ? options.apiUrl.trim() : '';
    if (!/^https?:\/\/[^\s/?#]+[^\s]*$/i.test(url)) {
      throw new PanelValidationError(
        `apiUrl must be the Panel's API endpoint starting with http:// or https:// (e.g. https://your-panel/api/v2); got ${JSON.stringify(this.scrub(String(options.apiUrl)))}.`,
        { field: 'apiUrl', scrub: this.scrub },
      );
    }
    const rt = options.runtime;
    if (!rt || typeof rt.request !== 'function' || typeof rt.sleep !== 'function' || typeof rt.now !== 'function') {
      throw new PanelValidationError('runtime must provide request(), sleep() and now().', { field: 'runtime' });
    }
    const dialect = options.multiStatusAction ?? 'multiStatus';
    if (dialect !== 'multiStatus' && dialect !== 'status') {
      throw new PanelValidationError(`multiStatusAction must be 'multiStatus' or 'status', got ${JSON.stringify(dialect)}.`, { field: 'multiStatusAction' });
    }
    this.apiUrl = url;
    this.runtime = rt;
    this.multiStatusAction = dialect;
    this.retry = asValidation('retry', () => resolveRetryOptions(options.retry));
    this.limiter = asValidation('rateLimit', () => createLimiter(rt, options.rateLimit));
    this.timeoutMs = positive('timeoutMs', options.timeoutMs, DEFAULT_TIMEOUT_MS);
    this.maxResponseBytes = positive('maxResponseBytes', options.maxResponseBytes, DEFAULT_MAX_RESPONSE_BYTES);
    this.statusConcurrency = Math.floor(positive('statusConcurrency', options.statusConcurrency, DEFAULT_STATUS_CONCURRENCY)) || 1;
    const cacheMs = options.servicesCacheMs ?? 0;
    if (typeof cacheMs !== 'number' || !Number.isFinite(cacheMs) || cacheMs < 0) {
      throw new PanelValidationError(`servicesCacheMs must be a number ≥ 0, got ${String(cacheMs)}.`, { field: 'servicesCacheMs' });
    }
    this.servicesCacheMs = cacheMs;
    this.signal = options.signal;
    const logger = options.logger;
    this.onRetry =
      options.onRetry ??
      (logger
        ? (e) =>
            logger.warn(`Panel "${e.action}" failed (${e.error.code}${e.error.httpStatus !== undefined ? `, HTTP ${e.error.httpStatus}` : ''}); retry ${e.retry} in ${e.delayMs} ms`, {
              action: e.action,
              retry: e.retry,
              delayMs: e.delayMs,
              code: e.error.code,
              httpStatus: e.error.httpStatus,
            })
        : undefined);
  }

  /** The client's settings with one call's overrides. */
  private settings(opts: CallOptions | undefined): CallSettings {
    if (!opts) return { retry: this.retry, timeoutMs: this.timeoutMs, signal: this.signal };
    const retry =
      opts.retry === undefined ? this.retry : asValidation('retry', () => resolveRetryOptions(opts.retry === false ? false : { ...this.retry, ...opts.retry }));
    return { retry, timeoutMs: positive('timeoutMs', opts.timeoutMs, this.timeoutMs), signal: opts.signal ?? this.signal };
  }

  // ---- reads -------------------------------------------------------------------------

  balance(opts?: CallOptions): Promise<Balance> {
    return this.call('balance', {}, (json) => parseBalance(json, { scrub: this.scrub }), undefined, opts);
  }

  async services(opts?: CallOptions): Promise<Service[]> {
    const services = await this.call('services', {}, (json) => parseServices(json, { scrub: this.scrub }), undefined, opts);
    this.catalog = { at: this.runtime.now(), services };
    return services;
  }

  /** The catalog for a lookup: the cached one while fresh (servicesCacheMs), one shared read otherwise. */
  private catalogForLookup(opts?: CallOptions): Promise<Service[]> {
    const cached = this.catalog;
    if (cached && this.servicesCacheMs > 0 && this.runtime.now() - cached.at < this.servicesCacheMs) return Promise.resolve(cached.services);
    if (this.servicesCacheMs > 0 && this.catalogRead) return this.catalogRead;
    const read = this.services(opts);
    if (this.servicesCacheMs > 0) {
      // Concurrent lookups share one read; a failed read is not kept.
      this.catalogRead = read;
      const clear = () => {
        if (this.catalogRead === read) this.catalogRead = null;
      };
      read.then(clear, clear);
    }
    return read;
  }

  /** One service from the catalog; PanelNotFoundError when the Panel does not list it. */
  async service(id: string | number, opts?: CallOptions): Promise<Service> {
    const wanted = normalizeId(id, 'service', this.scrub);
    const all = await this.catalogForLookup(opts);
    const found = all.find((s) => s.service === wanted);
    if (!found) {
      throw new PanelNotFoundError(
        `Service ${wanted} is not in the Panel's catalog (${all.length} services listed). Pick a service id from the catalog.`,
        { id: wanted, action: 'services', scrub: this.scrub },
      );
    }
    return found;
  }

  async status(id: string | number, opts?: CallOptions): Promise<OrderStatus> {
    const order = normalizeId(id, 'order', this.scrub);
    return this.call('status', { order }, (json) => parseStatus(json, order, { scrub: this.scrub }), undefined, opts);
  }

  /**
   * Statuses of any number of orders: each id once, ≤ 100 per request, a few requests at a
   * time; one result per input id, in input order. A per-id error is data (`error` set).
   */
  async statuses(ids: ReadonlyArray<string | number>, opts?: CallOptions): Promise<StatusResult[]> {
    const list = normalizeIds(ids, 'orders', this.scrub);
    const action = this.multiStatusAction;
    return fetchBatched<StatusResult>({
      ids: list,
      concurrency: this.statusConcurrency,
      fetch: (chunkIds) => this.call(action, { orders: chunkIds.join(',') }, (json) => parseMultiStatus(json, chunkIds, { scrub: this.scrub }), undefined, opts),
      keyOf: (r) => r.order,
      missing: (order) => ({ order, error: MISSING_FROM_REPLY }),
    });
  }

  async refillStatus(id: string | number, opts?: CallOptions): Promise<RefillStatus> {
    const refill = normalizeId(id, 'refill', this.scrub);
    return this.call('refill_status', { refill }, (json) => parseRefillStatus(json, refill, { scrub: this.scrub }), undefined, opts);
  }

  /** Like statuses(), for refills (`refill_status&refills=`). */
  async refillStatuses(ids: ReadonlyArray<string | number>, opts?: CallOptions): Promise<RefillStatus[]> {
    const list = normalizeIds(ids, 'refills', this.scrub);
    return fetchBatched<RefillStatus>({
      ids: list,
      concurrency: this.statusConcurrency,
      fetch: (chunkIds) =>
        this.call('refill_status', { refills: chunkIds.join(',') }, (json) => parseRefillStatuses(json, chunkIds, { scrub: this.scrub }), undefined, opts),
      keyOf: (r) => r.refill,
      missing: (refill) => ({ refill, status: null, status_raw: null, final: false, error: MISSING_FROM_REPLY }),
    });
  }

  // ---- orders ------------------------------------------------------------------------

  /**
   * Dry run: validate the input for the service's type and price it, sending nothing but
   * (when given an id) the `services` read.
   */
  async prepareOrder(serviceOrId: Service | string | number, input: OrderInput, opts?: CallOptions): Promise<PreparedOrder> {
    const service = typeof serviceOrId === 'object' && serviceOrId !== null ? serviceOrId : await this.service(serviceOrId, opts);
    try {
      return prepareOrderPure(service, input);
    } catch (err) {
      throw err instanceof PanelError ? err.redact(this.scrub) : err;
    }
  }

  /** Validate, price, then place the order. An ambiguous failure is PanelOrderOutcomeUnknownError, never resent. */
  async addOrder(serviceOrId: Service | string | number, input: OrderInput, opts?: CallOptions): Promise<AddResult> {
    const prepared = await this.prepareOrder(serviceOrId, input, opts);
    return this.sendAdd(prepared.form, opts);
  }

  /** Raw add: the caller's fields as they are; only `service` is checked. The key is never taken from params. */
  async add(params: Record<string, string | number>, opts?: CallOptions): Promise<AddResult> {
    if (!params || typeof params !== 'object') throw new PanelValidationError('add needs the order fields, e.g. { service, link, quantity }.', { field: 'params' });
    const form: Record<string, string> = {};
    for (const [k, v] of Object.entries(params)) {
      if (k === 'key' || k === 'action' || v === undefined || v === null) continue;
      if (typeof v !== 'string' && typeof v !== 'number') {
        throw new PanelValidationError(`add field "${k}" must be a string or a number.`, { field: k, scrub: this.scrub });
      }
      form[k] = String(v);
    }
    form.service = normalizeId(params.service, 'service', this.scrub);
    return this.sendAdd(form, opts);
  }

  private sendAdd(form: Record<string, string>, opts?: CallOptions): Promise<AddResult> {
    const { action: _action, key: _key, ...fields } = form;
    return this.call('add', fields, (json) => parseAdd(json, { scrub: this.scrub }), `order for service ${fields.service}`, opts);
  }

  /** Cancel orders: one result per distinct id, in input order. Per-id errors are data. */
  async cancel(ids: ReadonlyArray<string | number>, opts?: CallOptions): Promise<CancelResult[]> {
    const list = dedupe(normalizeIds(ids, 'orders', this.scrub));
    return this.call('cancel', { orders: list.join(',') }, (json) => parseCancel(json, list, { scrub: this.scrub }), `orders ${list.join(', ')}`, opts);
  }

  async refill(id: string | number, opts?: CallOptions): Promise<RefillResult> {
    const order = normalizeId(id, 'order', this.scrub);
    return this.call('refill', { order }, (json) => parseRefill(json, order, { scrub: this.scrub }), `refill of order ${order}`, opts);
  }

  /** Refill several orders in one request; per-id errors are data. */
  async refills(ids: ReadonlyArray<string | number>, opts?: CallOptions): Promise<RefillResult[]> {
    const list = dedupe(normalizeIds(ids, 'orders', this.scrub));
    return this.call('refill', { orders: list.join(',') }, (json) => parseRefills(json, list, { scrub: this.scrub }), `refill of orders ${list.join(', ')}`, opts);
  }

  // ---- one call ----------------------------------------------------------------------

  /**
   * Sends one action under the rate limiter and the retry policy. `fields` exclude key and
   * action. `subject` words what a write was about, for an outcome-unknown message.
   */
  private async call<T>(action: string, fields: Record<string, string>, parse: (json: unknown) => T, subject?: string, opts?: CallOptions): Promise<T> {
    const rt = this.runtime;
    const run = this.settings(opts);
    const { signal } = run;
    // Nothing has been sent yet: a cancel here or between attempts proves the Panel did nothing.
    const notSent = () => canceled(action, false, this.scrub);
    if (signal?.aborted) throw notSent();
    const started = rt.now();
    const form = { action, ...fields };
    for (let retries = 0; ; retries++) {
      const limiter = this.limiter;
      const done = limiter ? await unlessAborted(limiter.acquire(), signal, notSent, (release) => release()) : undefined;
      const outcome = await this.attempt(action, form, parse, run);
      done?.();
      this.pace(outcome.headers, run.retry.budgetMs);
      if ('value' in outcome) return outcome.value;
      const { error } = outcome;
      const retryAfterMs = (error as { retryAfterMs?: number }).retryAfterMs;
      // A 429's Retry-After holds every call of this client, not just this one.
      if (limiter && error.code === 'rate_limited' && retryAfterMs !== undefined) limiter.blockUntil(rt.now() + Math.min(retryAfterMs, run.retry.budgetMs));
      const decision = decideRetry(error, {
        action,
        retries,
        elapsedMs: rt.now() - started,
        random: rt.random ? rt.random() : 0.5,
        opts: run.retry,
        scrub: this.scrub,
        ...(subject !== undefined ? { subject } : {}),
      });
      if (!decision.retry) throw decision.error;
      this.onRetry?.({ action, retry: retries + 1, delayMs: decision.delayMs, error });
      await unlessAborted(rt.sleep(decision.delayMs), signal, notSent);
    }
  }

  /**
   * X-RateLimit-Remaining: 0 with a reset time: hold every call of this client until then
   * (at most the retry budget, so a wrong header cannot stall the client for long).
   */
  private pace(headers: TransportResponse['headers'] | undefined, budgetMs: number): void {
    if (!this.limiter || !headers || !rateLimitExhausted(headers)) return;
    const now = this.runtime.now();
    const waitMs = rateLimitWaitMs(headers, now);
    if (waitMs !== undefined && waitMs > 0) this.limiter.blockUntil(now + Math.min(waitMs, budgetMs));
  }

  /** One HTTP exchange: the parsed value, or the PanelError it came to; with the reply's headers when there was a reply. */
  private async attempt<T>(
    action: string,
    form: Record<string, string>,
    parse: (json: unknown) => T,
    run: CallSettings,
  ): Promise<({ value: T } | { error: PanelError }) & { headers?: TransportResponse['headers'] }> {
    const rt = this.runtime;
    let res: TransportResponse;
    try {
      this.requestCount++;
      const req: TransportRequest = { url: this.apiUrl, action, form: { ...form }, timeoutMs: run.timeoutMs };
      if (run.signal) req.signal = run.signal;
      // A runtime that ignores the signal is still not waited for once it aborts.
      res = await unlessAborted(rt.request(req), run.signal, () => Object.assign(new Error('canceled by the caller'), { name: 'AbortError' }));
    } catch (err) {
      const ctx = { action, timeoutMs: run.timeoutMs, maxResponseBytes: this.maxResponseBytes, scrub: this.scrub, signal: run.signal };
      return { error: transportFailure(err, ctx) };
    }
    const headers = res?.headers;
    try {
      const json = interpretResponse(action, res, { scrub: this.scrub, maxResponseBytes: this.maxResponseBytes, now: rt.now() });
      return { value: parse(json), headers };
    } catch (err) {
      return { error: this.asPanelError(err, action, res), headers };
    }
  }

  /** Parsers throw PanelErrors; anything else is a reply of a shape we cannot read. */
  private asPanelError(err: unknown, action: string, res: TransportResponse): PanelError {
    if (err instanceof PanelError) return err.redact(this.scrub);
    const detail = err instanceof Error ? err.message : String(err);
    return new PanelMalformedResponseError(`The Panel's reply to "${action}" has an unexpected shape (${detail}).`, {
      action,
      reason: 'wrong_shape',
      ...(typeof res?.status === 'number' ? { httpStatus: res.status } : {}),
      cause: err,
      scrub: this.scrub,
    });
  }
}
