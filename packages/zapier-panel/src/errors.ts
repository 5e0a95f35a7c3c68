/**
 * Core's typed errors → what a Zap owner can act on in Zapier. One table, by core's stable
 * error code; anything not a PanelError passes through untouched (Zapier's own errors).
 */
import { isPanelError, type PanelError, type PanelErrorCode } from '@panel/core';
import type { ZObject } from 'zapier-platform-core';

type ToZapier = (z: ZObject, err: PanelError) => Error;

function seconds(ms: unknown): number | undefined {
  return typeof ms === 'number' && Number.isFinite(ms) && ms > 0 ? Math.ceil(ms / 1000) : undefined;
}

const plain: ToZapier = (z, err) => new z.errors.Error(err.message, err.code, err.httpStatus);

export const ZAPIER_ERROR_BY_CODE: Record<PanelErrorCode, ToZapier> = {
  // Zapier marks the connection expired and asks the owner to reconnect it.
  authentication: (z, err) =>
    new z.errors.ExpiredAuthError(`The Panel refused the API key (HTTP 401): reconnect your Panel account with a valid API key. ${err.message}`),
  // A halt, not an error: the Zap stays on, nothing is retried until the owner tops up.
  insufficient_balance: (z, err) =>
    new z.errors.HaltedError(`Your Panel balance is too low for this order (HTTP 402): top up your Panel account, then replay this run. ${err.message}`),
  // Zapier retries the step after the Panel's own Retry-After.
  rate_limited: (z, err) =>
    new z.errors.ThrottledError(err.message, seconds((err as PanelError & { retryAfterMs?: number }).retryAfterMs)),
  // Halted so that Zapier's autoreplay never sends an order that may already exist.
  order_outcome_unknown: (z, err) => new z.errors.HaltedError(err.message),
  validation: (z, err) => {
    const field = (err as PanelError & { field?: string }).field ?? 'input';
    return new z.errors.Error(`Check the "${field}" field: ${err.message}`, `validation:${field}`, 400);
  },
  unsupported_order_type: (z, err) => new z.errors.HaltedError(err.message),
  panel_error: plain,
  bad_request: plain,
  not_found: plain,
  upstream: plain,
  malformed_response: plain,
  network: plain,
  timeout: plain,
  webhook_invalid: plain,
};

export function toZapierError(z: ZObject, err: unknown): unknown {
  if (!isPanelError(err)) return err;
  return ZAPIER_ERROR_BY_CODE[err.code](z, err);
}
