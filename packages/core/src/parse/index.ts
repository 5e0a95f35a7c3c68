/**
 * Reading Panel replies: `interpretResponse` maps HTTP status / body to JSON or a PanelError;
 * then one tolerant parser per action validates and normalises the JSON into the CONTRACT.md
 * shapes. Ids passed to the multi parsers fix the order of results (input order).
 * Every parser throws PanelMalformedResponseError (reason wrong_shape) and nothing else.
 */
export { interpretResponse, utf8Length, DEFAULT_MAX_RESPONSE_BYTES } from './interpret';
export { getHeader } from '../headers';
export { parseRetryAfter, parseRateLimitReset, rateLimitWaitMs, rateLimitExhausted, saysTooManyRequests } from './rate-limit';
export { isPanelJsonError } from './panel-error';
export type { InterpretOptions } from './interpret';
export type { ParseOptions } from './options';
export { readId, readInt, readDecimal, readFlag } from './read';
export { parseBalance } from './balance';
export { parseServices, serviceFeatures } from './services';
export { parseAdd } from './add';
export { parseStatus } from './status';
export { parseMultiStatus } from './multi-status';
export { parseCancel } from './cancel';
export { parseRefill, parseRefills } from './refill';
export { parseRefillStatus, parseRefillStatuses } from './refill-status';
export { parseReply, REPLY_KINDS } from './reply';
export type { ReplyData } from './reply';
