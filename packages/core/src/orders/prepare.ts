/**
 * Dry run of an order: validate what the user gave against the service's type, normalise
 * it into the exact form the Panel receives, work out the billed quantity, check it against
 * the service's min/max and price it exactly. Nothing is sent.
 */
import { PanelUnsupportedOrderTypeError, PanelValidationError } from '../errors';
import { Decimal } from '../money';
import type { OrderInput, OrderTypeName, PreparedOrder, QuantityRule, Service } from '../types';
import type { OrderValues } from './define';
import { SUBSCRIPTIONS_REFUSAL } from './subscriptions';
import { ORDER_TYPES, normalizeServiceType } from './table';
import { readInteger } from '../integers';

export interface PrepareOptions {
  /** Currency to report beside the estimate (services carry none in the spec). */
  currency?: string;
}

interface Billed {
  quantity: number;
  /** The input to blame when the quantity is outside the service's min/max. */
  field: string;
  /** How the quantity came about, for the message. */
  how: string;
  /** The number the service's min/max bound, or null when they do not apply. */
  checked: number | null;
}

/** Billed quantity per rule (data over branches). */
const BILLED: Record<QuantityRule, (v: OrderValues, s: Service) => Billed> = {
  // Drip-feed (runs) delivers `quantity` on each run: the min/max bound one run, the bill is all runs.
  sent: (v) => {
    const q = Number(v.quantity);
    const runs = v.runs === undefined ? 1 : Number(v.runs);
    return { quantity: q * runs, field: 'quantity', how: runs > 1 ? `quantity ${q} × ${runs} runs` : `quantity ${q}`, checked: q };
  },
  comment_lines: (v) => {
    const n = (v.comments ?? '').split('\n').length;
    return { quantity: n, field: 'comments', how: `${n} comment line${n === 1 ? '' : 's'}`, checked: n };
  },
  posts_x_max: (v) => {
    const posts = v.posts === undefined ? 1 : Number(v.posts);
    const max = Number(v.max);
    return { quantity: posts * max, field: 'max', how: `posts ${posts} × max ${max}`, checked: posts * max };
  },
  // The spec gives no field for a package's size: the service's `quantity` when the catalog
  // has one, else its `min`.
  fixed: (_v, s) => {
    const q = readInteger(s.quantity);
    return { quantity: q !== null && q > 0 ? q : s.min, field: 'service', how: 'fixed by the service', checked: null };
  },
};

/** For a range failure: the value range of the field that is checked per unit. */
function rangeMessage(b: Billed, s: Service, type: OrderTypeName): string {
  const range = `between ${s.min} and ${s.max}`;
  switch (b.field) {
    case 'comments':
      return `Comments ("comments") give ${b.how}, but service ${s.service} takes ${range} comments: add or remove lines.`;
    case 'max':
      return `Custom Comments Package bills ${b.how} = ${b.quantity}, but service ${s.service} takes ${range}: change Posts or Max.`;
    default:
      return `Quantity ("quantity") must be ${range} for service ${s.service} (${type}), got ${b.checked}.`;
  }
}

function checkService(service: Service): void {
  if (!service || typeof service !== 'object') {
    throw new PanelValidationError('The service is missing: pick a service from the Panel catalog (or give its id).', { field: 'service' });
  }
  if (typeof service.service !== 'string' || service.service.trim() === '') {
    throw new PanelValidationError('The service has no id: pick a service from the Panel catalog.', { field: 'service' });
  }
  if (Decimal.tryParse(service.rate) === null) {
    throw new PanelValidationError(`Service ${service.service} has no valid rate ("${String(service.rate)}"): reload the catalog.`, { field: 'service' });
  }
  if (!Number.isSafeInteger(service.min) || !Number.isSafeInteger(service.max)) {
    throw new PanelValidationError(`Service ${service.service} has no valid min/max: reload the catalog.`, { field: 'service' });
  }
}

/** The order type of a service, refusing what cannot be ordered through the API. */
export function orderTypeOf(service: Service): OrderTypeName {
  const type = normalizeServiceType(service.type) ?? normalizeServiceType(service.type_raw);
  if (type === null) {
    const raw = String(service.type_raw ?? service.type ?? '');
    throw new PanelUnsupportedOrderTypeError(
      `Service ${service.service} has the type "${raw}", which is none of the eight Panel order types (Default, SEO, Custom Comments, Custom Comments Package, Poll, Subscriptions, Invites from Groups, Package). Pick another service, or send the order raw with add().`,
      { type: raw, action: 'add' },
    );
  }
  if (!ORDER_TYPES[type].creatable) {
    throw new PanelUnsupportedOrderTypeError(`Service ${service.service} is a Subscriptions service. ${SUBSCRIPTIONS_REFUSAL}`, {
      type,
      action: 'add',
    });
  }
  return type;
}

/**
 * Validate and price an order for `service` without sending anything. Throws
 * PanelValidationError (with `field`) or PanelUnsupportedOrderTypeError.
 */
export function prepareOrder(service: Service, input: OrderInput, opts: PrepareOptions = {}): PreparedOrder {
  checkService(service);
  const type = orderTypeOf(service);
  const def = ORDER_TYPES[type];
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new PanelValidationError(`The order input must be an object of fields (${def.fields.map((f) => f.name).join(', ')}).`, {
      field: 'input',
    });
  }
  let parsed: ReturnType<typeof def.schema.safeParse>;
  try {
    parsed = def.schema.safeParse(input);
  } catch {
    // Getters that throw, exotic objects …: still a typed error naming what to fix.
    throw new PanelValidationError(`The order input could not be read; give plain values for ${def.fields.map((f) => f.name).join(', ')}.`, {
      field: 'input',
      action: 'add',
    });
  }
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const first = issues[0];
    const field = first && first.path.length > 0 ? String(first.path[0]) : 'input';
    const message = issues.map((i) => i.message).join(' ');
    throw new PanelValidationError(`Order for service ${service.service} (${type}): ${message}`, { field, action: 'add' });
  }
  const values = parsed.data;
  const ruleProblem = def.serviceRule?.(values, service);
  if (ruleProblem) throw new PanelValidationError(ruleProblem.message, { field: ruleProblem.field, action: 'add' });
  const billed = BILLED[def.quantityRule](values, service);
  if (!Number.isSafeInteger(billed.quantity) || billed.quantity <= 0) {
    throw new PanelValidationError(`The billed quantity (${billed.how}) is not a positive whole number; check ${billed.field}.`, {
      field: billed.field,
      action: 'add',
    });
  }
  if (billed.checked !== null && (billed.checked < service.min || billed.checked > service.max)) {
    throw new PanelValidationError(rangeMessage(billed, service, type), { field: billed.field, action: 'add' });
  }

  const form: Record<string, string> = { action: 'add', service: service.service };
  for (const f of def.fields) {
    const v = values[f.name];
    if (v !== undefined) form[f.name] = v;
  }
  const charge = Decimal.parse(service.rate).costFor(BigInt(billed.quantity)).toString();
  const explained = billed.how.charAt(0).toUpperCase() + billed.how.slice(1);
  const out: PreparedOrder = { service, type, form, quantity: billed.quantity, quantity_rule: def.quantityRule, quantity_explained: explained, charge };
  const currency = opts.currency ?? (typeof service.currency === 'string' && service.currency !== '' ? service.currency : undefined);
  if (currency !== undefined) out.currency = currency;
  return out;
}
