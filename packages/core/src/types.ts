/**
 * The data shapes of docs/CONTRACT.md. snake_case on purpose: they are user-facing output
 * in n8n and Zapier. Money is always an exact decimal string.
 */

/** What a host's transport hands back (see PanelRuntime in the runtime module). */
export interface TransportResponse {
  status: number;
  headers: Record<string, string | undefined>;
  body: string;
}

export type OrderTypeName =
  | 'Default'
  | 'SEO'
  | 'Custom Comments'
  | 'Custom Comments Package'
  | 'Poll'
  | 'Subscriptions'
  | 'Invites from Groups'
  | 'Package';

/** The actions this package speaks (the spec's, plus the de facto refill actions). */
export type PanelAction =
  | 'balance'
  | 'services'
  | 'add'
  | 'status'
  | 'multiStatus'
  | 'cancel'
  | 'refill'
  | 'refill_status';

/** A raw value as the Panel sent it, kept beside its normalised form (`<field>_raw`). */
export type RawValue = string | number | boolean;

export interface Balance {
  /** Canonical decimal text (see decimalText): "4.50" → "4.5". */
  balance: string;
  /** The Panel's own spelling, only when it differs in type or text. */
  balance_raw?: RawValue;
  currency: string;
}

export interface Service {
  service: string;
  name: string;
  /** Normalised type; null when the catalog names a type this package does not know. */
  type: OrderTypeName | null;
  /** The type exactly as the catalog spelled it. */
  type_raw: string;
  /** Price per 1000 units, canonical exact decimal. */
  rate: string;
  /** The catalog's spelling of the rate, only when it differs in type or text. */
  rate_raw?: RawValue;
  min: number;
  max: number;
  category: string;
  /** Catalog extras most Panels list; absent when the catalog does not say. */
  refill?: boolean;
  cancel?: boolean;
  dripfeed?: boolean;
  /** The service's description text (`desc` or `description` in the catalog). */
  desc?: string;
  [extra: string]: unknown;
}

export type OrderFieldKind = 'url' | 'string' | 'lines' | 'list' | 'integer' | 'date';

export interface OrderField {
  /** The form field sent to the Panel, e.g. 'answer_number'. */
  name: string;
  label: string;
  description: string;
  kind: OrderFieldKind;
  required: boolean;
  default?: string | number;
  min?: number;
}

export type QuantityRule = 'sent' | 'comment_lines' | 'posts_x_max' | 'fixed';

/** What a caller gives for an order: field name → value (strings, numbers, or lists for lines/list fields). */
export type OrderInput = Record<string, string | number | boolean | ReadonlyArray<string | number> | null | undefined>;

export interface PreparedOrder {
  service: Service;
  type: OrderTypeName;
  /** action=add, service, then the type's fields, all as strings (no key). */
  form: Record<string, string>;
  /** The quantity that will be billed. */
  quantity: number;
  quantity_rule: QuantityRule;
  /** The billed quantity in words, e.g. "Quantity 100 × 3 runs", "3 comment lines", "Fixed by the service". */
  quantity_explained: string;
  /** Estimated charge: rate × quantity / 1000, exact decimal. */
  charge: string;
  currency?: string;
}

export interface AddResult {
  order: string;
}

export type CanonicalStatus = 'Pending' | 'In progress' | 'Completed' | 'Partial' | 'Canceled' | 'Failed' | 'Unknown';

export interface OrderStatus {
  order: string;
  status: CanonicalStatus;
  status_raw: string;
  final: boolean;
  /** Canonical decimal text; `charge_raw` holds the Panel's spelling where it differs. */
  charge: string | null;
  charge_raw?: RawValue;
  start_count: number | null;
  /** Only when start_count could not be read as a whole number. */
  start_count_raw?: RawValue;
  remains: number | null;
  /** Only when remains could not be read as a whole number (e.g. "Unknown"). */
  remains_raw?: RawValue;
  currency: string | null;
}

/** A per-id error in multiStatus is data, not a failed call. */
export type StatusResult = (OrderStatus & { error: null }) | { order: string; error: string };

export interface CancelResult {
  order: string;
  canceled: boolean;
  error: string | null;
}

export interface RefillResult {
  order: string;
  refill: string | null;
  error: string | null;
}

export interface RefillStatus {
  refill: string;
  status: CanonicalStatus | null;
  status_raw: string | null;
  final: boolean;
  error: string | null;
}

/** A webhook order update, normalised like OrderStatus (order = order_id; currency null unless sent). */
export interface OrderUpdate extends OrderStatus {}
