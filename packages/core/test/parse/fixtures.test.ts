/**
 * The corpus of malformed and hostile Panel replies (test/fixtures/replies/*.json): each
 * file is a reply and the outcome it must have. Every reply yields its typed data or the
 * PanelError it names, and no error ever carries the API key.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PanelError } from '../../src/errors';
import { parseReply, type ReplyData } from '../../src/parse';
import type { TransportResponse } from '../../src/types';

const KEY = 'sandbox-demo-key';
const DIR = join(__dirname, '..', 'fixtures', 'replies');

interface Fixture {
  description: string;
  action: keyof ReplyData;
  ids?: Array<string | number>;
  status: number;
  headers: Record<string, string>;
  body?: string;
  bodyBase64?: string;
  options?: { maxResponseBytes?: number; now?: number };
  expect: { ok: true; match?: unknown } | { code: string; reason?: string; [field: string]: unknown };
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

function load(file: string): Fixture {
  return JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Fixture;
}

function response(fx: Fixture): TransportResponse {
  // A host decodes the bytes it received as UTF-8 (invalid sequences become U+FFFD).
  const body = fx.bodyBase64 !== undefined ? new TextDecoder('utf-8').decode(Buffer.from(fx.bodyBase64, 'base64')) : (fx.body ?? '');
  return { status: fx.status, headers: fx.headers, body };
}

describe('reply corpus', () => {
  it('holds at least 50 fixtures, each well formed', () => {
    expect(files.length).toBeGreaterThanOrEqual(50);
    for (const f of files) {
      expect(f).toMatch(/^\d{2}-[a-z0-9-]+\.json$/);
      const fx = load(f);
      expect(typeof fx.description).toBe('string');
      expect(typeof fx.status).toBe('number');
      expect(fx.body !== undefined || fx.bodyBase64 !== undefined).toBe(true);
      expect('ok' in fx.expect || 'code' in fx.expect).toBe(true);
    }
  });

  it.each(files)('%s', (file) => {
    const fx = load(file);
    let result: unknown;
    let error: unknown;
    try {
      result = parseReply(fx.action, response(fx), fx.ids ?? [], { secrets: [KEY], ...fx.options });
    } catch (e) {
      error = e;
    }
    if ('ok' in fx.expect) {
      expect(error).toBeUndefined();
      if (fx.expect.match !== undefined) expect(result).toMatchObject(fx.expect.match as object);
      return;
    }
    expect(error).toBeInstanceOf(PanelError);
    const err = error as PanelError;
    const { code, ...fields } = fx.expect;
    expect(err.code).toBe(code);
    expect(err).toMatchObject(fields);
    for (const text of [err.message, err.toString(), JSON.stringify(err), String(err.stack)]) expect(text).not.toContain(KEY);
    expect(err.message).toMatch(/Check|check|Try again|Top up|Wait|Set the API URL|Pick|Keep|This Panel|may not/);
  });

  it('no prototype was polluted by hostile keys', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
