/**
 * The effects the protocol logic needs, injected by the host. Core itself never touches
 * timers, `process` or an HTTP library: the undici runtime (`@panel/core/node`), n8n's
 * helpers and Zapier's `z.request` each implement this interface their own way.
 */

/** One HTTP request to the Panel. `form` holds every field except the key: the host adds the key its own way. */
export interface TransportRequest {
  url: string;
  action: string;
  form: Record<string, string>;
  timeoutMs: number;
}

/** What came back. Header names are lower-case. */
export interface TransportResponse {
  status: number;
  headers: Record<string, string | undefined>;
  body: string;
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

function field(err: unknown, key: 'code' | 'name' | 'cause'): unknown {
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
    if (typeof code === 'string' && FAULTS[code]) return { ...FAULTS[code] };
    const name = field(current, 'name');
    if (typeof name === 'string' && NAMES[name]) return { ...NAMES[name] };
    current = field(current, 'cause');
  }
  return { kind: 'other', sent: true };
}
