/** Unit test of the one mapping table: every core error code → the Zapier error a Zap owner can act on. */
import { ERROR_CLASS_BY_CODE, PANEL_ERROR_CODES, type PanelError, type PanelErrorCode } from '@panel/core';
import zapier from 'zapier-platform-core';
import type { ZObject } from 'zapier-platform-core';
import { ZAPIER_ERROR_BY_CODE, toZapierError } from '../src/errors';
import { KEY, zapierPayload } from './helpers';

// Only z.errors is read by the table: Zapier's real error classes.
const z = { errors: zapier.errors } as unknown as ZObject;

const EXPECTED: Record<PanelErrorCode, string> = {
  authentication: 'ExpiredAuthError',
  insufficient_balance: 'HaltedError',
  rate_limited: 'ThrottledError',
  order_outcome_unknown: 'HaltedError',
  unsupported_order_type: 'HaltedError',
  validation: 'AppError',
  panel_error: 'AppError',
  bad_request: 'AppError',
  not_found: 'AppError',
  upstream: 'AppError',
  malformed_response: 'AppError',
  network: 'AppError',
  timeout: 'AppError',
  webhook_invalid: 'AppError',
};

function make(code: PanelErrorCode): PanelError {
  const Cls = ERROR_CLASS_BY_CODE[code] as unknown as new (message: string, opts: Record<string, unknown>) => PanelError;
  return new Cls(`Something about ${code} went wrong for key ${KEY}.`, {
    panelMessage: 'the Panel said so',
    reason: code === 'webhook_invalid' ? 'bad_secret' : 'wrong_shape',
    field: 'quantity',
    type: 'Subscriptions',
    retryAfterMs: 1500,
    secrets: [KEY],
  });
}

test('the table covers every code core defines', () => {
  expect(Object.keys(ZAPIER_ERROR_BY_CODE).sort()).toEqual([...PANEL_ERROR_CODES].sort());
});

test.each(PANEL_ERROR_CODES.map((c) => [c]))('%s → the expected Zapier error, with a message and no key', (code) => {
  const out = toZapierError(z, make(code)) as Error;
  expect(out.name).toBe(EXPECTED[code]);
  expect(out.message).toContain(`Something about ${code} went wrong`);
  expect(`${out.message}${out.stack}`).not.toContain(KEY);
});

test('throttling carries the Retry-After in whole seconds; validation names the field', () => {
  expect(zapierPayload(toZapierError(z, make('rate_limited')) as Error).delay).toBe(2);
  const validation = zapierPayload(toZapierError(z, make('validation')) as Error);
  expect(validation.message).toMatch(/^Check the "quantity" field/);
  expect(validation.code).toBe('validation:quantity');
});

test('errors that are not core errors pass through untouched', () => {
  const own = new zapier.errors.HaltedError('stop');
  expect(toZapierError(z, own)).toBe(own);
  const plain = new TypeError('x');
  expect(toZapierError(z, plain)).toBe(plain);
});
