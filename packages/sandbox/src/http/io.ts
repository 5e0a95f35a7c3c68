/** Small node:http helpers. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLarge extends Error {}

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        if (!failed) reject(new BodyTooLarge());
        failed = true;
        return; // keep draining so the socket can still answer
      }
      chunks.push(c);
    });
    req.on('end', () => { if (!failed) resolve(Buffer.concat(chunks).toString('utf8')); });
    req.on('error', (err) => { if (!failed) reject(err); failed = true; });
  });
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  sendRaw(res, status, typeof value === 'string' ? value : JSON.stringify(value), 'application/json; charset=utf-8', headers);
}

export function sendRaw(res: ServerResponse, status: number, body: string, contentType: string, headers: Record<string, string> = {}): void {
  const buf = Buffer.from(body, 'utf8');
  res.writeHead(status, { 'content-type': contentType, 'content-length': String(buf.length), ...headers });
  res.end(buf);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
