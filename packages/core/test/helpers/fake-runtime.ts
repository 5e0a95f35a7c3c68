/**
 * A scripted PanelRuntime for unit tests of the client's policies: a fake clock that
 * sleep() advances instantly (no real waiting), and replies taken from a script, one per
 * request, each either a TransportResponse or an error to throw.
 */
import type { PanelRuntime, TransportRequest, TransportResponse } from '../../src/runtime';

export type Step = TransportResponse | { throw: unknown } | ((req: TransportRequest) => TransportResponse | Promise<TransportResponse>);

export interface FakeRuntime extends PanelRuntime {
  /** Requests made, with the fake time each started at. */
  calls: Array<TransportRequest & { at: number }>;
  /** Every sleep requested, in ms. */
  sleeps: number[];
  time: number;
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): TransportResponse {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

export function raw(body: string, status = 200, headers: Record<string, string> = {}): TransportResponse {
  return { status, headers, body };
}

export function fault(code: string, message = code): { throw: unknown } {
  return { throw: Object.assign(new Error(message), { code }) };
}

/**
 * `script` is consumed in order; when it runs out, `fallback` answers (default: an error
 * that fails the test loudly).
 */
export function fakeRuntime(script: Step[] = [], fallback?: Step, start = 1_700_000_000_000): FakeRuntime {
  const queue = [...script];
  const rt: FakeRuntime = {
    calls: [],
    sleeps: [],
    time: start,
    now: () => rt.time,
    sleep: async (ms: number) => {
      rt.sleeps.push(ms);
      rt.time += ms;
    },
    random: () => 0.5,
    request: async (req) => {
      rt.calls.push({ ...req, form: { ...req.form }, at: rt.time });
      const step = queue.length > 0 ? queue.shift() : fallback;
      if (step === undefined) throw new Error(`fake runtime: no scripted reply for request #${rt.calls.length} (${req.action})`);
      if (typeof step === 'function') return step(req);
      if ('throw' in step) throw step.throw;
      return step;
    },
  };
  return rt;
}

export const API_URL = 'http://127.0.0.1:9/api/v2';
/** An obvious fake key (never 24+ alnum), used to check scrubbing. */
export const KEY = 'sandbox-demo-key';
