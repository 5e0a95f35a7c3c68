/** Shapes of the sandbox's state and options. Protocol knowledge of the Panel API lives here
 * and in orderTypes/ + actions/, written from the spec independently of @panel/core. */

export type OrderTypeName =
  | 'Default' | 'SEO' | 'Custom Comments' | 'Custom Comments Package' | 'Poll'
  | 'Subscriptions' | 'Invites from Groups' | 'Package';

export const ORDER_TYPE_NAMES: readonly OrderTypeName[] = [
  'Default', 'SEO', 'Custom Comments', 'Custom Comments Package', 'Poll',
  'Subscriptions', 'Invites from Groups', 'Package',
];

export type OrderStatusName = 'Pending' | 'In progress' | 'Completed' | 'Partial' | 'Canceled' | 'Failed';
export const FINAL_STATUSES: ReadonlySet<OrderStatusName> = new Set(['Completed', 'Partial', 'Canceled', 'Failed']);

/** What an order will end as when the clock reaches its end. */
export type Outcome = 'complete' | 'partial' | 'cancel' | 'fail';

/** A catalog entry as the sandbox holds it (the `services` action renders it as strings). */
export interface ServiceDef {
  service: number;
  name: string;
  type: OrderTypeName;
  rate: string;           // per 1000 units, exact decimal
  min: number;
  max: number;
  category: string;
  /** Package only: the fixed delivered (and billed) quantity; shown as `quantity` in `services`. */
  quantity?: number;
  refill?: boolean;       // refill allowed (default false)
  cancel?: boolean;       // cancel allowed while not final (default true)
  dripfeed?: boolean;     // Default type: runs/interval accepted (default false)
  /** Simulated delivery speed in units per minute (default 1000). */
  speedPerMin?: number;
  /** Simulated time from Pending to In progress, ms (default 60 000). */
  startDelayMs?: number;
}

export interface WebhookTarget {
  url: string;
  token?: string;
  tokenIn?: 'query' | 'header';
  hmacSecret?: string;
  /** Sign `${timestamp}.${body}` and send x-panel-timestamp (default true); false = sign the raw body only. */
  hmacTimestamp?: boolean;
}

export interface Account {
  id: string;             // "acct_1": what logs and the admin interface show instead of the key
  key: string;
  balance: string;
  currency: string;
  webhooks: WebhookTarget[];
}

export interface AccountInput { key: string; balance?: string; currency?: string }

/** One scheduled delivery burst: `amount` units starting at `at` (sim ms) at the service speed. */
export interface Segment { at: number; amount: number }

export interface Order {
  id: number;
  accountId: string;
  service: number;
  type: OrderTypeName;
  /** Submitted fields (without key/action), as the Panel received them. */
  fields: Record<string, string>;
  quantity: number;       // billed units
  charge: string;         // billed amount
  refunded: string;       // refunded so far
  currency: string;
  status: OrderStatusName;
  startCount: number;
  delivered: number;      // units delivered when the order last settled
  createdAt: number;      // sim ms
  startAt: number;        // sim ms when Pending turns In progress (or the outcome hits)
  finishedAt: number | null;
  outcome: Outcome;
  /** Units that will be delivered by the end (≤ quantity). */
  target: number;
  /** The full delivery plan; the first `target` units of it are delivered. */
  plan: Segment[];
  speedPerMin: number;
}

export type RefillStatusName = 'Pending' | 'In progress' | 'Completed' | 'Rejected';

export interface Refill {
  id: number;
  orderId: number;
  accountId: string;
  status: RefillStatusName;
  createdAt: number;
  startAt: number;
  endAt: number;
}

export interface RequestLogEntry {
  seq: number;
  action: string | null;
  status: number;           // HTTP status sent (0 when the connection was reset)
  at: number;               // wall-clock ms epoch
  ms: number;               // handling time
  ip: string;
  account: string | null;   // account id, never the key
  order?: string;           // single `order` / `refill` param
  ids?: string[];           // `orders` / `refills` list
  created?: number;         // order id created by an add
  fault?: string;
  processed: boolean;       // false when a fault stopped the request before it changed anything
}

export interface DeliveryAttempt { at: number; status: number | null; error: string | null }

export interface Delivery {
  id: number;
  accountId: string;
  orderId: number;
  status: OrderStatusName;
  url: string;              // without the token
  body: string;
  headers: Record<string, string>;
  attempts: DeliveryAttempt[];
  state: 'pending' | 'delivered' | 'failed';
  nextAt: number;           // sim ms of the next attempt
}
