import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import { PanelValidationError, PanelWebhookError } from '../src/errors';
import {
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  WEBHOOK_TOKEN_HEADER,
  WEBHOOK_TOKEN_QUERY,
  DeliveryMemory,
  deliveryKey,
  parseDelivery,
  parseOrderUpdate,
  rememberDelivery,
  safeEqual,
  verifyWebhook,
  verifyWebhookSignature,
  verifyWebhookToken,
} from '../src/webhooks';

const SPEC_BODY = '{"order_id":1487,"status":"Completed","remains":0,"start_count":8421,"charge":4.5}';
const NOW = Date.UTC(2026, 10, 24, 4, 0, 0);
const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('hex');

function rejected(fn: () => unknown): PanelWebhookError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PanelWebhookError);
    return e as PanelWebhookError;
  }
  throw new Error('expected a PanelWebhookError');
}

describe('parseOrderUpdate', () => {
  it('normalises the spec payload like OrderStatus', () => {
    expect(parseOrderUpdate(SPEC_BODY)).toEqual({
      order: '1487',
      status: 'Completed',
      status_raw: 'Completed',
      final: true,
      remains: 0,
      start_count: 8421,
      charge: '4.5',
      charge_raw: 4.5,
      currency: null,
    });
  });

  it('reads bytes as UTF-8', () => {
    expect(parseOrderUpdate(new TextEncoder().encode(SPEC_BODY)).order).toBe('1487');
    expect(parseOrderUpdate(Buffer.from(SPEC_BODY)).order).toBe('1487');
  });

  it.each([
    ['strings for numbers', '{"order_id":"1487","status":"In progress","remains":"10","start_count":"5","charge":"0.27819","currency":"EUR"}', { order: '1487', status: 'In progress', final: false, remains: 10, start_count: 5, charge: '0.27819', currency: 'EUR' }],
    ['start_count null', '{"order_id":1,"status":"Pending","start_count":null}', { start_count: null, remains: null, charge: null }],
    ['start_count missing, remains non-numeric', '{"order_id":1,"status":"Partial","remains":"?"}', { start_count: null, remains: null, final: true }],
    ['"order" instead of order_id', '{"order":2,"status":"Done"}', { order: '2', status: 'Completed', status_raw: 'Done' }],
    ['unknown status kept raw', '{"order_id":3,"status":"Paused"}', { status: 'Unknown', status_raw: 'Paused', final: false }],
    ['a numeric status kept raw', '{"order_id":3,"status":7}', { status: 'Unknown', status_raw: '7', final: false }],
    ['spelling variants', '{"order_id":3,"status":"cancelled"}', { status: 'Canceled', final: true }],
    ['form-encoded body', 'order_id=4&status=Completed&remains=0&charge=1.50', { order: '4', status: 'Completed', charge: '1.5', charge_raw: '1.50', remains: 0 }],
    ['an opaque order id (issue 10: ids are opaque)', '{"order_id":" ord_7Hk2 ","status":"Completed"}', { order: 'ord_7Hk2', status: 'Completed' }],
    ['a BOM and spaces', '\uFEFF  {"order_id":5,"status":"Failed"}  ', { order: '5', status: 'Failed', final: true }],
  ])('tolerates %s', (_n, body, expected) => {
    expect(parseOrderUpdate(body)).toMatchObject(expected);
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['{"order_id":1,"status":"Completed"', /not valid JSON/],
    ['[{"order_id":1,"status":"Completed"}]', /not a JSON object/],
    ['"Completed"', /not a JSON object/],
    ['{"status":"Completed"}', /no order id/],
    ['{"order_id":-1,"status":"Completed"}', /"order_id" is neither a whole number ≥ 0 nor an id text without commas or spaces/],
    ['{"order_id":"-5","status":"Completed"}', /"order_id" is neither a whole number ≥ 0 nor an id text without commas or spaces/],
    ['{"order_id":"1.5","status":"Completed"}', /"order_id" is neither a whole number ≥ 0 nor an id text without commas or spaces/],
    ['{"order_id":{},"status":"Completed"}', /"order_id" is neither a whole number ≥ 0 nor an id text without commas or spaces/],
    ['{"order_id":"ord 7","status":"Completed"}', /"order_id" is neither a whole number ≥ 0 nor an id text without commas or spaces/],
    ['{"order_id":[1],"status":"Completed"}', /"order_id" is neither a whole number ≥ 0 nor an id text without commas or spaces/],
    ['{"order_id":1}', /no "status"/],
    ['{"order_id":1,"status":""}', /no "status"/],
    ['{"order_id":1,"status":null}', /no "status"/],
    ['<html></html>', /not a JSON object/],
    [`{"order_id":1,"status":"Completed","pad":"${'x'.repeat(70_000)}"}`, /larger than/],
  ])('refuses %j as malformed (400)', (body, message) => {
    const err = rejected(() => parseOrderUpdate(body));
    expect(err.reason).toBe('malformed');
    expect(err.httpStatus).toBe(400);
    expect(err.message).toMatch(message);
  });

  it('refuses a missing body', () => {
    expect(rejected(() => parseOrderUpdate(undefined as never)).reason).toBe('malformed');
  });
});

describe('verifyWebhookToken', () => {
  it('accepts the right token', () => {
    expect(() => verifyWebhookToken('s3cret-token', 's3cret-token')).not.toThrow();
  });

  it.each([
    [undefined, 'missing_secret'],
    [null, 'missing_secret'],
    ['', 'missing_secret'],
    ['s3cret-tokem', 'bad_secret'],
    ['s3cret-token ', 'bad_secret'],
    ['S3CRET-TOKEN', 'bad_secret'],
    ['s3cret', 'bad_secret'],
    ['s3cret-token-and-more', 'bad_secret'],
  ])('given %j → %s (401), and the message never echoes the expected token', (given, reason) => {
    const err = rejected(() => verifyWebhookToken('s3cret-token', given));
    expect(err.reason).toBe(reason);
    expect(err.httpStatus).toBe(401);
    expect(err.code).toBe('webhook_invalid');
    expect(JSON.stringify(err) + err.message).not.toContain('s3cret-token');
  });

  it('refuses to check against an empty expected token', () => {
    expect(() => verifyWebhookToken('', 'x')).toThrow(PanelValidationError);
  });

  it('safeEqual compares any lengths', () => {
    expect(safeEqual('a', 'a')).toBe(true);
    expect(safeEqual('a', 'ab')).toBe(false);
    expect(safeEqual('', '')).toBe(true);
    expect(safeEqual('é', 'e')).toBe(false);
  });
});

describe('verifyWebhookSignature', () => {
  const secret = 'hmac-secret';

  it('accepts sha256=<hex> of the raw body, bare hex, upper case, and one of several', () => {
    const hex = sign(secret, SPEC_BODY);
    for (const signature of [`sha256=${hex}`, hex, `SHA256=${hex.toUpperCase()}`, `sha256=${'0'.repeat(64)}, sha256=${hex}`]) {
      expect(() => verifyWebhookSignature({ secret, rawBody: SPEC_BODY, signature, now: NOW })).not.toThrow();
    }
    expect(() => verifyWebhookSignature({ secret, rawBody: Buffer.from(SPEC_BODY), signature: `sha256=${hex}`, now: NOW })).not.toThrow();
  });

  it('refuses a wrong or missing signature, or a body changed by one byte', () => {
    const hex = sign(secret, SPEC_BODY);
    expect(rejected(() => verifyWebhookSignature({ secret, rawBody: SPEC_BODY.replace('8421', '8422'), signature: `sha256=${hex}`, now: NOW })).reason).toBe('bad_signature');
    expect(rejected(() => verifyWebhookSignature({ secret: 'other', rawBody: SPEC_BODY, signature: `sha256=${hex}`, now: NOW })).reason).toBe('bad_signature');
    expect(rejected(() => verifyWebhookSignature({ secret, rawBody: SPEC_BODY, signature: undefined, now: NOW })).message).toMatch(/not signed/);
    expect(rejected(() => verifyWebhookSignature({ secret, rawBody: SPEC_BODY, signature: 'sha256=', now: NOW })).reason).toBe('bad_signature');
  });

  it('with a timestamp: signs `${timestamp}.${body}` and enforces the replay window', () => {
    const ts = String(Math.floor(NOW / 1000));
    const sig = `sha256=${sign(secret, `${ts}.${SPEC_BODY}`)}`;
    expect(() => verifyWebhookSignature({ secret, rawBody: SPEC_BODY, signature: sig, timestamp: ts, now: NOW })).not.toThrow();
    expect(() => verifyWebhookSignature({ secret, rawBody: SPEC_BODY, signature: sig, timestamp: ts, now: NOW + 299_000 })).not.toThrow();
    const stale = rejected(() => verifyWebhookSignature({ secret, rawBody: SPEC_BODY, signature: sig, timestamp: ts, now: NOW + 301_000 }));
    expect(stale.reason).toBe('stale');
    expect(stale.httpStatus).toBe(401);
    expect(rejected(() => verifyWebhookSignature({ secret, rawBody: SPEC_BODY, signature: sig, timestamp: ts, now: NOW - 301_000 })).reason).toBe('stale');
    expect(() => verifyWebhookSignature({ secret, rawBody: SPEC_BODY, signature: sig, timestamp: ts, now: NOW + 500_000, toleranceSec: 600 })).not.toThrow();
    // The body-only signature does not pass once a timestamp is sent (and vice versa).
    expect(rejected(() => verifyWebhookSignature({ secret, rawBody: SPEC_BODY, signature: `sha256=${sign(secret, SPEC_BODY)}`, timestamp: ts, now: NOW })).reason).toBe('bad_signature');
    expect(rejected(() => verifyWebhookSignature({ secret, rawBody: SPEC_BODY, signature: sig, timestamp: 'yesterday', now: NOW })).reason).toBe('bad_signature');
  });

  it('refuses an empty secret as a configuration error', () => {
    expect(() => verifyWebhookSignature({ secret: '', rawBody: '', signature: 'x', now: NOW })).toThrow(PanelValidationError);
  });
});

describe('verifyWebhook', () => {
  it('checks the token from the query or the header, then parses', () => {
    expect(verifyWebhook({ rawBody: SPEC_BODY, query: { [WEBHOOK_TOKEN_QUERY]: 'tok' }, token: 'tok', now: NOW }).order).toBe('1487');
    expect(verifyWebhook({ rawBody: SPEC_BODY, headers: { 'X-Panel-Token': 'tok' }, token: 'tok', now: NOW }).order).toBe('1487');
    expect(WEBHOOK_TOKEN_HEADER).toBe('x-panel-token');
  });

  // Every shape a query parser or a header bag can hand over that is not one plain secret.
  it.each([
    ['a repeated query parameter', { query: { token: ['tok', 'tok'] } }],
    ['a bracketed query parameter', { query: { token: { a: 'tok' } } }],
    ['an array-like object', { query: { token: { 0: 'tok', length: 1 } } }],
    ['a number', { query: { token: 12 } }],
    ['a huge value', { query: { token: 'tok'.repeat(400) } }],
    ['the secret in another case', { query: { token: 'TOK' } }],
    ['the parameter name in another case', { query: { TOKEN: 'tok' } }],
    ['an empty value', { query: { token: '' } }],
    ['a repeated header', { headers: { 'x-panel-token': ['tok', 'tok'] } }],
    ['a header joined by a proxy', { headers: { 'x-panel-token': 'tok, tok' } }],
    ['a huge header', { headers: { 'x-panel-token': 'x'.repeat(100_000) } }],
    ['a malformed query beside a right header (the query decides)', { query: { token: ['x'] }, headers: { 'x-panel-token': 'tok' } }],
    ['a wrong query beside a right header (the query decides)', { query: { token: 'nope' }, headers: { 'x-panel-token': 'tok' } }],
    ['a query that is not an object', { query: 'token=tok' }],
    ['headers that are not an object', { headers: ['x-panel-token', 'tok'] }],
  ])('refuses %s with 401', (_n, shape) => {
    const err = rejected(() => verifyWebhook({ rawBody: SPEC_BODY, token: 'tok', now: NOW, ...(shape as object) }));
    expect(err.httpStatus).toBe(401);
  });

  it('one precedence rule: the query token when the URL has one, else the header', () => {
    expect(verifyWebhook({ rawBody: SPEC_BODY, query: { token: 'tok' }, headers: { 'x-panel-token': 'wrong' }, token: 'tok', now: NOW }).order).toBe('1487');
    expect(verifyWebhook({ rawBody: SPEC_BODY, query: { other: 'x' }, headers: { 'x-panel-token': 'tok' }, token: 'tok', now: NOW }).order).toBe('1487');
  });

  it('checks the HMAC over the raw bytes: a signed body starting with a BOM or a non-UTF-8 byte passes', () => {
    for (const bytes of [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SPEC_BODY)]), Buffer.concat([Buffer.from(SPEC_BODY.slice(0, -1)), Buffer.from(',"note":"'), Buffer.from([0xff]), Buffer.from('"}')])]) {
      const headers = { 'x-panel-signature': `sha256=${createHmac('sha256', 'k').update(bytes).digest('hex')}` };
      expect(verifyWebhook({ rawBody: bytes, headers, hmacSecret: 'k', now: NOW }).order).toBe('1487');
      expect(rejected(() => verifyWebhook({ rawBody: new TextDecoder().decode(bytes), headers, hmacSecret: 'k', now: NOW })).reason).toBe('bad_signature');
    }
  });

  it('a repeated signature or timestamp header is refused with 401', () => {
    const sig = `sha256=${sign('k', SPEC_BODY)}`;
    expect(rejected(() => verifyWebhook({ rawBody: SPEC_BODY, headers: { 'x-panel-signature': [sig, sig] }, hmacSecret: 'k', now: NOW })).httpStatus).toBe(401);
    expect(rejected(() => verifyWebhook({ rawBody: SPEC_BODY, headers: { 'x-panel-signature': sig, 'x-panel-timestamp': ['1', '2'] }, hmacSecret: 'k', now: NOW })).httpStatus).toBe(401);
  });

  it('a wrong or missing secret is refused before the body is even read', () => {
    expect(rejected(() => verifyWebhook({ rawBody: 'garbage', token: 'tok', now: NOW })).reason).toBe('missing_secret');
    expect(rejected(() => verifyWebhook({ rawBody: 'garbage', query: { token: 'nope' }, token: 'tok', now: NOW })).reason).toBe('bad_secret');
  });

  it('checks the HMAC when a secret is configured, with the timestamp header', () => {
    const ts = String(Math.floor(NOW / 1000));
    const headers = { [WEBHOOK_SIGNATURE_HEADER]: `sha256=${sign('k', `${ts}.${SPEC_BODY}`)}`, [WEBHOOK_TIMESTAMP_HEADER]: ts };
    expect(verifyWebhook({ rawBody: SPEC_BODY, headers, hmacSecret: 'k', now: NOW }).status).toBe('Completed');
    expect(rejected(() => verifyWebhook({ rawBody: SPEC_BODY, headers: {}, hmacSecret: 'k', now: NOW })).reason).toBe('bad_signature');
    expect(rejected(() => verifyWebhook({ rawBody: SPEC_BODY, headers, hmacSecret: 'k', now: NOW + 3_600_000 })).reason).toBe('stale');
  });

  it('with both configured, both must pass', () => {
    const headers = { 'x-panel-signature': `sha256=${sign('k', SPEC_BODY)}` };
    expect(verifyWebhook({ rawBody: SPEC_BODY, headers, query: { token: 't' }, token: 't', hmacSecret: 'k', now: NOW }).order).toBe('1487');
    expect(rejected(() => verifyWebhook({ rawBody: SPEC_BODY, headers, token: 't', hmacSecret: 'k', now: NOW })).reason).toBe('missing_secret');
    expect(rejected(() => verifyWebhook({ rawBody: SPEC_BODY, headers: {}, query: { token: 't' }, token: 't', hmacSecret: 'k', now: NOW })).reason).toBe('bad_signature');
  });

  it('without secrets configured, only parses (a malformed body is 400)', () => {
    expect(verifyWebhook({ rawBody: SPEC_BODY, now: NOW }).order).toBe('1487');
    const err = rejected(() => verifyWebhook({ rawBody: '{}', query: { token: 'x' }, now: NOW }));
    expect(err.reason).toBe('malformed');
    expect(err.httpStatus).toBe(400);
  });
});

describe('duplicate deliveries', () => {
  const update = parseOrderUpdate(SPEC_BODY);

  it('deliveryKey is the same for the same update, different when anything moves', () => {
    expect(deliveryKey(update)).toBe(deliveryKey(parseOrderUpdate(SPEC_BODY.replace('"Completed"', '"Done"'))));
    expect(deliveryKey(update)).not.toBe(deliveryKey(parseOrderUpdate(SPEC_BODY.replace('"remains":0', '"remains":1'))));
    expect(deliveryKey(update)).not.toBe(deliveryKey(parseOrderUpdate(SPEC_BODY.replace('1487', '1488'))));
  });

  it('deliveryKey compares numbers by value, however the Panel spelt them', () => {
    const a = parseOrderUpdate('{"order_id":1487,"status":"Completed","remains":0,"start_count":8421,"charge":"4.50"}');
    const b = parseOrderUpdate('{"order_id":"01487","status":"Completed","remains":"0","start_count":"8421","charge":4.5}');
    expect(a.charge).toBe('4.5');
    expect(a.charge_raw).toBe('4.50');
    expect(deliveryKey(a)).toBe(deliveryKey(b));
    expect(deliveryKey({ ...a, charge: '4.500' })).toBe(deliveryKey(a));
    expect(deliveryKey({ ...a, charge: '4.51' })).not.toBe(deliveryKey(a));
  });

  it('keeps the form body\'s fields decoded', () => {
    expect(parseDelivery('order_id=4&status=In+progress&note=a%20b%26c').fields).toEqual({ order_id: '4', status: 'In progress', note: 'a b&c' });
  });

  it('DeliveryMemory: of many identical concurrent deliveries exactly one is first; bounded by time and count', async () => {
    const memory = new DeliveryMemory({ ttlMs: 1000, maxEntries: 3 });
    const results = await Promise.all(Array.from({ length: 10 }, async () => memory.remember('k', 5)));
    expect(results.filter(Boolean)).toHaveLength(1);
    for (const k of ['a', 'b', 'c']) expect(memory.remember(k, 10)).toBe(true);
    expect(memory.size).toBe(3);
    expect(memory.remember('k', 10)).toBe(true); // evicted by count
    expect(memory.remember('a', 1500)).toBe(true); // forgotten after the window
    expect(Object.keys(memory.toJSON())).toEqual(['a']);
  });

  it('DeliveryMemory absorbs a persisted set (a restart) and serialises back to it', () => {
    const first = new DeliveryMemory();
    for (let i = 0; i < 1000; i++) first.remember(`k${i}`, 1000 + i);
    const persisted = JSON.parse(JSON.stringify({ seen: first })).seen;
    const second = new DeliveryMemory();
    expect(second.absorb(persisted, 5000)).toBe(1000);
    expect(second.remember('k500', 6000)).toBe(false);
    expect(second.remember('new', 6000)).toBe(true);
    expect(Object.keys(second.toJSON())).toHaveLength(1001);
    expect(second.absorb({ x: 'bad', y: null, k1: 1 }, 6000)).toBe(0);
    expect(second.absorb(null, 6000)).toBe(0);
  });

  it('rememberDelivery: first time true, repeats false, forgotten after the TTL', () => {
    const store: { seen?: Record<string, number> } = {};
    const key = deliveryKey(update);
    expect(rememberDelivery(store, key, 1000)).toBe(true);
    expect(rememberDelivery(store, key, 2000)).toBe(false);
    expect(rememberDelivery(store, 'other', 2000)).toBe(true);
    expect(JSON.parse(JSON.stringify(store))).toEqual({ seen: { [key]: 1000, other: 2000 } });
    expect(rememberDelivery(store, key, 1000 + 60_000, { ttlMs: 60_000 })).toBe(true);
  });

  it('keeps at most maxEntries, dropping the oldest', () => {
    const store: { seen?: Record<string, number> } = {};
    for (let i = 0; i < 5; i++) rememberDelivery(store, `k${i}`, 100 + i, { maxEntries: 3 });
    expect(Object.keys(store.seen ?? {}).sort()).toEqual(['k2', 'k3', 'k4']);
    expect(rememberDelivery(store, 'k0', 200, { maxEntries: 3 })).toBe(true);
  });

  it('stores "__proto__" as data and survives a corrupted store', () => {
    const store: { seen?: Record<string, number> } = {};
    expect(rememberDelivery(store, '__proto__', 1)).toBe(true);
    expect(rememberDelivery(store, '__proto__', 2)).toBe(false);
    const bad = { seen: { a: 'x' as unknown as number } };
    expect(rememberDelivery(bad, 'a', 5)).toBe(true);
    const none = { seen: null as unknown as Record<string, number> };
    expect(rememberDelivery(none, 'a', 5)).toBe(true);
  });
});

describe('webhook properties', () => {
  it('any body, headers and query yield an OrderUpdate or a PanelWebhookError, never another exception', () => {
    const body = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.uint8Array({ maxLength: 200 }),
      fc.jsonValue().map((v) => JSON.stringify(v) ?? ''),
      fc.record({ order_id: fc.oneof(fc.integer(), fc.string()), status: fc.oneof(fc.string(), fc.integer()), remains: fc.anything(), charge: fc.anything() }).map((v) => JSON.stringify(v) ?? ''),
    );
    const bag = fc.dictionary(fc.constantFrom('x-panel-token', 'X-Panel-Signature', 'x-panel-timestamp', 'token', 'other'), fc.oneof(fc.string({ maxLength: 80 }), fc.array(fc.string({ maxLength: 20 }), { maxLength: 2 })), { maxKeys: 4 });
    fc.assert(
      fc.property(body, bag, bag, fc.option(fc.string({ minLength: 1, maxLength: 10 })), fc.option(fc.string({ minLength: 1, maxLength: 10 })), (rawBody, headers, query, token, hmacSecret) => {
        try {
          const u = verifyWebhook({ rawBody, headers, query, now: NOW, ...(token ? { token } : {}), ...(hmacSecret ? { hmacSecret } : {}) });
          expect(typeof u.order).toBe('string');
          expect(typeof u.final).toBe('boolean');
        } catch (e) {
          expect(e).toBeInstanceOf(PanelWebhookError);
        }
      }),
      { numRuns: 600 },
    );
  });
});
