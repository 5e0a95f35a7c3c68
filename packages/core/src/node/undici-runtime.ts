/**
 * The default Node runtime: undici with a keep-alive connection pool per origin, connect /
 * headers / body timeouts plus an overall deadline, no redirect following (a 3xx comes back
 * as it is and core reports it, so the key in the body is never sent to another address),
 * and a cap on the reply size enforced while reading.
 */
import { Agent } from 'undici';
import { encodeForm } from '../form';
import { ResponseTooLargeError, type PanelRuntime, type TransportRequest, type TransportResponse } from '../runtime';

export interface NodeRuntimeOptions {
  /** Added to every form as `key`; nothing else in core ever sees it. */
  apiKey: string;
  /** Keep-alive connections per origin (default 8). */
  connections?: number;
  /** Default per-request deadline when a request carries none (default 30 s). */
  timeoutMs?: number;
  /** Connect timeout (default min(10 s, timeoutMs)). */
  connectTimeoutMs?: number;
  /** Replies larger than this many bytes are cut off and refused (default 64 MiB). */
  maxResponseBytes?: number;
  /** Idle keep-alive sockets are closed after this long (default 4 s, under Node's server default of 5 s). */
  keepAliveTimeoutMs?: number;
  /** Extra request headers (e.g. a User-Agent of your own). */
  headers?: Record<string, string>;
}

export interface NodeRuntime extends PanelRuntime {
  /** Close the pool's sockets. The runtime cannot be used afterwards. */
  close(): Promise<void>;
}

const DEFAULT_HEADERS = {
  'content-type': 'application/x-www-form-urlencoded',
  accept: 'application/json',
  'user-agent': 'panel-integrations-core/0.1',
};

function headerMap(raw: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const k in raw) {
    const v = raw[k];
    // undici already gives lower-case names; only lists need joining.
    out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/** Where a request goes: parsed once per API URL, not per call. */
interface Target {
  url: URL;
  origin: string;
  path: string;
}

export function createNodeRuntime(options: NodeRuntimeOptions): NodeRuntime {
  if (!options || typeof options.apiKey !== 'string' || options.apiKey.trim() === '') {
    throw new TypeError('createNodeRuntime needs apiKey: the API key from your Panel account.');
  }
  const apiKey = options.apiKey.trim();
  // The key's part of every body, encoded once.
  const keyField = encodeForm({ key: apiKey });
  const defaultTimeout = options.timeoutMs ?? 30_000;
  const maxBytes = options.maxResponseBytes ?? 64 * 1024 * 1024;
  const agent = new Agent({
    connections: options.connections ?? 8,
    keepAliveTimeout: options.keepAliveTimeoutMs ?? 4_000,
    connectTimeout: options.connectTimeoutMs ?? Math.min(10_000, defaultTimeout),
    // undici stops reading past the cap (UND_ERR_RES_EXCEEDED_MAX_SIZE), also without a content-length.
    maxResponseSize: maxBytes,
    // Redirects are not followed: undici only follows with a redirect interceptor, and none is installed.
  });
  const extraHeaders = { ...DEFAULT_HEADERS, ...(options.headers ?? {}) };
  let lastTarget: Target | null = null;

  function targetOf(href: string): Target {
    if (lastTarget && lastTarget.url.href === href) return lastTarget;
    const url = new URL(href);
    const target = { url, origin: url.origin, path: `${url.pathname}${url.search}` };
    // A client talks to one URL: remembering the last one spares a parse per call.
    if (url.href === href) lastTarget = target;
    return target;
  }

  /**
   * Deadlines without a timer per request: headersTimeout bounds the wait for the reply,
   * bodyTimeout each pause in the body, and the overall deadline is checked as each chunk
   * arrives (a body trickling in under bodyTimeout is cut at the next chunk after it).
   */
  async function request(req: TransportRequest): Promise<TransportResponse> {
    try {
      return await exchange(req);
    } catch (err) {
      // One error for "too large" whoever noticed it (undici's cap or the declared length).
      if ((err as { code?: unknown } | null)?.code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') throw new ResponseTooLargeError(maxBytes);
      throw err;
    }
  }

  async function exchange(req: TransportRequest): Promise<TransportResponse> {
    const target = targetOf(req.url);
    const timeoutMs = req.timeoutMs > 0 ? req.timeoutMs : defaultTimeout;
    const deadline = Date.now() + timeoutMs;
    const formBody = encodeForm(req.form);
    const body = formBody === '' ? keyField : `${keyField}&${formBody}`;
    const res = await agent.request({
      origin: target.origin,
      path: target.path,
      method: 'POST',
      headers: extraHeaders,
      body,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      ...(req.signal ? { signal: req.signal as AbortSignal } : {}),
    });
    const headers = headerMap(res.headers);
    const declared = Number(headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      res.body.destroy();
      throw new ResponseTooLargeError(maxBytes);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (Date.now() > deadline) {
        res.body.destroy();
        throw new DOMException(`no complete reply within ${timeoutMs} ms`, 'TimeoutError');
      }
    }
    // Name the redirect target in full, so the error can tell the user the final address.
    const location = headers.location;
    if (res.statusCode >= 300 && res.statusCode < 400 && location) {
      try {
        headers.location = new URL(location, target.url).href;
      } catch {
        // keep it as sent
      }
    }
    const text = chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks, size).toString('utf8');
    return { status: res.statusCode, headers, body: text };
  }

  return {
    request,
    sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms))),
    now: () => Date.now(),
    random: () => Math.random(),
    close: () => agent.close(),
  };
}
