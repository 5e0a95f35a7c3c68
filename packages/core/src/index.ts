/**
 * @panel/core — the Panel API v2 protocol, host-agnostic. Nothing reachable from this file
 * touches timers, `process`, `globalThis` or an HTTP library: effects come from the
 * PanelRuntime the host passes in. (The undici runtime lives in `@panel/core/node`.)
 */

// Data shapes and errors
export * from './types';
export * from './errors';

// Protocol knowledge: money, statuses, forms, order types, reply parsing, webhooks
export * from './money';
export * from './statuses';
export { encodeForm, decodeForm } from './form';
export { parseId, parseIdList } from './ids';
export type { IdReadOptions } from './ids';
export { readInteger } from './integers';
export type { IntegerReading } from './integers';
export * from './orders';
export * from './parse';
export * from './webhooks';

// The client and its policies
export { PanelClient, DEFAULT_TIMEOUT_MS, DEFAULT_STATUS_CONCURRENCY } from './client';
export type { ClientOptions, CallOptions } from './client';
export { DEFAULT_DIALECT, MULTI_STATUS_ACTIONS, CANCEL_FORMS, refusesMultiStatus, refusesCancelForm } from './dialects';
export type { MultiStatusAction, CancelForm } from './dialects';
export { classifyTransportError, transportFailure, ResponseTooLargeError } from './runtime';
export type { PanelRuntime, TransportRequest, TransportFault, TransportFaultKind, TransportFailureContext, AbortSignalLike } from './runtime';
export {
  DEFAULT_RETRY,
  NO_RETRY,
  READ_ACTIONS,
  isReadAction,
  backoffDelay,
  decideRetry,
  ambiguousWriteFailure,
  resolveRetryOptions,
} from './retry';
export type { RetryOptions, RetryDecision, AttemptContext, RetryEvent } from './retry';
export { findHeader } from './headers';
export type { HeaderBag } from './headers';
export { RateLimiter, DEFAULT_RATE_LIMIT, createLimiter } from './limiter';
export type { RateLimitOptions, LimiterClock } from './limiter';
export { MAX_IDS_PER_REQUEST, normalizeId, normalizeIds, dedupe, chunk, mapConcurrent, fetchBatched } from './batch';
export type { BatchPlan } from './batch';
export { CatalogCache, DEFAULT_CATALOG_TTL_MS, DEFAULT_CATALOG_MAX_ENTRIES } from './catalog-cache';
export type { CatalogCacheOptions, CatalogGetOptions } from './catalog-cache';
export { settleConcurrent } from './concurrency';
export type { Settled, SettleOptions } from './concurrency';
