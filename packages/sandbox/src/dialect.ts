/**
 * Dialects: the sandbox can answer like the Panels people actually have (see
 * docs/panels-in-the-wild.md), not only like the spec. A dialect is a table of knobs; the
 * API handler reads requests and rewrites answers through it, so the actions themselves stay
 * the spec's. `spec` (the default) changes nothing.
 */
import { ApiError } from './errors';

export interface DialectOptions {
  /** How `action=multiStatus` is met: answered (spec), HTTP 200 `{"error":"Incorrect request"}`, or 400 unknown action. */
  multiStatus: 'answer' | 'incorrect-request' | 'http400';
  /** `action=status&orders=…` answered like multiStatus (most Panels), or refused. */
  statusOrders: boolean;
  /** The cancel form taken: `orders=1,2` (spec) or one `order=` per request. */
  cancelForm: 'orders' | 'order';
  /**
   * Cancel results: spec `{"order":9,"cancel":{"status":"success"}}`, `flag`
   * `{"order":9,"cancel":1}`, or `keyed` `{"9":{"cancel":1}}`. The single-order form answers
   * `{"cancel":{"status":"success"}}` / `{"cancel":1}` (keyed: `{"9":1}`).
   */
  cancelReply: 'spec' | 'flag' | 'keyed';
  /** Single refill: `{"refill":"1"}` (spec) or `{"success":true,"refill":12345}` (a number). */
  refillReply: 'spec' | 'success';
  /** Status texts as the spec writes them, or in lower case ("in progress"). */
  statusCase: 'as-is' | 'lower';
  /** Errors with real HTTP codes (spec), or everything as HTTP 200 `{"error":…}` (429 stays). */
  errors: 'http' | 'http200';
  /** Money (balance, rate, charge) as strings "1000.00" (spec) or JSON numbers 1000. */
  money: 'string' | 'number';
  /** Order ids as numbers (spec) or opaque strings "ord_<n>". */
  orderIds: 'numeric' | 'opaque';
  /** `"remains":"Unknown"` while an order has not started. */
  remainsUnknown: boolean;
  /** Catalog refill/cancel/dripfeed as booleans, 0/1, "yes"/"no" texts, or left out. */
  catalogFlags: 'boolean' | 'binary' | 'text' | 'none';
  /** A `desc` text on each catalog entry. */
  catalogDesc: boolean;
}

export type DialectName = 'spec' | 'perfectpanel';
/** A profile name, or a profile's knobs overridden (`{ base: 'perfectpanel', cancelForm: 'order' }`). */
export type DialectOption = DialectName | (Partial<DialectOptions> & { base?: DialectName });

export const DIALECTS: Readonly<Record<DialectName, Readonly<DialectOptions>>> = {
  spec: {
    multiStatus: 'answer',
    statusOrders: true,
    cancelForm: 'orders',
    cancelReply: 'spec',
    refillReply: 'spec',
    statusCase: 'as-is',
    errors: 'http',
    money: 'string',
    orderIds: 'numeric',
    remainsUnknown: false,
    catalogFlags: 'boolean',
    catalogDesc: false,
  },
  // PerfectPanel-style: what most Panels of this family answer (panels.md).
  perfectpanel: {
    multiStatus: 'incorrect-request',
    statusOrders: true,
    cancelForm: 'orders',
    cancelReply: 'flag',
    refillReply: 'success',
    statusCase: 'lower',
    errors: 'http200',
    money: 'string',
    orderIds: 'numeric',
    remainsUnknown: true,
    catalogFlags: 'binary',
    catalogDesc: true,
  },
};

const KNOBS: { [K in keyof DialectOptions]: ReadonlyArray<DialectOptions[K]> } = {
  multiStatus: ['answer', 'incorrect-request', 'http400'],
  statusOrders: [true, false],
  cancelForm: ['orders', 'order'],
  cancelReply: ['spec', 'flag', 'keyed'],
  refillReply: ['spec', 'success'],
  statusCase: ['as-is', 'lower'],
  errors: ['http', 'http200'],
  money: ['string', 'number'],
  orderIds: ['numeric', 'opaque'],
  remainsUnknown: [true, false],
  catalogFlags: ['boolean', 'binary', 'text', 'none'],
  catalogDesc: [true, false],
};

/** The knobs of a dialect option; throws naming the bad knob. */
export function resolveDialect(option: DialectOption | undefined): DialectOptions {
  if (option === undefined) return { ...DIALECTS.spec };
  if (typeof option === 'string') {
    if (!Object.hasOwn(DIALECTS, option)) throw new Error(`dialect must be one of ${Object.keys(DIALECTS).join(', ')} (or an object of knobs), got ${JSON.stringify(option)}`);
    return { ...DIALECTS[option] };
  }
  if (option === null || typeof option !== 'object') throw new Error('dialect must be a name or an object of knobs');
  const { base, ...knobs } = option;
  const out = resolveDialect(base ?? 'spec') as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(knobs)) {
    const allowed = (KNOBS as Record<string, readonly unknown[]>)[k];
    if (!allowed) throw new Error(`unknown dialect knob ${JSON.stringify(k)} (knobs: ${Object.keys(KNOBS).join(', ')})`);
    if (v === undefined) continue;
    if (!allowed.includes(v)) throw new Error(`dialect knob ${k} must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${JSON.stringify(v)}`);
    out[k] = v;
  }
  return out as unknown as DialectOptions;
}

const OPAQUE_PREFIX = 'ord_';

/** An order id as this dialect writes it. */
export function externalOrderId(d: DialectOptions, id: number): number | string {
  return d.orderIds === 'opaque' ? `${OPAQUE_PREFIX}${id}` : id;
}

/** An order id as the dialect's client sent it → the sandbox's own (a wrong-dialect id stays unknown). */
export function internalOrderId(d: DialectOptions, raw: string): string {
  const t = raw.trim();
  if (d.orderIds === 'numeric') return t;
  return t.startsWith(OPAQUE_PREFIX) && /^\d+$/.test(t.slice(OPAQUE_PREFIX.length)) ? t.slice(OPAQUE_PREFIX.length) : `x${t}`;
}

export const INCORRECT_REQUEST = 'Incorrect request';

/**
 * Rewrite the request's params into the spec's (ids, dialect-only forms), or refuse what the
 * dialect does not speak. Returns the params the spec actions read.
 */
export function readRequest(d: DialectOptions, action: string, params: Record<string, string>): Record<string, string> {
  if (action === 'multiStatus' && d.multiStatus !== 'answer') {
    if (d.multiStatus === 'http400') throw new ApiError(400, `Unsupported action: ${action}`);
    throw new ApiError(200, INCORRECT_REQUEST);
  }
  if (action === 'status' && !d.statusOrders && !(params.order ?? '').trim() && (params.orders ?? '').trim()) {
    throw new ApiError(400, 'Missing required field `order`');
  }
  if (action === 'cancel' && d.cancelForm === 'order' && (params.orders ?? '').trim()) throw new ApiError(200, INCORRECT_REQUEST);
  if (action === 'cancel' && d.cancelForm === 'orders' && !(params.orders ?? '').trim() && (params.order ?? '').trim()) {
    throw new ApiError(400, 'Missing required field `orders`');
  }
  const out: Record<string, string> = Object.assign(Object.create(null), params);
  if (action === 'cancel' && d.cancelForm === 'order' && (params.order ?? '').trim()) {
    out.orders = params.order!;
    delete out.order;
  }
  if (d.orderIds === 'opaque' && action !== 'refill_status') {
    if (out.order !== undefined) out.order = internalOrderId(d, out.order);
    if (out.orders !== undefined) out.orders = out.orders.split(',').map((id) => internalOrderId(d, id)).join(',');
  }
  return out;
}

const MONEY_FIELDS = new Set(['balance', 'charge', 'rate']);

function restatus(d: DialectOptions, entry: Record<string, unknown>): Record<string, unknown> {
  const out = { ...entry };
  if (d.remainsUnknown && out.status === 'Pending') out.remains = 'Unknown';
  if (d.statusCase === 'lower' && typeof out.status === 'string') out.status = out.status.toLowerCase();
  if (d.money === 'number') for (const k of Object.keys(out)) if (MONEY_FIELDS.has(k) && typeof out[k] === 'string') out[k] = Number(out[k]);
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function orderOf(d: DialectOptions, v: unknown): unknown {
  if (typeof v === 'number') return externalOrderId(d, v);
  if (typeof v !== 'string' || d.orderIds === 'numeric') return v;
  // Back to what the client sent: a known id in its opaque form, an unknown one as given.
  return /^\d+$/.test(v) ? externalOrderId(d, Number(v)) : v.startsWith('x') ? v.slice(1) : v;
}

/** Rewrite a spec answer (a JSON value) into the dialect's. `params` are the request's as sent. */
export function writeAnswer(d: DialectOptions, action: string, params: Record<string, string>, value: unknown): unknown {
  switch (action) {
    case 'balance':
      return isRecord(value) && d.money === 'number' ? { ...value, balance: Number(value.balance) } : value;
    case 'add':
      return isRecord(value) ? { ...value, order: orderOf(d, value.order) } : value;
    case 'status':
    case 'multiStatus': {
      if (!isRecord(value)) return value;
      if ('status' in value && !('error' in value)) return restatus(d, value);
      // Keyed by id (the multi form).
      const out: Record<string, unknown> = {};
      for (const [id, entry] of Object.entries(value)) out[String(orderOf(d, /^\d+$/.test(id) ? Number(id) : id))] = isRecord(entry) && !('error' in entry) ? restatus(d, entry) : entry;
      return out;
    }
    case 'cancel': {
      if (!Array.isArray(value)) return value;
      const flag = d.cancelReply !== 'spec';
      const results = value.map((r: Record<string, unknown>) => {
        const order = orderOf(d, r.order);
        if ('error' in r) return { order, error: r.error };
        return { order, cancel: flag ? 1 : r.cancel };
      });
      if (d.cancelForm === 'order') {
        // One order asked, answered without its id.
        const only = results[0] as Record<string, unknown> | undefined;
        if (!only) return value;
        if ('error' in only) return { error: only.error };
        return d.cancelReply === 'keyed' ? { [String(only.order)]: 1 } : { cancel: only.cancel };
      }
      if (d.cancelReply === 'keyed') return Object.fromEntries(results.map(({ order, ...rest }) => [String(order), rest]));
      return results;
    }
    case 'refill': {
      if (Array.isArray(value)) return value.map((r: Record<string, unknown>) => ({ ...r, order: orderOf(d, r.order) }));
      if (isRecord(value) && 'refill' in value && d.refillReply === 'success') return { success: true, refill: Number(value.refill) };
      return value;
    }
    case 'refill_status': {
      if (Array.isArray(value)) return value.map((r: Record<string, unknown>) => (typeof r.status === 'string' ? restatus(d, r) : r));
      return isRecord(value) && typeof value.status === 'string' ? restatus(d, value) : value;
    }
    default:
      return value;
  }
}

/** The catalog flags as this dialect writes them. */
export function writeFlag(d: DialectOptions, value: boolean): unknown {
  switch (d.catalogFlags) {
    case 'binary':
      return value ? 1 : 0;
    case 'text':
      return value ? 'yes' : 'no';
    default:
      return value;
  }
}

/** HTTP status of an error answer in this dialect (429 keeps its code: it paces clients). */
export function errorStatus(d: DialectOptions, status: number): number {
  return d.errors === 'http200' && status !== 429 ? 200 : status;
}
