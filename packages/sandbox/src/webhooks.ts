/** Webhook deliveries: on every order status change, POST the spec's JSON to each of the
 * account's URLs. Optional shared-secret token (query `token` or header `x-panel-token`) and
 * HMAC `x-panel-signature: sha256=<hex>` over `${timestamp}.${body}` with `x-panel-timestamp`
 * (unix seconds, wall clock) — or over the raw body alone with `hmacTimestamp: false`. A failed attempt (non-2xx, network error, 5 s timeout) is retried
 * with exponential backoff on the simulated clock; every attempt lands in the delivery log. */
import { createHmac } from 'node:crypto';
import { toJsonNumber } from './money';
import type { Account, Delivery, Order, OrderStatusName, WebhookTarget } from './types';

export const WEBHOOK_TOKEN_QUERY = 'token';
export const WEBHOOK_TOKEN_HEADER = 'x-panel-token';
export const WEBHOOK_SIGNATURE_HEADER = 'x-panel-signature';
export const WEBHOOK_TIMESTAMP_HEADER = 'x-panel-timestamp';
export const WEBHOOK_DELIVERY_HEADER = 'x-panel-delivery';

export interface WebhookRetryOptions {
  /** Attempts in all, including the first (default 6). */
  maxAttempts?: number;
  /** Backoff before attempt n+1 = baseMs × 2^(n-1), simulated ms (default 5 000). */
  baseMs?: number;
  /** Per-attempt timeout, real ms (default 5 000). */
  timeoutMs?: number;
  /** Deliveries in flight at once (default 4); one order's deliveries always go in order. */
  concurrency?: number;
}

/** The spec's payload, numbers as JSON numbers (charge written from its exact decimal text). */
export function webhookBody(order: { id: number; remains: number; start_count: number; charge: string }, status: string): string {
  return `{"order_id":${order.id},"status":${JSON.stringify(status)},"remains":${order.remains},"start_count":${order.start_count},"charge":${toJsonNumber(order.charge)}}`;
}

/** `sha256=<hex>` of `${timestamp}.${body}`, or of the raw body when timestamp is null. */
export function signWebhook(secret: string, timestamp: number | null, body: string): string {
  const signed = timestamp === null ? body : `${timestamp}.${body}`;
  return `sha256=${createHmac('sha256', secret).update(signed).digest('hex')}`;
}

export class WebhookDispatcher {
  readonly log: Delivery[] = [];
  private nextId = 1;
  /** Where each pending delivery goes, secrets included: kept out of the public log. */
  private readonly targets = new Map<number, WebhookTarget>();
  /** Deliveries still to (re)try: what `drain` scans, however long the log grows. */
  private readonly pending = new Set<Delivery>();
  private running: Promise<void> | null = null;
  private readonly maxAttempts: number;
  private readonly baseMs: number;
  private readonly timeoutMs: number;
  private stopped = false;

  constructor(private readonly simNow: () => number, retry: WebhookRetryOptions = {}, private readonly logLimit = 100_000) {
    this.maxAttempts = retry.maxAttempts ?? 6;
    this.baseMs = retry.baseMs ?? 5_000;
    this.timeoutMs = retry.timeoutMs ?? 5_000;
    this.concurrency = Math.max(1, retry.concurrency ?? 4);
  }
  private readonly concurrency: number;

  /** Queue one delivery per webhook URL of the account; delivery starts at once, in the background. */
  enqueue(account: Account, order: Order, status: string, view: { remains: number; start_count: number; charge: string }): void {
    if (account.webhooks.length === 0 || this.stopped) return;
    const body = webhookBody({ id: order.id, ...view }, status);
    for (const target of account.webhooks) {
      const id = this.nextId++;
      this.targets.set(id, { ...target });
      const delivery: Delivery = {
        id,
        accountId: account.id,
        orderId: order.id,
        status: status as OrderStatusName,
        url: target.url,
        body,
        headers: {},
        attempts: [],
        state: 'pending',
        nextAt: this.simNow(),
      };
      this.log.push(delivery);
      this.pending.add(delivery);
    }
    if (this.log.length > this.logLimit + Math.max(100, this.logLimit >> 4)) {
      for (const old of this.log.splice(0, this.log.length - this.logLimit)) {
        this.targets.delete(old.id);
        this.pending.delete(old);
      }
    }
    void this.pump();
  }

  /** Attempt every due delivery (in order); resolves when none is due any more. Never rejects:
   * it runs in the background of the server. */
  pump(): Promise<void> {
    if (!this.running) {
      this.running = this.drain().catch(() => undefined).finally(() => { this.running = null; });
    }
    return this.running;
  }

  /** Wait until nothing due is left (after a clock step, call pump first). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  stop(): void {
    this.stopped = true;
  }

  clear(): void {
    this.log.length = 0;
    this.targets.clear();
    this.pending.clear();
  }

  private async drain(): Promise<void> {
    for (;;) {
      const now = this.simNow();
      const due = [...this.pending].filter((d) => d.nextAt <= now);
      if (due.length === 0 || this.stopped) return;
      // Lanes by order id: parallel across orders, in order within one order.
      const lanes = Array.from({ length: this.concurrency }, () => [] as Delivery[]);
      for (const d of due) lanes[d.orderId % this.concurrency]!.push(d);
      await Promise.all(lanes.map(async (lane) => { for (const d of lane) await this.attempt(d); }));
    }
  }

  private async attempt(d: Delivery): Promise<void> {
    const target = this.targets.get(d.id);
    if (!target) return;
    const timestamp = Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'panel-sandbox-webhooks',
      [WEBHOOK_DELIVERY_HEADER]: String(d.id),
    };
    let url = target.url;
    if (target.token) {
      if (target.tokenIn === 'header') headers[WEBHOOK_TOKEN_HEADER] = target.token;
      else {
        const u = URL.canParse(url) ? new URL(url) : null;
        u?.searchParams.set(WEBHOOK_TOKEN_QUERY, target.token);
        url = u ? u.toString() : url;
      }
    }
    if (target.hmacSecret) {
      if (target.hmacTimestamp === false) {
        headers[WEBHOOK_SIGNATURE_HEADER] = signWebhook(target.hmacSecret, null, d.body);
      } else {
        headers[WEBHOOK_TIMESTAMP_HEADER] = String(timestamp);
        headers[WEBHOOK_SIGNATURE_HEADER] = signWebhook(target.hmacSecret, timestamp, d.body);
      }
    }
    // The log never shows the token (a secret): mask it.
    d.headers = { ...headers, ...(headers[WEBHOOK_TOKEN_HEADER] ? { [WEBHOOK_TOKEN_HEADER]: '***' } : {}) };
    let status: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(url, { method: 'POST', headers, body: d.body, signal: AbortSignal.timeout(this.timeoutMs), redirect: 'manual' });
      status = res.status;
      await res.arrayBuffer().catch(() => undefined);
      if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (err) {
      const e = err as { name?: string; cause?: { code?: string }; code?: string; message?: string };
      error = e.name === 'TimeoutError' ? 'timeout' : e.cause?.code ?? e.code ?? e.message ?? 'error';
    }
    d.attempts.push({ at: this.simNow(), status, error });
    if (error === null) d.state = 'delivered';
    else if (d.attempts.length >= this.maxAttempts) d.state = 'failed';
    if (d.state !== 'pending') {
      this.targets.delete(d.id);
      this.pending.delete(d);
    }
    else d.nextAt = this.simNow() + this.baseMs * 2 ** (d.attempts.length - 1);
  }
}
