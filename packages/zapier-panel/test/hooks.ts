/** A loopback receiver for the sandbox's webhook deliveries, and their shape as Zapier hands them to a hook trigger. */
import { createServer, type Server } from 'node:http';

export interface Delivery {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface Receiver {
  url: string;
  deliveries: Delivery[];
  close(): Promise<void>;
}

export async function receiver(): Promise<Receiver> {
  const deliveries: Delivery[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
      deliveries.push({ url: req.url ?? '/', headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"success"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/hooks/catch/1/abc/`,
    deliveries,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const titleCase = (name: string) => name.split('-').map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('-');

/** What Zapier passes a static hook: raw headers as `Http-X-Name`, raw body, parsed body + querystring. */
export function asZapierHook(d: Delivery, inputData: Record<string, unknown> = {}) {
  const url = new URL(d.url, 'http://hooks.zapier.invalid');
  const headers = Object.fromEntries(Object.entries(d.headers).map(([k, v]) => [`Http-${titleCase(k)}`, v]));
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(d.body) as Record<string, unknown>;
  } catch {
    // Zapier still hands over the raw body.
  }
  return {
    inputData,
    rawRequest: { method: 'POST' as const, querystring: url.search.replace(/^\?/, ''), headers, content: d.body },
    cleanedRequest: { ...parsed, querystring: Object.fromEntries(url.searchParams) },
  };
}
