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
  for (const [k, v] of Object.entries(raw)) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

export function createNodeRuntime(options: NodeRuntimeOptions): NodeRuntime {
  if (!options || typeof options.apiKey !== 'string' || options.apiKey.trim() === '') {
    throw new TypeError('createNodeRuntime needs apiKey: the API key from your Panel account.');
  }
  const apiKey = options.apiKey.trim();
  const defaultTimeout = options.timeoutMs ?? 30_000;
  const maxBytes = options.maxResponseBytes ?? 64 * 1024 * 1024;
  const agent = new Agent({
    connections: options.connections ?? 8,
    keepAliveTimeout: options.keepAliveTimeoutMs ?? 4_000,
    connectTimeout: options.connectTimeoutMs ?? Math.min(10_000, defaultTimeout),
    // Redirects are not followed: undici only follows with a redirect interceptor, and none is installed.
  });
  const extraHeaders = { ...DEFAULT_HEADERS, ...(options.headers ?? {}) };

  async function request(req: TransportRequest): Promise<TransportResponse> {
    const url = new URL(req.url);
    const timeoutMs = req.timeoutMs > 0 ? req.timeoutMs : defaultTimeout;
    const body = encodeForm({ key: apiKey, ...req.form });
    // One overall deadline, cleared as soon as the reply is read (AbortSignal.timeout would
    // leave a timer alive for the whole timeout after every request).
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new DOMException(`no complete reply within ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
    try {
      return await exchange(url, body, timeoutMs, deadline.signal);
    } finally {
      clearTimeout(timer);
    }
  }

  async function exchange(url: URL, body: string, timeoutMs: number, signal: AbortSignal): Promise<TransportResponse> {
    const res = await agent.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: 'POST',
      headers: extraHeaders,
      body,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      // The overall deadline also covers a body that trickles in under bodyTimeout.
      signal,
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
      const buf = chunk as Buffer;
      size += buf.length;
      if (size > maxBytes) {
        res.body.destroy();
        throw new ResponseTooLargeError(maxBytes);
      }
      chunks.push(buf);
    }
    // Name the redirect target in full, so the error can tell the user the final address.
    const location = headers.location;
    if (res.statusCode >= 300 && res.statusCode < 400 && location) {
      try {
        headers.location = new URL(location, url).href;
      } catch {
        // keep it as sent
      }
    }
    return { status: res.statusCode, headers, body: Buffer.concat(chunks, size).toString('utf8') };
  }

  return {
    request,
    sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms))),
    now: () => Date.now(),
    random: () => Math.random(),
    close: () => agent.close(),
  };
}
