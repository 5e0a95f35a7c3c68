/**
 * The effects the protocol logic needs, injected by the host. Core itself never touches
 * timers, `process` or an HTTP library: the undici runtime (`@panel/core/node`), n8n's
 * helpers and Zapier's `z.request` each implement this interface their own way.
 */
import {
  PanelError,
  PanelMalformedResponseError,
  PanelNetworkError,
  PanelTimeoutError,
  PanelValidationError,
  scrubAndClip,
  type Scrubber,
} from './errors';
import type { TransportResponse } from './types';

export type { TransportResponse };

/** The part of an AbortSignal core and the runtimes use (n8n's execution-cancel signal is one). */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** One HTTP request to the Panel. `form` holds every field except the key: the host adds the key its own way. */
export interface TransportRequest {
  url: string;
  action: string;
  form: Record<string, string>;
  timeoutMs: number;
  /** The caller's cancel signal, when it gave one: the runtime should stop the request when it aborts. */
  signal?: AbortSignalLike;
}

export interface PanelRuntime {
  /** May throw any error; core classifies it with {@link classifyTransportError}. */
  request(req: TransportRequest): Promise<TransportResponse>;
  sleep(ms: number): Promise<void>;
  /** Milliseconds since the epoch. */
  now(): number;
  /** Jitter source in [0, 1); absent means a deterministic 0.5. */
  random?(): number;
}

export type TransportFaultKind = 'connect' | 'timeout' | 'reset' | 'aborted' | 'oversized' | 'other';

export interface TransportFault {
  kind: TransportFaultKind;
  /** false only when the request provably never reached the Panel. */
  sent: boolean;
}

/**
 * Thrown by a runtime that stops reading a reply larger than its cap. The request was
 * sent and answered, so the Panel did process it.
 */
export class ResponseTooLargeError extends Error {
  readonly code = 'EPANEL_RESPONSE_TOO_LARGE';
  constructor(readonly limitBytes: number) {
    super(`The Panel's reply exceeded ${limitBytes} bytes`);
    this.name = 'ResponseTooLargeError';
  }
}

/**
 * Error codes by what they prove. Anything not listed is "other, maybe sent": when in doubt
 * core assumes the Panel may have seen the request, so an order is never sent twice.
 */
const FAULTS: Record<string, TransportFault> = {
  // The connection never opened: nothing reached the Panel.
  ECONNREFUSED: { kind: 'connect', sent: false },
  ENOTFOUND: { kind: 'connect', sent: false },
  EAI_AGAIN: { kind: 'connect', sent: false },
  EHOSTUNREACH: { kind: 'connect', sent: false },
  ENETUNREACH: { kind: 'connect', sent: false },
  EADDRNOTAVAIL: { kind: 'connect', sent: false },
  // The URL could not even be parsed: nothing left the machine.
  ERR_INVALID_URL: { kind: 'other', sent: false },
  UND_ERR_CONNECT_TIMEOUT: { kind: 'timeout', sent: false },
  ERR_TLS_CERT_ALTNAME_INVALID: { kind: 'connect', sent: false },
  CERT_HAS_EXPIRED: { kind: 'connect', sent: false },
  DEPTH_ZERO_SELF_SIGNED_CERT: { kind: 'connect', sent: false },
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: { kind: 'connect', sent: false },
  SELF_SIGNED_CERT_IN_CHAIN: { kind: 'connect', sent: false },
  // The request went out; whether the Panel acted on it is unknown.
  ECONNRESET: { kind: 'reset', sent: true },
  EPIPE: { kind: 'reset', sent: true },
  UND_ERR_SOCKET: { kind: 'reset', sent: true },
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: { kind: 'reset', sent: true },
  HPE_INVALID_CONSTANT: { kind: 'reset', sent: true },
  ETIMEDOUT: { kind: 'timeout', sent: true },
  ESOCKETTIMEDOUT: { kind: 'timeout', sent: true },
  UND_ERR_HEADERS_TIMEOUT: { kind: 'timeout', sent: true },
  UND_ERR_BODY_TIMEOUT: { kind: 'timeout', sent: true },
  ECONNABORTED: { kind: 'aborted', sent: true },
  UND_ERR_ABORTED: { kind: 'aborted', sent: true },
  ABORT_ERR: { kind: 'aborted', sent: true },
  UND_ERR_RES_EXCEEDED_MAX_SIZE: { kind: 'oversized', sent: true },
  EPANEL_RESPONSE_TOO_LARGE: { kind: 'oversized', sent: true },
};

/** Error names (AbortSignal.timeout, fetch-style aborts) by what they prove. */
const NAMES: Record<string, TransportFault> = {
  TimeoutError: { kind: 'timeout', sent: true },
  AbortError: { kind: 'aborted', sent: true },
  ConnectTimeoutError: { kind: 'timeout', sent: false },
  ResponseTooLargeError: { kind: 'oversized', sent: true },
};

/** node-fetch's `type` (Zapier's z.request runs on it) by what it proves. */
const FETCH_TYPES: Record<string, TransportFault> = {
  'request-timeout': { kind: 'timeout', sent: true },
  'body-timeout': { kind: 'timeout', sent: true },
  'max-size': { kind: 'oversized', sent: true },
  aborted: { kind: 'aborted', sent: true },
};

function field(err: unknown, key: 'code' | 'name' | 'cause' | 'type' | 'message'): unknown {
  return typeof err === 'object' && err !== null ? (err as Record<string, unknown>)[key] : undefined;
}

/**
 * Tells what a transport error proves: its kind, and whether the request may have reached
 * the Panel. Reads `code` and `name` of the error and of its `cause` chain (undici and
 * axios wrap the socket error there).
 */
export function classifyTransportError(err: unknown): TransportFault {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    const code = field(current, 'code');
    // axios (n8n's HTTP) reports its own timeout as ECONNABORTED "timeout of N ms exceeded".
    if (code === 'ECONNABORTED' && /timeout/i.test(String(field(current, 'message') ?? ''))) return { kind: 'timeout', sent: true };
    if (typeof code === 'string' && FAULTS[code]) return { ...FAULTS[code] };
    // TLS handshake failures (certificate problems) happen before the request is written.
    if (typeof code === 'string' && /^(ERR_TLS_|ERR_SSL_)|CERT/.test(code)) return { kind: 'connect', sent: false };
    const type = field(current, 'type');
    if (typeof type === 'string' && FETCH_TYPES[type]) return { ...FETCH_TYPES[type] };
    const name = field(current, 'name');
    if (typeof name === 'string' && NAMES[name]) return { ...NAMES[name] };
    current = field(current, 'cause');
  }
  return { kind: 'other', sent: true };
}

/** A short, scrubbed description of a transport error: its code and message. */
function describeTransportError(err: unknown, scrub: Scrubber): string {
  const parts: string[] = [];
  let current: unknown = err;
  for (let depth = 0; depth < 3 && current !== undefined && current !== null; depth++) {
    const code = field(current, 'code');
    const message = current instanceof Error ? current.message : typeof current === 'string' ? current : '';
    const piece = [typeof code === 'string' ? code : '', message].filter((s) => s !== '').join(' ');
    if (piece !== '' && !parts.includes(piece)) parts.push(piece);
    current = field(current, 'cause');
  }
  const text = scrub(parts.join(': ')).replace(/\s+/g, ' ').trim() || 'unknown error';
  return scrubAndClip(text, 200, scrub);
}

export interface TransportFailureContext {
  action: string;
  timeoutMs: number;
  maxResponseBytes: number;
  scrub: Scrubber;
  /** The caller's signal: when it has aborted, the failure is a cancel, not a fault. */
  signal?: AbortSignalLike;
}

/**
 * The caller aborted (CallOptions.signal): not a fault to retry. `sent` says whether the
 * request may have reached the Panel (then a write is reported as outcome unknown).
 */
export function canceled(action: string, sent: boolean, scrub: Scrubber, cause?: unknown): PanelNetworkError {
  return new PanelNetworkError(`The "${action}" request was canceled by the caller (its signal was aborted)${sent ? ' after it was sent' : ''}.`, {
    action,
    sent,
    retryable: false,
    scrub,
    ...(cause !== undefined ? { cause } : {}),
  });
}

/** Turns whatever a runtime threw into the matching PanelError, keeping whether the request may have been sent. */
export function transportFailure(err: unknown, ctx: TransportFailureContext): PanelError {
  if (err instanceof PanelError) return err.redact(ctx.scrub);
  if (ctx.signal?.aborted) return canceled(ctx.action, classifyTransportError(err).sent, ctx.scrub, err);
  if (field(err, 'code') === 'ERR_INVALID_URL') {
    // A setting to fix, not a fault to retry.
    return new PanelValidationError('The API URL is not a valid URL: give the Panel\'s API endpoint, e.g. https://your-panel/api/v2.', {
      field: 'apiUrl',
      action: ctx.action,
      cause: err,
      scrub: ctx.scrub,
    });
  }
  const fault = classifyTransportError(err);
  const detail = describeTransportError(err, ctx.scrub);
  const base = { action: ctx.action, cause: err, scrub: ctx.scrub, sent: fault.sent };
  const a = `"${ctx.action}"`;
  switch (fault.kind) {
    case 'connect':
      return new PanelNetworkError(
        `Could not connect to the Panel for ${a} (${detail}). Check the API URL's host and port and that the Panel is reachable from here.`,
        base,
      );
    case 'timeout':
      return new PanelTimeoutError(
        fault.sent
          ? `The Panel did not answer ${a} within ${ctx.timeoutMs} ms (${detail}). Try again later, or raise timeoutMs if the Panel is slow.`
          : `Connecting to the Panel for ${a} timed out (${detail}). Check the API URL's host and port and that the Panel is reachable from here.`,
        base,
      );
    case 'reset':
      return new PanelNetworkError(
        `The connection to the Panel broke during ${a} (${detail}). Try again; if it keeps happening, check the network path to the Panel (proxy, firewall).`,
        base,
      );
    case 'aborted':
      return new PanelNetworkError(`The ${a} request to the Panel was aborted (${detail}).`, base);
    case 'oversized':
      return new PanelMalformedResponseError(
        `The Panel's reply to ${a} is larger than the ${ctx.maxResponseBytes}-byte limit. Check that the API URL points at the Panel API, or raise maxResponseBytes if the catalog is really that large.`,
        { action: ctx.action, cause: err, scrub: ctx.scrub, reason: 'oversized' },
      );
    default:
      return new PanelNetworkError(`The ${a} request to the Panel failed (${detail}). Check the API URL and the network path to the Panel.`, base);
  }
}
