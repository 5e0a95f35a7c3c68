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

/** A run this long of a secret's characters is treated as the secret (a cut-off key is still a key). */
export const SECRET_RUN_CHARS = 8;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\\/]/g, '\\$&');
}

const utf8 = new TextEncoder();

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}

/**
 * A pattern for every spelling of one character a reply could echo: itself, percent-encoded
 * (any case, even for characters that need no encoding), `+` for a space (form encoding),
 * a JSON `\u` escape, `\/`, and an HTML character reference.
 */
function charPattern(ch: string): string {
  const alts = [escapeRegExp(ch)];
  alts.push([...utf8.encode(ch)].map((b) => `%${hex2(b)}`).join(''));
  if (ch === ' ') alts.push('\\+');
  if (ch === '/') alts.push('\\\\\\/');
  const units: string[] = [];
  for (let i = 0; i < ch.length; i++) units.push(`\\\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`);
  alts.push(units.join(''));
  const cp = ch.codePointAt(0) ?? 0;
  alts.push(`&#0*${cp};`, `&#x0*${cp.toString(16)};`);
  return `(?:${alts.join('|')})`;
}

/**
 * Build a scrubber for literal secrets. Each secret is removed as given and trimmed, in every
 * encoding an echoing Panel or proxy could use (see charPattern; hex digits in any case), and
 * any run of SECRET_RUN_CHARS or more of its characters (a key cut by someone else's excerpt)
 * is removed too. Call it on whole texts, before cutting them.
 */
export function makeScrubber(secrets: ReadonlyArray<string | undefined | null> = []): Scrubber {
  const forms = new Set<string>();
  for (const s of secrets) {
    if (typeof s !== 'string') continue;
    if (s.length > 0) forms.add(s);
    const t = s.trim();
    if (t.length > 0) forms.add(t);
  }
  if (forms.size === 0) return (text: string) => text;
  // Longest first, so a secret that contains another is removed whole.
  const list = [...forms].sort((a, b) => b.length - a.length);
  const whole = new RegExp(list.map((f) => [...f].map(charPattern).join('')).join('|'), 'gi');
  // Every SECRET_RUN_CHARS-long piece of each secret, for the safety net against cut keys.
  const grams = new Set<string>();
  for (const f of list) for (let i = 0; i + SECRET_RUN_CHARS <= f.length; i++) grams.add(f.slice(i, i + SECRET_RUN_CHARS));
  return (text: string) => {
    if (typeof text !== 'string' || text === '') return text;
    const out = text.replace(whole, REDACTED);
    return grams.size === 0 || out.length < SECRET_RUN_CHARS ? out : removeRuns(out, grams);
  };
}

/** Replaces every stretch covered by known SECRET_RUN_CHARS-grams of a secret with REDACTED. */
function removeRuns(text: string, grams: ReadonlySet<string>): string {
  let out = '';
  let from = 0;
  let runEnd = -1;
  let runStart = -1;
  for (let i = 0; i + SECRET_RUN_CHARS <= text.length; i++) {
    if (!grams.has(text.slice(i, i + SECRET_RUN_CHARS))) continue;
    if (i > runEnd) {
      if (runStart >= 0) {
        out += text.slice(from, runStart) + REDACTED;
        from = runEnd;
      }
      runStart = i;
    }
    runEnd = i + SECRET_RUN_CHARS;
  }
  if (runStart < 0) return text;
  return out + text.slice(from, runStart) + REDACTED + text.slice(runEnd);
}

/** Scrub first, then cut: a secret straddling the cut must not leave a piece behind. */
export function scrubAndClip(text: string, maxChars: number, scrub: Scrubber): string {
  const clean = scrub(text);
  return clean.length > maxChars ? `${clean.slice(0, maxChars)}…` : clean;
}

export interface PanelErrorOptions {
  httpStatus?: number;
  retryable?: boolean;
  action?: string;
  /** The underlying error, kept for debugging (not serialised; scrubbed like the rest). */
  cause?: unknown;
  /** The reply's headers, when there was a reply (lower-case names; scrubbed). */
  headers?: Record<string, string | undefined>;
  /** Strings that must not appear in the message (e.g. the API key). */
  secrets?: ReadonlyArray<string | undefined | null>;
  /** Alternative to `secrets`: any function that removes secrets from a text. */
  scrub?: Scrubber;
}

/** Fields of an error that are serialised and scrubbed besides `message`. */
type Extra = Record<string, unknown>;

const CAUSE_DEPTH = 5;

/**
 * A scrubbed stand-in for a foreign cause: name, code, message, stack and its own cause, and
 * nothing else (an HTTP library's error may carry the request body, key included).
 */
function cleanCause(cause: unknown, scrub: Scrubber, depth: number): unknown {
  if (cause instanceof PanelError) return cause.redact(scrub);
  if (typeof cause === 'string') return scrub(cause);
  if (!(cause instanceof Error)) return cause === undefined || cause === null || typeof cause !== 'object' ? cause : undefined;
  const clean = new Error(scrub(cause.message));
  clean.name = cause.name;
  clean.stack = typeof cause.stack === 'string' ? scrub(cause.stack) : '';
  const code = (cause as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') (clean as Error & { code?: unknown }).code = code;
  const inner = (cause as { cause?: unknown }).cause;
  if (inner !== undefined && depth < CAUSE_DEPTH) {
    Object.defineProperty(clean, 'cause', { value: cleanCause(inner, scrub, depth + 1), enumerable: false, writable: true, configurable: true });
  }
  return clean;
}

export class PanelError extends Error {
  readonly code: PanelErrorCode;
  httpStatus?: number;
  retryable: boolean;
  action?: string;
  /** Headers of the reply that led to this error, when there was one (e.g. x-ratelimit-*, retry-after). */
  headers?: Record<string, string | undefined>;

  /**
   * `fields` are the subclass's own fields: set here, before the one scrub of the finished
   * error, so no subclass has to scrub again.
   */
  constructor(code: PanelErrorCode, message: string, opts: PanelErrorOptions = {}, fields: Extra = {}) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = new.target.name;
    this.code = code;
    this.retryable = opts.retryable ?? false;
    if (opts.httpStatus !== undefined) this.httpStatus = opts.httpStatus;
    if (opts.action !== undefined) this.action = opts.action;
    if (opts.headers !== undefined) this.headers = { ...opts.headers };
    const self = this as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) self[k] = v;
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
   * Remove secrets from the message, stack, string fields, headers and cause chain. Returns
   * `this`, so `throw err.redact([apiKey])` reads naturally.
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
      else if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype) {
        const rec = v as Record<string, unknown>;
        for (const [hk, hv] of Object.entries(rec)) if (typeof hv === 'string') rec[hk] = scrub(hv);
      }
    }
    const cause = (this as { cause?: unknown }).cause;
    if (cause !== undefined) {
      // Replace rather than mutate: the cause may be shared with the host.
      Object.defineProperty(this, 'cause', { value: cleanCause(cause, scrub, 0), enumerable: false, writable: true, configurable: true });
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
  declare panelMessage?: string;
  constructor(message: string, opts: PanelErrorOptions & { panelMessage?: string } = {}) {
    super('bad_request', message, { httpStatus: 400, ...opts, retryable: false }, { panelMessage: opts.panelMessage });
  }
  protected override extra(): Extra {
    return { panelMessage: this.panelMessage };
  }
}

/** HTTP 401: missing or wrong API key. */
export class PanelAuthenticationError extends PanelError {
  declare panelMessage?: string;
  constructor(message: string, opts: PanelErrorOptions & { panelMessage?: string } = {}) {
    super('authentication', message, { httpStatus: 401, ...opts, retryable: false }, { panelMessage: opts.panelMessage });
  }
  protected override extra(): Extra {
    return { panelMessage: this.panelMessage };
  }
}

/** HTTP 402: the account cannot pay for the order. */
export class PanelInsufficientBalanceError extends PanelError {
  declare panelMessage?: string;
  constructor(message: string, opts: PanelErrorOptions & { panelMessage?: string } = {}) {
    super('insufficient_balance', message, { httpStatus: 402, ...opts, retryable: false }, { panelMessage: opts.panelMessage });
  }
  protected override extra(): Extra {
    return { panelMessage: this.panelMessage };
  }
}

/** HTTP 404, or a service id absent from the catalog. */
export class PanelNotFoundError extends PanelError {
  declare panelMessage?: string;
  /** The id that was not found, when known. */
  declare id?: string;
  constructor(message: string, opts: PanelErrorOptions & { panelMessage?: string; id?: string } = {}) {
    super('not_found', message, { ...opts, retryable: false }, { panelMessage: opts.panelMessage, id: opts.id });
  }
  protected override extra(): Extra {
    return { panelMessage: this.panelMessage, id: this.id };
  }
}

/**
 * HTTP 429, or a 200 `{"error": "too many requests"}`. `retryAfterMs` comes from Retry-After
 * or X-RateLimit-Reset when the Panel sent one.
 */
export class PanelRateLimitError extends PanelError {
  declare retryAfterMs?: number;
  declare panelMessage?: string;
  constructor(message: string, opts: PanelErrorOptions & { retryAfterMs?: number; panelMessage?: string } = {}) {
    super('rate_limited', message, { httpStatus: 429, ...opts, retryable: true }, { retryAfterMs: opts.retryAfterMs, panelMessage: opts.panelMessage });
  }
  protected override extra(): Extra {
    return { retryAfterMs: this.retryAfterMs, panelMessage: this.panelMessage };
  }
}

/** HTTP 502 or another 5xx: the Panel or its provider failed. */
export class PanelUpstreamError extends PanelError {
  declare retryAfterMs?: number;
  declare panelMessage?: string;
  constructor(message: string, opts: PanelErrorOptions & { retryAfterMs?: number; panelMessage?: string } = {}) {
    super('upstream', message, { httpStatus: 502, retryable: true, ...opts }, { retryAfterMs: opts.retryAfterMs, panelMessage: opts.panelMessage });
  }
  protected override extra(): Extra {
    return { retryAfterMs: this.retryAfterMs, panelMessage: this.panelMessage };
  }
}

/** HTTP 200 whose body is `{"error": "…"}`: an error all the same. */
export class PanelApiError extends PanelError {
  /** The Panel's error text, verbatim (scrubbed). */
  declare panelMessage: string;
  constructor(message: string, opts: PanelErrorOptions & { panelMessage: string }) {
    super('panel_error', message, { ...opts, retryable: false }, { panelMessage: opts.panelMessage });
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
  declare reason: MalformedReason;
  /** A short, scrubbed excerpt of what came back, for diagnosis. */
  declare excerpt?: string;
  constructor(message: string, opts: PanelErrorOptions & { reason: MalformedReason; excerpt?: string }) {
    super('malformed_response', message, { ...opts, retryable: opts.retryable ?? false }, { reason: opts.reason, excerpt: opts.excerpt });
  }
  protected override extra(): Extra {
    return { reason: this.reason, excerpt: this.excerpt };
  }
}

/** The transport failed (connection refused, reset, DNS …). `sent` = the request may have reached the Panel. */
export class PanelNetworkError extends PanelError {
  declare sent: boolean;
  constructor(message: string, opts: PanelErrorOptions & { sent?: boolean } = {}) {
    super('network', message, { retryable: true, ...opts }, { sent: opts.sent ?? true });
  }
  protected override extra(): Extra {
    return { sent: this.sent };
  }
}

/** The Panel did not answer in time. */
export class PanelTimeoutError extends PanelError {
  declare sent: boolean;
  constructor(message: string, opts: PanelErrorOptions & { sent?: boolean } = {}) {
    super('timeout', message, { retryable: true, ...opts }, { sent: opts.sent ?? true });
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
  declare field: string;
  constructor(message: string, opts: PanelErrorOptions & { field: string }) {
    super('validation', message, { ...opts, retryable: false }, { field: opts.field });
  }
  protected override extra(): Extra {
    return { field: this.field };
  }
}

/** The service's type cannot be ordered through the API (Subscriptions) or is unknown. */
export class PanelUnsupportedOrderTypeError extends PanelError {
  /** The service type as the catalog spells it. */
  declare type: string;
  constructor(message: string, opts: PanelErrorOptions & { type: string }) {
    super('unsupported_order_type', message, { ...opts, retryable: false }, { type: opts.type });
  }
  protected override extra(): Extra {
    return { type: this.type };
  }
}

export type WebhookErrorReason = 'missing_secret' | 'bad_secret' | 'bad_signature' | 'stale' | 'malformed';

/** A webhook delivery was rejected. `httpStatus` is what the receiver should answer (401 or 400). */
export class PanelWebhookError extends PanelError {
  declare reason: WebhookErrorReason;
  constructor(message: string, opts: PanelErrorOptions & { reason: WebhookErrorReason }) {
    super(
      'webhook_invalid',
      message,
      { httpStatus: opts.reason === 'malformed' ? 400 : 401, ...opts, retryable: false },
      { reason: opts.reason },
    );
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
