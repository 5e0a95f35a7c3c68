/** @panel/sandbox: a faithful local Panel (API v2) for trying, testing and benchmarking. */
export { startSandbox, DEFAULT_KEY, DEFAULT_ACCOUNT, API_PATH, ADMIN_PATH } from './sandbox';
export type { Sandbox, SandboxOptions, SeedOrderInput, AccountView } from './sandbox';
export type { OrderView, CatalogOption } from './panel';
export type { Persistence, Snapshot, Changes } from './persistence';
export { openSqlitePersistence } from './persistence';
export { renderService } from './panel';
export { DIALECTS, resolveDialect } from './dialect';
export type { DialectName, DialectOption, DialectOptions } from './dialect';
export { DEFAULT_CATALOG } from './catalog/defaultCatalog';
export { generateCatalog } from './catalog/generate';
export type { FaultSpec, FaultKind } from './faults';
export { FAULT_KINDS } from './faults';
export type { ClockOption } from './clock';
export type { RateLimitOptions } from './rateLimit';
export type { WebhookRetryOptions } from './webhooks';
export { webhookBody, signWebhook, WEBHOOK_TOKEN_QUERY, WEBHOOK_TOKEN_HEADER, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER, WEBHOOK_DELIVERY_HEADER } from './webhooks';
export { MESSAGES } from './errors';
export { OUTCOME_MARKERS, DEFAULT_SPEED_PER_MIN, DEFAULT_START_DELAY_MS, REFILL_START_MS, REFILL_DURATION_MS } from './simulator';
export * as money from './money';
export type {
  Account, AccountInput, Delivery, DeliveryAttempt, Order, OrderStatusName, OrderTypeName, Outcome, Refill,
  RequestLogEntry, ServiceDef, WebhookTarget,
} from './types';
