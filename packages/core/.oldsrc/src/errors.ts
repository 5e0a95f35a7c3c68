/**
 * One error hierarchy for everything that can go wrong talking to a Panel.
 * Callers tell errors apart by class (`instanceof`) or by the stable `code`.
 * Every message says what to fix; none may carry a secret (the API key): construct with
 * `secrets` or call `redact(secrets)` before the error leaves the client.
 */

export type PanelErrorCode =
  | 'bad_request'
  | 'authentication'
  | 'insufficient_balance'
  | 'not_found'
  | 'rate_limited'
  | 'upstream'
  | 'panel_error'
  | 'malformed_response'
  | 'network'
  | 'timeout'
  | 'order_outcome_unknown'
  | 'validation'
  | 'unsupported_order_type'
  | 'webhook_invalid';

export const PANEL_ERROR_CODES: readonly PanelErrorCode[] = [
  'bad_request',
  'authentication',
  'insufficient_balance',
  'not_found',
  'rate_limited',
  'upstream',
  'panel_error',
  'malformed_response',
  'network',
  'timeout',
  'order_outcome_unknown',
  'validation',
  'unsupported_order_type',
  'webhook_invalid',
];

/** Removes secrets from a text: a function, or a list of literal strings. */
export type Scrubber = (text: string) => string;

export const REDACTED = '[redacted]';

/**
 * Build a scrubber for literal secrets. Each secret is also removed in its URL-encoded
 * spelling, since an echoed form body would carry it that way.
 */
export function makeScrubber(secrets: ReadonlyArray<string | undefined | null> = []): Scrubber {
  const needles = new Set<string>();
  for (const s of secrets) {
    if (typeof s !== 'string' || s.length === 0) continue;
    needles.add(s);
    try {
      needles.add(encodeURIComponent(s));
      needles.add(encodeURIComponent(s).replace(/%20/g, '+'));
    } catch {
      // lone surrogates cannot be URI-encoded; the literal is still removed
    }
  }
  // Longest first, so a secret that contains another is removed whole.
  const list = [...needles].sort((a, b) => b.length - a.length);
  return (text: string) => {
    let out = text;
    for (const n of list) if (out.includes(n)) out = out.split(n).join(REDACTED);
    return out;
  };
}

export interface PanelErrorOptions {
  httpStatus?: number;
  retryable?: boolean;
  action?: string;
  /** The underlying error, kept for debugging (not serialised). */
  cause?: unknown;
  /** Strings that must not appear in the message (e.g. the API key). */
  secrets?: ReadonlyArray<string | undefined | null>;
  /** Alternative to `secrets`: any function that removes secrets from a text. */
  scrub?: Scrubber;
}

/** Fields of an error that are serialised and scrubbed besides `message`. */
type Extra = Record<string, unknown>;

export class PanelError extends Error {
  readonly code: PanelErrorCode;
  httpStatus?: number;
  retryable: boolean;
  action?: string;

  constructor(code: PanelErrorCode, message: string, opts: PanelErrorOptions = {}) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = new.target.name;
    this.code = code;
    this.retryable = opts.retryable ?? false;
    if (opts.httpStatus !== undefined) this.httpStatus = opts.httpStatus;
    if (opts.action !== undefined) this.action = opts.action;
    if (opts.cause !== undefined) {
      // Non-enumerable: JSON and shallow logging never walk into the raw cause.
      Object.defineProperty(this, 'cause', { value: opts.cause, enumerable: false, writable: true, configurable: true });
    }
    const scrub = opts.scrub ?? (opts.secrets ? makeScrubber(opts.secrets) : undefined);
    if (scrub) this.applyScrub(scrub);
  }

  /** Subclass-specific fields, for toJSON. */
  protected extra(): Extra {
    return {};
  }

  /**
   * Remove secrets from the message, stack, string fields and cause. Returns `this`,
   * so `throw err.redact([apiKey])` reads naturally.
   */
  redact(secretsOrScrub: ReadonlyArray<string | undefined | null> | Scrubber): this {
    const scrub = typeof secretsOrScrub === 'function' ? secretsOrScrub : makeScrubber(secretsOrScrub);
    this.applyScrub(scrub);
    return this;
  }

  private applyScrub(scrub: Scrubber): void {
    this.message = scrub(this.message);
    if (typeof this.stack === 'string') this.stack = scrub(this.stack);
    const self = this as unknown as Record<string, unknown>;
    for (const k of Object.keys(self)) {
      const v = self[k];
      if (typeof v === 'string') self[k] = scrub(v);
    }
    const cause = (this as { cause?: unknown }).cause;
    if (cause instanceof Error) {
      const m = scrub(cause.message);
      const st = typeof cause.stack === 'string' ? scrub(cause.stack) : undefined;
      if (m !== cause.message || st !== cause.stack) {
        // Replace rather than mutate: the cause may be shared with the host.
        const clean = new Error(m);
        clean.name = cause.name;
        if (st !== undefined) clean.stack = st;
        const code = (cause as { code?: unknown }).code;
        if (typeof code === 'string') (clean as Error & { code?: string }).code = code;
        Object.defineProperty(this, 'cause', { value: clean, enumerable: false, writable: true, configurable: true });
      }
    } else if (typeof cause === 'string') {
      Object.defineProperty(this, 'cause', { value: scrub(cause), enumerable: false, writable: true, configurable: true });
    }
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, code: this.code, message: this.message };
    if (this.httpStatus !== undefined) out.httpStatus = this.httpStatus;
    out.retryable = this.retryable;
    if (this.action !== undefined) out.action = this.action;
    for (const [k, v] of Object.entries(this.extra())) if (v !== undefined) out[k] = v;
    return out;
  }

  override toString(): string {
    return `${this.name} [${this.code}]: ${this.message}`;
  }
}

export function isPanelError(err: unknown): err is PanelError {
  return err instanceof PanelError;
}

/** HTTP 400: the request was refused as invalid (also the Panel's refusal of Subscriptions). */
export class PanelBadRequestError extends PanelError {
  /** The Panel's own error text, when it gave one. */
  panelMessage?: string;
  constructor(message: string, opts: PanelErrorOptions & { panelMessage?: string } = {}) {
    super('bad_request', message, { httpStatus: 400, ...opts, retryable: false });
    if (opts.panelMessage !== undefined) this.panelMessage = opts.panelMessage;
    if (opts.panelMessage !== undefined && (opts.scrub || opts.secrets)) this.redact(opts.scrub ?? opts.secrets ?? []);
  }
  protected override extra(): Extra {
    return { panelMessage: this.panelMessage };
  }
}

/** HTTP 401: missing or wrong API key. */
export class PanelAuthenticationError extends PanelError {
  panelMessage?: string;
  constructor(message: string, opts: PanelErrorOptions & { panelMessage?: string } = {}) {
    super('authentication', message, { httpStatus: 401, ...opts, retryable: false });
    if (opts.panelMessage !== undefined) this.panelMessage = opts.panelMessage;
    if (opts.panelMessage !== undefined && (opts.scrub || opts.secrets)) this.redact(opts.scrub ?? opts.secrets ?? []);
  }
  protected override extra(): Extra {
    return { panelMessage: this.panelMessage };
  }
}

/** HTTP 402: the account cannot pay for the order. */
export class PanelInsufficientBalanceError extends PanelError {
  panelMessage?: string;
  constructor(message: string, opts: PanelErrorOptions & { panelMessage?: string } = {}) {
    super('insufficient_balance', message, { httpStatus: 402, ...opts, retryable: false });
    if (opts.panelMessage !== undefined) this.panelMessage = opts.panelMessage;
    if (opts.panelMessage !== undefined && (opts.scrub || opts.secrets)) this.redact(opts.scrub ?? opts.secrets ?? []);
  }
  protected override extra(): Extra {
    return { panelMessage: this.panelMessage };
  }
}

/** HTTP 404, or a service id absent from the catalog. */
export class PanelNotFoundError extends PanelError {
  panelMessage?: string;
  /** The id that was not found, when known. */
  id?: string;
  constructor(message: string, opts: PanelErrorOptions & { panelMessage?: string; id?: string } = {}) {
    super('not_found', message, { ...opts, retryable: false });
    if (opts.panelMessage !== undefined) this.panelMessage = opts.panelMessage;
    if (opts.id !== undefined) this.id = opts.id;
    if ((opts.panelMessage !== undefined || opts.id !== undefined) && (opts.scrub || opts.secrets)) this.redact(opts.scrub ?? opts.secrets ?? []);
  }
  protected override extra(): Extra {
    return { panelMessage: this.panelMessage, id: this.id };
  }
}

/** HTTP 429. `retryAfterMs` comes from the Retry-After header when the Panel sent one. */
export class PanelRateLimitError extends PanelError {
  retryAfterMs?: number;
  constructor(message: string, opts: PanelErrorOptions & { retryAfterMs?: number } = {}) {
    super('rate_limited', message, { httpStatus: 429, ...opts, retryable: true });
    if (opts.retryAfterMs !== undefined) this.retryAfterMs = opts.retryAfterMs;
  }
  protected override extra(): Extra {
    return { retryAfterMs: this.retryAfterMs };
  }
}

/** HTTP 502 or another 5xx: the Panel or its provider failed. */
export class PanelUpstreamError extends PanelError {
  retryAfterMs?: number;
  panelMessage?: string;
  constructor(message: string, opts: PanelErrorOptions & { retryAfterMs?: number; panelMessage?: string } = {}) {
    super('upstream', message, { httpStatus: 502, retryable: true, ...opts });
    if (opts.retryAfterMs !== undefined) this.retryAfterMs = opts.retryAfterMs;
    if (opts.panelMessage !== undefined) this.panelMessage = opts.panelMessage;
    if (opts.panelMessage !== undefined && (opts.scrub || opts.secrets)) this.redact(opts.scrub ?? opts.secrets ?? []);
  }
  protected override extra(): Extra {
    return { retryAfterMs: this.retryAfterMs, panelMessage: this.panelMessage };
  }
}

/** HTTP 200 whose body is `{"error": "…"}`: an error all the same. */
export class PanelApiError extends PanelError {
  /** The Panel's error text, verbatim (scrubbed). */
  panelMessage: string;
  constructor(message: string, opts: PanelErrorOptions & { panelMessage: string }) {
    super('panel_error', message, { ...opts, retryable: false });
    this.panelMessage = opts.panelMessage;
    if (opts.scrub || opts.secrets) this.redact(opts.scrub ?? opts.secrets ?? []);
  }
  protected override extra(): Extra {
    return { panelMessage: this.panelMessage };
  }
}

export type MalformedReason =
  | 'not_json'
  | 'html'
  | 'wrong_shape'
  | 'oversized'
  | 'empty'
  | 'truncated'
  | 'redirect'
  | 'unexpected_status';

/** The reply could not be read as the action's documented shape. */
export class PanelMalformedResponseError extends PanelError {
  reason: MalformedReason;
  /** A short, scrubbed excerpt of what came back, for diagnosis. */
  excerpt?: string;
  constructor(message: string, opts: PanelErrorOptions & { reason: MalformedReason; excerpt?: string }) {
    super('malformed_response', message, { ...opts, retryable: opts.retryable ?? false });
    this.reason = opts.reason;
    if (opts.excerpt !== undefined) this.excerpt = opts.excerpt;
    if (opts.scrub || opts.secrets) this.redact(opts.scrub ?? opts.secrets ?? []);
  }
  protected override extra(): Extra {
    return { reason: this.reason, excerpt: this.excerpt };
  }
}

/** The transport failed (connection refused, reset, DNS …). `sent` = the request may have reached the Panel. */
export class PanelNetworkError extends PanelError {
  sent: boolean;
  constructor(message: string, opts: PanelErrorOptions & { sent?: boolean } = {}) {
    super('network', message, { retryable: true, ...opts });
    this.sent = opts.sent ?? true;
  }
  protected override extra(): Extra {
    return { sent: this.sent };
  }
}

/** The Panel did not answer in time. */
export class PanelTimeoutError extends PanelError {
  sent: boolean;
  constructor(message: string, opts: PanelErrorOptions & { sent?: boolean } = {}) {
    super('timeout', message, { retryable: true, ...opts });
    this.sent = opts.sent ?? true;
  }
  protected override extra(): Extra {
    return { sent: this.sent };
  }
}

/**
 * add / cancel / refill failed in a way that leaves open whether the Panel processed it.
 * Never resent automatically: the user must check (e.g. the order list) before retrying.
 */
export class PanelOrderOutcomeUnknownError extends PanelError {
  constructor(message: string, opts: PanelErrorOptions = {}) {
    super('order_outcome_unknown', message, { ...opts, retryable: false });
  }
}

/** A local check failed before anything was sent. `field` names the input to fix. */
export class PanelValidationError extends PanelError {
  field: string;
  constructor(message: string, opts: PanelErrorOptions & { field: string }) {
    super('validation', message, { ...opts, retryable: false });
    this.field = opts.field;
  }
  protected override extra(): Extra {
    return { field: this.field };
  }
}

/** The service's type cannot be ordered through the API (Subscriptions) or is unknown. */
export class PanelUnsupportedOrderTypeError extends PanelError {
  /** The service type as the catalog spells it. */
  type: string;
  constructor(message: string, opts: PanelErrorOptions & { type: string }) {
    super('unsupported_order_type', message, { ...opts, retryable: false });
    this.type = opts.type;
  }
  protected override extra(): Extra {
    return { type: this.type };
  }
}

export type WebhookErrorReason = 'missing_secret' | 'bad_secret' | 'bad_signature' | 'stale' | 'malformed';

/** A webhook delivery was rejected. `httpStatus` is what the receiver should answer (401 or 400). */
export class PanelWebhookError extends PanelError {
  reason: WebhookErrorReason;
  constructor(message: string, opts: PanelErrorOptions & { reason: WebhookErrorReason }) {
    super('webhook_invalid', message, {
      httpStatus: opts.reason === 'malformed' ? 400 : 401,
      ...opts,
      retryable: false,
    });
    this.reason = opts.reason;
  }
  protected override extra(): Extra {
    return { reason: this.reason };
  }
}

/** Class for each code, e.g. for adapters mapping codes back to classes. */
export const ERROR_CLASS_BY_CODE = {
  bad_request: PanelBadRequestError,
  authentication: PanelAuthenticationError,
  insufficient_balance: PanelInsufficientBalanceError,
  not_found: PanelNotFoundError,
  rate_limited: PanelRateLimitError,
  upstream: PanelUpstreamError,
  panel_error: PanelApiError,
  malformed_response: PanelMalformedResponseError,
  network: PanelNetworkError,
  timeout: PanelTimeoutError,
  order_outcome_unknown: PanelOrderOutcomeUnknownError,
  validation: PanelValidationError,
  unsupported_order_type: PanelUnsupportedOrderTypeError,
  webhook_invalid: PanelWebhookError,
} as const satisfies Record<PanelErrorCode, new (...args: never[]) => PanelError>;
