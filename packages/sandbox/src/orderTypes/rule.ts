import type { OrderTypeName, ServiceDef } from '../types';
import type { Params } from './fields';

/** What the Panel makes of a valid `add`: the billed quantity and how it will be delivered. */
export interface Placement {
  quantity: number;
  /** Accepted fields, trimmed (stored on the order and shown by the admin interface). */
  fields: Record<string, string>;
  /** Delivery bursts relative to the start: `amount` units from `offsetMs` on. Sum ≤ quantity. */
  bursts: Array<{ offsetMs: number; amount: number }>;
}

export interface OrderTypeRule {
  type: OrderTypeName;
  /** Fields this type reads besides key/action/service. */
  fields: readonly string[];
  /** Validate the fields the Panel's way (ApiError 400 naming the field) and place the order. */
  place(params: Params, service: ServiceDef): Placement;
}

export const MINUTE = 60_000;
