/** POST /api/v2: rate limit → body → faults → key → action. Every request lands in the log. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ACTIONS } from '../actions';
import { readRequest, writeAnswer, errorStatus } from '../dialect';
import { ApiError, MESSAGES } from '../errors';
import { faultProcesses, type FaultQueue, type FaultSpec } from '../faults';
import type { Panel } from '../panel';
import type { RateLimiter } from '../rateLimit';
import type { RequestLog } from '../requestLog';
import type { RequestLogEntry } from '../types';
import { BodyTooLarge, readBody, sendJson, sendRaw, sleep } from './io';

export interface ApiDeps {
  panel: Panel;
  faults: FaultQueue;
  rateLimiter: RateLimiter | null;
  log: RequestLog;
}

const HTML_PAGE = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>The upstream server returned an invalid response.</p></body></html>';

type Answer = { status: number; body: string; headers: Record<string, string> };

function answerOf(err: unknown, panel?: Panel): Answer {
  const status = err instanceof ApiError ? err.status : 500;
  return {
    status: panel ? errorStatus(panel.dialect, status) : status,
    body: JSON.stringify({ error: err instanceof ApiError ? err.message : 'Internal error' }),
    headers: err instanceof ApiError ? err.headers : {},
  };
}

export async function handleApi(req: IncomingMessage, res: ServerResponse, deps: ApiDeps): Promise<void> {
  const started = Date.now();
  const ip = req.socket.remoteAddress ?? 'unknown';
  const entry: Omit<RequestLogEntry, 'seq'> = { action: null, status: 0, at: started, ms: 0, ip, account: null, processed: false };
  const finish = (status: number) => {
    entry.status = status;
    entry.ms = Date.now() - started;
    deps.log.add(entry);
  };
  const reply = (a: Answer) => {
    sendJson(res, a.status, a.body, a.headers);
    finish(a.status);
  };

  let raw: string;
  try {
    raw = await readBody(req);
  } catch (err) {
    if (err instanceof BodyTooLarge) return reply(answerOf(new ApiError(400, MESSAGES.bodyTooLarge)));
    return finish(0);
  }
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const isForm = req.method === 'POST' && type === 'application/x-www-form-urlencoded';
  // No prototype: a field named __proto__ or toString is just a field. First value wins.
  const params: Record<string, string> = Object.create(null);
  if (isForm) for (const [k, v] of new URLSearchParams(raw)) if (!Object.hasOwn(params, k)) params[k] = v;
  entry.action = (params.action ?? '').trim() || null; // logged even when rate limited

  const retryAfter = deps.rateLimiter?.hit(ip) ?? null;
  if (retryAfter !== null) {
    return reply({ status: 429, body: JSON.stringify({ error: MESSAGES.rateLimited }), headers: { 'retry-after': String(retryAfter) } });
  }
  if (req.method !== 'POST') return reply(answerOf(new ApiError(400, MESSAGES.method), deps.panel));
  if (!isForm) return reply(answerOf(new ApiError(400, MESSAGES.contentType), deps.panel));

  const fault = deps.faults.take(entry.action);
  if (fault) entry.fault = fault.kind;
  if (fault?.kind === 'reset_before') {
    res.socket?.resetAndDestroy();
    return finish(0);
  }
  if (fault?.kind === 'status') {
    const status = fault.status ?? 502;
    const headers: Record<string, string> = status === 429 ? { 'retry-after': String(fault.retryAfterSec ?? 1) } : {};
    const message = status === 429 ? MESSAGES.rateLimited : status >= 500 ? 'Upstream provider returned an error' : 'Error';
    return reply({ status, body: JSON.stringify({ error: message }), headers });
  }
  if (fault?.kind === 'latency') await sleep(fault.ms ?? 1000);

  const processed = !fault || faultProcesses(fault);
  const answer = processed ? processRequest(params, entry, deps) : null;
  entry.processed = processed;
  if (!fault || fault.kind === 'latency') return reply(answer!);
  return deliverFault(res, fault, answer, finish);
}

function processRequest(params: Record<string, string>, entry: Omit<RequestLogEntry, 'seq'>, deps: ApiDeps): Answer {
  try {
    const key = params.key ?? '';
    if (!key) throw new ApiError(401, MESSAGES.missingKey);
    const account = deps.panel.store.accountByKey(key);
    if (!account) throw new ApiError(401, MESSAGES.wrongKey);
    entry.account = account.id;
    if (!entry.action) throw new ApiError(400, MESSAGES.missingAction);
    const handler = Object.hasOwn(ACTIONS, entry.action) ? ACTIONS[entry.action] : undefined;
    if (!handler) throw new ApiError(400, MESSAGES.unknownAction(entry.action));
    if (entry.action === 'balance') deps.panel.settle(); // refunds due by now are in the balance
    const dialect = deps.panel.dialect;
    const specParams = readRequest(dialect, entry.action, params);
    const note: Pick<RequestLogEntry, 'order' | 'ids' | 'created'> = {};
    let value: unknown;
    try {
      value = handler({ params: specParams, account, panel: deps.panel, now: deps.panel.clock.now(), note });
    } finally {
      Object.assign(entry, note);
    }
    if (value && typeof value === 'object' && 'error' in value) throw new ApiError(200, String((value as { error: unknown }).error));
    const rawBody = value && typeof value === 'object' && 'raw' in value ? (value as { raw: string }).raw : JSON.stringify(writeAnswer(dialect, entry.action, params, value));
    return { status: 200, body: rawBody, headers: {} };
  } catch (err) {
    return answerOf(err, deps.panel);
  }
}

async function deliverFault(res: ServerResponse, fault: FaultSpec, answer: Answer | null, finish: (s: number) => void): Promise<void> {
  switch (fault.kind) {
    case 'reset_after':
      res.socket?.resetAndDestroy();
      return finish(0);
    case 'reset_mid': {
      const a = answer!;
      const buf = Buffer.from(a.body, 'utf8');
      res.writeHead(a.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(buf.length) });
      res.write(buf.subarray(0, Math.floor(buf.length / 2)));
      // Let the head and half the body reach the client before the reset.
      await sleep(fault.ms ?? 20);
      res.socket?.resetAndDestroy();
      return finish(0);
    }
    case 'html': {
      const status = fault.status ?? 200;
      sendRaw(res, status, HTML_PAGE, 'text/html; charset=utf-8');
      return finish(status);
    }
    case 'truncated': {
      const body = answer?.body ?? '{"order":';
      const status = answer?.status ?? 200;
      sendRaw(res, status, body.slice(0, Math.max(1, Math.floor(body.length / 2))), 'application/json; charset=utf-8');
      return finish(status);
    }
    case 'body': {
      const status = fault.status ?? 200;
      sendRaw(res, status, fault.body ?? '', 'application/json; charset=utf-8');
      return finish(status);
    }
    case 'empty':
      sendRaw(res, 200, '', 'application/json; charset=utf-8');
      return finish(200);
    case 'slow': {
      const a = answer!;
      const buf = Buffer.from(a.body, 'utf8');
      res.writeHead(a.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(buf.length) });
      const chunks = 8;
      const size = Math.max(1, Math.ceil(buf.length / chunks));
      for (let i = 0; i < buf.length; i += size) {
        if (res.destroyed) break;
        res.write(buf.subarray(i, i + size));
        await sleep(fault.ms ?? 200);
      }
      res.end();
      return finish(a.status);
    }
    default:
      return finish(0);
  }
}
