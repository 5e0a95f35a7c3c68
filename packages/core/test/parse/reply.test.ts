/**
 * parseReply = interpretResponse + the action's parser. Property: whatever bytes a Panel
 * (or anything between it and us) sends, for any action, the result is the action's typed
 * data or a PanelError — never another exception.
 */
import fc from 'fast-check';
import { PanelError } from '../../src/errors';
import { REPLY_KINDS, parseReply, type ReplyData } from '../../src/parse';
import type { TransportResponse } from '../../src/types';
import { reply } from './helpers';

const KEY = 'sandbox-demo-key';
const kind = fc.constantFrom(...REPLY_KINDS);
const ids = fc.array(fc.oneof(fc.nat({ max: 1e6 }), fc.string({ maxLength: 8 })), { maxLength: 5 });
const status = fc.oneof(fc.constant(200), fc.constantFrom(201, 204, 301, 400, 401, 402, 404, 408, 429, 500, 502, 503), fc.integer({ min: -1, max: 1000 }));
const headers = fc.dictionary(fc.constantFrom('content-type', 'Retry-After', 'location', 'x-other'), fc.string({ maxLength: 40 }), { maxKeys: 3 });

/** Typed data of each kind: objects with the contract's fields, lists of them. */
function assertTyped(k: keyof ReplyData, data: unknown): void {
  const one = (x: unknown, field: string) => expect(typeof (x as Record<string, unknown>)[field]).toBe('string');
  switch (k) {
    case 'balance':
      one(data, 'balance');
      one(data, 'currency');
      break;
    case 'services':
      expect(Array.isArray(data)).toBe(true);
      for (const s of data as unknown[]) {
        one(s, 'service');
        one(s, 'rate');
        expect(Number.isSafeInteger((s as { min: number }).min)).toBe(true);
      }
      break;
    case 'add':
      one(data, 'order');
      break;
    case 'status':
      one(data, 'order');
      one(data, 'status');
      break;
    case 'refill':
      one(data, 'order');
      break;
    case 'refill_status':
      one(data, 'refill');
      break;
    default:
      expect(Array.isArray(data)).toBe(true);
  }
}

function run(k: keyof ReplyData, res: TransportResponse, idList: Array<string | number>): void {
  let data: unknown;
  try {
    data = parseReply(k, res, idList, { secrets: [KEY], maxResponseBytes: 1 << 20 });
  } catch (e) {
    if (!(e instanceof PanelError)) throw new Error(`non-PanelError for ${k}: ${String(e)}`);
    expect(JSON.stringify(e)).not.toContain(KEY);
    return;
  }
  assertTyped(k, data);
}

describe('parseReply', () => {
  it('reads each kind through the right parser', () => {
    expect(parseReply('balance', reply(200, { balance: '1', currency: 'USD' }))).toEqual({ balance: '1', currency: 'USD' });
    expect(parseReply('status', reply(200, { status: 'Done' }), [5])).toMatchObject({ order: '5', status: 'Completed' });
    expect(parseReply('refills', reply(200, [{ order: 1, refill: 2 }]), [1])).toEqual([{ order: '1', refill: '2', error: null }]);
    expect(parseReply('refill_statuses', reply(200, [{ refill: 2, status: 'Pending' }]))).toMatchObject([{ refill: '2', status: 'Pending' }]);
  });

  it('any byte string as a reply body, for any action, yields typed data or a PanelError (property)', () => {
    fc.assert(
      fc.property(kind, status, headers, fc.uint8Array({ maxLength: 300 }), ids, (k, st, h, bytes, idList) => {
        run(k, { status: st, headers: h, body: new TextDecoder().decode(bytes) }, idList);
      }),
      { numRuns: 800 },
    );
  });

  it('any text, including the key, yields typed data or a PanelError (property)', () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom(`{"error":"${KEY}"}`, `<html>${KEY}</html>`, `${KEY}`));
    fc.assert(
      fc.property(kind, status, text, ids, (k, st, body, idList) => {
        run(k, { status: st, headers: {}, body }, idList);
      }),
      { numRuns: 600 },
    );
  });

  it('any JSON value as a 200 reply, for any action, yields typed data or a PanelError (property)', () => {
    // JSON shaped like the replies (objects keyed by ids, lists of items with the known fields), and anything else.
    const scalar = fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom('Completed', 'In progress', '0.5', '12', 'success'));
    const fieldName = fc.constantFrom('order', 'status', 'charge', 'remains', 'start_count', 'currency', 'error', 'cancel', 'refill', 'balance', 'service', 'rate', 'min', 'max', 'type', '__proto__', '1', '2');
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('object'), tie('list')),
      object: fc.dictionary(fieldName, tie('value'), { maxKeys: 6 }),
      list: fc.array(tie('value'), { maxLength: 4 }),
    }));
    fc.assert(
      fc.property(kind, fc.oneof(value, fc.jsonValue()), ids, (k, json, idList) => {
        run(k, { status: 200, headers: {}, body: JSON.stringify(json) ?? 'null' }, idList);
      }),
      { numRuns: 800 },
    );
  });
});
