import { PanelError } from '../../src/errors';
import type { TransportResponse } from '../../src/types';

export function reply(status: number, body: unknown, headers: Record<string, string> = {}): TransportResponse {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) };
}

export function caught(fn: () => unknown): PanelError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PanelError) return e;
    throw e;
  }
  throw new Error('expected a PanelError, nothing was thrown');
}
