/** Shared plumbing of the per-action parsers: the wrong-shape error and the never-throw guard. */
import type { z } from 'zod';
import { PanelError, PanelMalformedResponseError, makeScrubber, type Scrubber } from '../errors';
import type { ParseOptions } from './options';
import { describeValue, isRecord } from './read';

export function scrubberOf(opts: ParseOptions): Scrubber {
  return opts.scrub ?? makeScrubber(opts.secrets ?? []);
}

/** What the action's reply should look like, for messages. */
const EXPECTED: Record<string, string> = {
  balance: '{"balance":"100.84","currency":"USD"}',
  services: 'a list of services [{"service":"1","name":…,"type":…,"rate":…,"min":…,"max":…}]',
  add: '{"order":23501}',
  status: '{"charge":…,"start_count":…,"status":"Partial","remains":…,"currency":…}',
  multiStatus: '{"<order id>":{"status":…}, …}',
  cancel: '[{"order":9,"cancel":{"status":"success"}}, …]',
  refill: '{"refill":"1"} or [{"order":1,"refill":1}, …]',
  refill_status: '{"status":"Completed"} or [{"refill":1,"status":"Completed"}, …]',
};

export function wrongShape(action: string, detail: string, opts: ParseOptions): PanelMalformedResponseError {
  const expected = EXPECTED[action];
  return new PanelMalformedResponseError(
    `The Panel's reply to "${action}" has an unexpected shape (${detail})${expected ? `; expected ${expected}` : ''}. Check that the API URL points at a Panel API v2 endpoint.`,
    { reason: 'wrong_shape', action, scrub: scrubberOf(opts) },
  );
}

/** Run a parser; anything but a PanelError thrown inside becomes a wrong-shape error. */
export function guard<T>(action: string, opts: ParseOptions, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof PanelError) throw e;
    throw wrongShape(action, e instanceof Error ? e.message.slice(0, 120) : 'unreadable reply', opts);
  }
}

/** zod parse that reports the first issue as a wrong-shape error. */
export function zparse<T>(action: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>, json: unknown, opts: ParseOptions): T {
  const r = schema.safeParse(json);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw wrongShape(action, `${where}${issue ? issue.message : 'invalid'}`, opts);
}

export function requireRecord(action: string, json: unknown, opts: ParseOptions): Record<string, unknown> {
  if (!isRecord(json)) throw wrongShape(action, `got ${describeValue(json)} instead of an object`, opts);
  return json;
}
