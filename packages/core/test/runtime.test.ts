/**
 * The undici runtime over real loopback HTTP against a tiny node:http server that
 * misbehaves on demand, plus the pure classification of transport errors.
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { classifyTransportError, transportFailure, ResponseTooLargeError } from '../src/runtime';
import { createNodeRuntime, createPanelClient, type NodeRuntime } from '../src/node';
import { PanelMalformedResponseError, PanelNetworkError, PanelTimeoutError, makeScrubber } from '../src/errors';
import { decodeForm } from '../src/form';

const KEY = 'sandbox-demo-key';

describe('classifyTransportError', () => {
  it.each([
    ['ECONNREFUSED', 'connect', false],
    ['ENOTFOUND', 'connect', false],
    ['EAI_AGAIN', 'connect', false],
    ['UND_ERR_CONNECT_TIMEOUT', 'timeout', false],
    ['ECONNRESET', 'reset', true],
    ['EPIPE', 'reset', true],
    ['UND_ERR_SOCKET', 'reset', true],
    ['ETIMEDOUT', 'timeout', true],
    ['UND_ERR_HEADERS_TIMEOUT', 'timeout', true],
    ['UND_ERR_BODY_TIMEOUT', 'timeout', true],
    ['ECONNABORTED', 'aborted', true],
    ['UND_ERR_ABORTED', 'aborted', true],
    ['EPANEL_RESPONSE_TOO_LARGE', 'oversized', true],
    ['ERR_INVALID_URL', 'other', false],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'connect', false],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'connect', false],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'connect', false],
    ['ESOMETHINGNEW', 'other', true],
  ])('%s → %s, sent=%s', (code, kind, sent) => {
    expect(classifyTransportError(Object.assign(new Error('x'), { code }))).toEqual({ kind, sent });
  });

  it('reads the code from the cause chain (fetch / axios wrap the socket error)', () => {
    const inner = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const outer = new TypeError('fetch failed', { cause: inner });
    expect(classifyTransportError(outer)).toEqual({ kind: 'connect', sent: false });
    expect(classifyTransportError({ cause: { cause: { code: 'ECONNRESET' } } })).toEqual({ kind: 'reset', sent: true });
  });

  it('reads error names: AbortSignal.timeout, aborts, the size cap', () => {
    expect(classifyTransportError(Object.assign(new Error('t'), { name: 'TimeoutError' }))).toEqual({ kind: 'timeout', sent: true });
    expect(classifyTransportError(Object.assign(new Error('a'), { name: 'AbortError' }))).toEqual({ kind: 'aborted', sent: true });
    expect(classifyTransportError(new ResponseTooLargeError(10))).toEqual({ kind: 'oversized', sent: true });
  });

  it("reads the hosts' own spellings: axios timeouts (n8n), node-fetch types (Zapier)", () => {
    expect(classifyTransportError(Object.assign(new Error('timeout of 30000ms exceeded'), { code: 'ECONNABORTED' }))).toEqual({ kind: 'timeout', sent: true });
    expect(classifyTransportError(Object.assign(new Error('network timeout at: x'), { type: 'request-timeout' }))).toEqual({ kind: 'timeout', sent: true });
    expect(classifyTransportError(Object.assign(new Error('content size over limit'), { type: 'max-size' }))).toEqual({ kind: 'oversized', sent: true });
    // node-fetch system errors carry the socket code
    expect(classifyTransportError(Object.assign(new Error('request failed'), { type: 'system', code: 'ECONNREFUSED' }))).toEqual({ kind: 'connect', sent: false });
  });

  it('assumes "maybe sent" for anything unknown, even non-errors', () => {
    for (const v of [undefined, null, 'boom', 42, {}, new Error('?')]) expect(classifyTransportError(v)).toEqual({ kind: 'other', sent: true });
  });

  it('maps to PanelErrors that keep `sent` and never carry the key', () => {
    const ctx = { action: 'add', timeoutMs: 1000, maxResponseBytes: 10, scrub: makeScrubber([KEY]) };
    const refused = transportFailure(Object.assign(new Error(`connect ECONNREFUSED key=${KEY}`), { code: 'ECONNREFUSED' }), ctx);
    expect(refused).toBeInstanceOf(PanelNetworkError);
    expect((refused as PanelNetworkError).sent).toBe(false);
    expect(refused.message).toMatch(/Check the API URL/);
    expect(`${refused.message}${refused.toString()}${JSON.stringify(refused)}${refused.stack}`).not.toContain(KEY);
    const slow = transportFailure(Object.assign(new Error('t'), { code: 'UND_ERR_HEADERS_TIMEOUT' }), ctx);
    expect(slow).toBeInstanceOf(PanelTimeoutError);
    expect(slow.message).toContain('1000 ms');
    const big = transportFailure(new ResponseTooLargeError(10), ctx);
    expect(big).toBeInstanceOf(PanelMalformedResponseError);
    expect((big as PanelMalformedResponseError).reason).toBe('oversized');
  });
});

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;

/** A loopback server whose behaviour each test sets; records every request body. */
async function startServer() {
  const bodies: string[] = [];
  let connections = 0;
  let handler: Handler = (_q, s) => s.end('{}');
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      bodies.push(body);
      handler(req, res, body);
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/api/v2`,
    port,
    bodies,
    connections: () => connections,
    on(h: Handler) {
      handler = h;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

describe('undici runtime over loopback', () => {
  let srv: Awaited<ReturnType<typeof startServer>>;
  let rt: NodeRuntime;
  beforeEach(async () => {
    srv = await startServer();
    rt = createNodeRuntime({ apiKey: KEY, maxResponseBytes: 64 * 1024 });
  });
  afterEach(async () => {
    await rt.close();
    await srv.close();
  });
  const req = (form: Record<string, string> = { action: 'balance' }, timeoutMs = 2000) =>
    rt.request({ url: srv.url, action: form.action ?? 'x', form, timeoutMs });

  it('POSTs the form url-encoded with the key added, and reads status, headers and body', async () => {
    srv.on((q, s) => {
      expect(q.method).toBe('POST');
      expect(q.url).toBe('/api/v2');
      expect(q.headers['content-type']).toBe('application/x-www-form-urlencoded');
      s.writeHead(200, { 'Content-Type': 'application/json', 'X-Thing': 'a' }).end('{"balance":"1.5","currency":"USD"}');
    });
    const res = await req({ action: 'add', service: '1', comments: 'a b\nc&d=é' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['x-thing']).toBe('a');
    expect(res.body).toBe('{"balance":"1.5","currency":"USD"}');
    expect(decodeForm(srv.bodies[0] as string)).toEqual({ key: KEY, action: 'add', service: '1', comments: 'a b\nc&d=é' });
  });

  it('keeps the connection alive across requests', async () => {
    srv.on((_q, s) => s.end('{}'));
    for (let i = 0; i < 10; i++) await req();
    // Without keep-alive this would be 10; undici may open a second socket while the first is being released.
    expect(srv.connections()).toBeLessThanOrEqual(3);
  });

  it('refused connection: not sent', async () => {
    const port = srv.port;
    await srv.close();
    const e = await rt.request({ url: `http://127.0.0.1:${port}/api/v2`, action: 'add', form: {}, timeoutMs: 2000 }).catch((x) => x);
    expect(classifyTransportError(e)).toEqual({ kind: 'connect', sent: false });
    srv = await startServer(); // for afterEach
  });

  it('reset before any reply: maybe sent', async () => {
    srv.on((q) => q.socket.destroy());
    const e = await req().catch((x) => x);
    expect(classifyTransportError(e)).toMatchObject({ sent: true });
    expect(['reset', 'other']).toContain(classifyTransportError(e).kind);
  });

  it('reset in the middle of the body: maybe sent', async () => {
    srv.on((q, s) => {
      s.writeHead(200, { 'content-length': '100' });
      s.write('{"order": 1');
      setTimeout(() => q.socket.destroy(), 20);
    });
    const e = await req().catch((x) => x);
    expect(e).toBeInstanceOf(Error);
    expect(classifyTransportError(e)).toMatchObject({ kind: 'reset', sent: true });
  });

  it('no headers within the timeout: timeout, maybe sent', async () => {
    srv.on(() => undefined); // never answers
    const e = await req({ action: 'balance' }, 300).catch((x) => x);
    expect(classifyTransportError(e)).toEqual({ kind: 'timeout', sent: true });
  });

  it('a body that trickles past the deadline: timeout, maybe sent', async () => {
    srv.on((_q, s) => {
      s.writeHead(200, { 'content-type': 'application/json' });
      let n = 0;
      const t = setInterval(() => {
        s.write(' ');
        if (++n > 40) {
          clearInterval(t);
          s.end('{}');
        }
      }, 50);
      s.on('close', () => clearInterval(t));
    });
    const e = await req({ action: 'balance' }, 400).catch((x) => x);
    expect(classifyTransportError(e)).toEqual({ kind: 'timeout', sent: true });
  });

  it('refuses a reply over the size cap, declared or streamed', async () => {
    const big = 'x'.repeat(70 * 1024);
    srv.on((_q, s) => s.writeHead(200, { 'content-length': String(big.length) }).end(big));
    await expect(req()).rejects.toBeInstanceOf(ResponseTooLargeError);
    srv.on((_q, s) => {
      s.writeHead(200, { 'transfer-encoding': 'chunked' });
      s.write(big.slice(0, 40_000));
      s.end(big.slice(40_000));
    });
    await expect(req()).rejects.toBeInstanceOf(ResponseTooLargeError);
  });

  it('passes an HTML error page through as it is (core reads it)', async () => {
    srv.on((_q, s) => s.writeHead(502, { 'content-type': 'text/html' }).end('<html><title>502 Bad Gateway</title></html>'));
    const res = await req();
    expect(res.status).toBe(502);
    expect(res.body).toContain('Bad Gateway');
  });

  it('does not follow a redirect, and resolves its target to an absolute URL', async () => {
    srv.on((q, s) => {
      if (q.url === '/api/v2') s.writeHead(302, { location: '/new/api/v2' }).end();
      else s.end('{"balance":"1","currency":"USD"}');
    });
    const res = await req();
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(`http://127.0.0.1:${srv.port}/new/api/v2`);
    expect(srv.bodies).toHaveLength(1); // the key went nowhere else
  });

  it('an unparsable URL is a validation error naming apiUrl, tried once, never outcome unknown', async () => {
    const client = createPanelClient({ apiUrl: 'http://[::1/api/v2', apiKey: KEY, rateLimit: false });
    try {
      const e = await client.add({ service: 1, link: 'https://x.test', quantity: 10 }).catch((x) => x);
      expect(e).toMatchObject({ code: 'validation', field: 'apiUrl' });
      expect(client.requestCount).toBe(1);
    } finally {
      await client.close();
    }
  });

  it('refuses to start without a key', () => {
    expect(() => createNodeRuntime({ apiKey: '' })).toThrow(/apiKey/);
  });
});

describe('createPanelClient over loopback', () => {
  let srv: Awaited<ReturnType<typeof startServer>>;
  beforeEach(async () => {
    srv = await startServer();
  });
  afterEach(() => srv.close());

  it('reports a redirect naming the final URL, never resending the key, never with the key in the error', async () => {
    srv.on((q, s) => {
      if (q.url === '/api/v2') s.writeHead(301, { location: `https://panel.test/api/v2?echo=${KEY}` }).end();
      else s.end('{}');
    });
    const client = createPanelClient({ apiUrl: srv.url, apiKey: KEY, rateLimit: false });
    try {
      const e = await client.add({ service: 1, link: 'https://x.test', quantity: 10 }).catch((x) => x);
      expect(e).toBeInstanceOf(PanelMalformedResponseError);
      expect(e.reason).toBe('redirect');
      expect(e.message).toContain('https://panel.test/api/v2');
      for (const text of [e.message, String(e), JSON.stringify(e), e.stack]) expect(text).not.toContain(KEY);
      expect(srv.bodies).toHaveLength(1);
    } finally {
      await client.close();
    }
  });

  it('an add whose connection resets after the Panel read it is outcome unknown, sent once', async () => {
    srv.on((q) => q.socket.destroy());
    const client = createPanelClient({ apiUrl: srv.url, apiKey: KEY, rateLimit: false });
    try {
      const e = await client.add({ service: 1, link: 'https://x.test', quantity: 10 }).catch((x) => x);
      expect(e.code).toBe('order_outcome_unknown');
      expect(srv.bodies).toHaveLength(1);
    } finally {
      await client.close();
    }
  });

  it('https to a plain-HTTP port fails in the TLS handshake: not sent, so an add is retried, never outcome unknown', async () => {
    const client = createPanelClient({
      apiUrl: srv.url.replace('http://', 'https://'),
      apiKey: KEY,
      rateLimit: false,
      retry: { maxRetries: 1, baseDelayMs: 1 },
    });
    try {
      const e = await client.add({ service: 1, link: 'https://x.test', quantity: 10 }).catch((x) => x);
      expect(e).toBeInstanceOf(PanelNetworkError);
      expect(e.sent).toBe(false);
      expect(client.requestCount).toBe(2);
      expect(srv.bodies).toHaveLength(0);
    } finally {
      await client.close();
    }
  });

  it('an add to a closed port is retried (nothing was sent) and fails as a network error naming the fix', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer();
      s.listen(0, '127.0.0.1', () => {
        const p = (s.address() as AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const client = createPanelClient({ apiUrl: `http://127.0.0.1:${port}/api/v2`, apiKey: KEY, rateLimit: false, retry: { maxRetries: 2, baseDelayMs: 1 } });
    try {
      const e = await client.add({ service: 1, link: 'https://x.test', quantity: 10 }).catch((x) => x);
      expect(e).toBeInstanceOf(PanelNetworkError);
      expect(e.sent).toBe(false);
      expect(client.requestCount).toBe(3);
      expect(e.message).toMatch(/Could not connect/);
    } finally {
      await client.close();
    }
  });
});
