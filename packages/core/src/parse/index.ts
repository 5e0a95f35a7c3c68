/**
 * Reading Panel replies: `interpretResponse` maps HTTP status / body to JSON or a PanelError;
 * then one tolerant parser per action validates and normalises the JSON into the CONTRACT.md
 * shapes. Ids passed to the multi parsers fix the order of results (input order).
 */
export { interpretResponse, parseRetryAfter, getHeader, DEFAULT_MAX_RESPONSE_BYTES } from './interpret';
export type { InterpretOptions } from './interpret';
export type { ParseOptions } from './options';
export { parseBalance } from './balance';
export { parseServices } from './services';
export { parseAdd } from './add';
export { parseStatus } from './status';
export { parseMultiStatus } from './multi-status';
export { parseCancel } from './cancel';
export { parseRefill } from './refill';
export { parseRefills } from './refills';
export { parseRefillStatus } from './refill-status';
export { parseRefillStatuses } from './refill-statuses';
