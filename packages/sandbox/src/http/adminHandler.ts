/** The admin interface (JSON, only when enabled) under /_sandbox: the programmatic controls
 * over HTTP, for tests in other processes and for demos. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultSpec } from '../faults';
import type { Sandbox } from '../sandbox';
import type { Outcome, WebhookTarget } from '../types';
import { readBody, sendJson } from './io';

type Route = (sb: Sandbox, body: Record<string, unknown>, query: URLSearchParams, match: string[]) => unknown;

const num = (v: unknown, name: string): number => {
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new Error(`\`${name}\` must be a number`);
  return n;
};

const ROUTES: Array<[string, RegExp, Route]> = [
  ['GET', /^\/?$/, () => ({ routes: ROUTES.map(([method, re]) => `${method} /_sandbox${re.source.replace(/^\^|\$$/g, '').replace(/\\\//g, '/').replace('(\\d+)', ':id').replace('/?', '/')}`) })],
  ['GET', /^\/state$/, (sb) => ({ now: sb.now(), accounts: sb.accounts(), orders: sb.orders(), faults: sb.faults() })],
  ['GET', /^\/accounts$/, (sb) => sb.accounts()],
  ['GET', /^\/orders$/, (sb) => sb.orders()],
  ['GET', /^\/orders\/(\d+)$/, (sb, _b, _q, m) => sb.order(Number(m[1])) ?? Promise.reject(new NotFound(`no order ${m[1]}`))],
  ['POST', /^\/orders$/, (sb, b) => sb.seedOrder(b as never)],
  ['POST', /^\/orders\/(\d+)\/outcome$/, (sb, b, _q, m) =>
    sb.setOutcome(Number(m[1]), b.outcome as Outcome, {
      ...(b.delivered !== undefined ? { delivered: num(b.delivered, 'delivered') } : {}),
      ...(b.immediate !== undefined ? { immediate: b.immediate !== false } : {}),
    })],
  ['GET', /^\/requests$/, (sb, _b, q) => sb.requests({
    ...(q.get('since') ? { since: num(q.get('since'), 'since') } : {}),
    ...(q.get('action') ? { action: q.get('action')! } : {}),
  })],
  ['DELETE', /^\/requests$/, (sb) => { sb.clearRequests(); return { ok: true }; }],
  ['GET', /^\/deliveries$/, (sb) => sb.deliveries()],
  ['POST', /^\/balance$/, (sb, b) => sb.balance(String(b.key ?? ''))],
  ['POST', /^\/accounts$/, (sb, b) => sb.addAccount({
    key: String(b.key ?? ''),
    ...(b.balance !== undefined ? { balance: String(b.balance) } : {}),
    ...(b.currency !== undefined ? { currency: String(b.currency) } : {}),
  })],
  ['POST', /^\/webhook$/, (sb, b) => {
    const targets = (b.webhooks ?? (b.url ? [{ url: b.url, token: b.token, tokenIn: b.tokenIn, hmacSecret: b.hmacSecret, hmacTimestamp: b.hmacTimestamp }] : null)) as WebhookTarget[] | null;
    sb.setWebhook(String(b.key ?? ''), targets && targets.map((t) => Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined)) as unknown as WebhookTarget));
    return { ok: true };
  }],
  ['GET', /^\/faults$/, (sb) => sb.faults()],
  ['POST', /^\/faults$/, (sb, b) => { sb.fault((Array.isArray(b) ? b : b.faults ?? b) as FaultSpec | FaultSpec[]); return sb.faults(); }],
  ['DELETE', /^\/faults$/, (sb) => { sb.clearFaults(); return { ok: true }; }],
  ['POST', /^\/advance$/, async (sb, b) => { await sb.advance(num(b.ms, 'ms')); return { now: sb.now() }; }],
  ['POST', /^\/reset$/, (sb) => { sb.reset(); return { ok: true }; }],
  ['GET', /^\/catalog$/, (sb) => sb.catalog()],
  ['GET', /^\/dialect$/, (sb) => sb.dialect()],
  // Body: { "dialect": "perfectpanel" } or knobs { "base": "perfectpanel", "cancelForm": "order" }.
  ['POST', /^\/dialect$/, (sb, b) => sb.setDialect((typeof b.dialect === 'string' ? b.dialect : b) as never)],
];

class NotFound extends Error {}

export async function handleAdmin(req: IncomingMessage, res: ServerResponse, sb: Sandbox): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox');
  const sub = url.pathname.slice('/_sandbox'.length) || '/';
  const raw = await readBody(req);
  const route = ROUTES.find(([method, re]) => method === req.method && re.test(sub));
  if (!route) return sendJson(res, 404, { error: `No admin route ${req.method} ${url.pathname}` });
  let body: Record<string, unknown> = {};
  if (raw.trim()) {
    try {
      body = JSON.parse(raw);
    } catch {
      return sendJson(res, 400, { error: 'Admin requests take a JSON body' });
    }
  }
  try {
    const value = await route[2](sb, body, url.searchParams, route[1].exec(sub)!);
    sendJson(res, 200, value ?? { ok: true });
  } catch (err) {
    sendJson(res, err instanceof NotFound ? 404 : 400, { error: (err as Error).message });
  }
}
