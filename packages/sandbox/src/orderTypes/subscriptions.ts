/** Subscriptions: refused through the API with HTTP 400 (spec). Existing subscriptions are
 * seeded through the admin interface (`seedOrder`), which uses `seedSubscription` below. */
import { ApiError, MESSAGES } from '../errors';
import { date, link, optionalInt } from './fields';
import { MINUTE, type OrderTypeRule } from './rule';

export const subscriptionsType: OrderTypeRule = {
  type: 'Subscriptions',
  fields: [],
  place() {
    throw new ApiError(400, MESSAGES.subscriptions);
  },
};

/** How a seeded subscription is placed: username, min, max, posts (default 1), delay, expiry;
 * billed like a package at posts × max, delivered max per post. */
export const seedSubscription: OrderTypeRule['place'] = (p, service) => {
  const username = link(p, 'username');
  const min = optionalInt(p, 'min', 1) ?? service.min;
  const max = optionalInt(p, 'max', 1) ?? Math.max(min, service.min);
  if (min > max) throw new ApiError(400, 'Field `min` must not exceed `max`');
  const posts = optionalInt(p, 'posts', 1) ?? 1;
  const delay = optionalInt(p, 'delay', 0) ?? 0;
  const expiry = date(p, 'expiry');
  const fields: Record<string, string> = { username, min: String(min), max: String(max), posts: String(posts), delay: String(delay) };
  if (expiry) fields.expiry = expiry;
  return { quantity: posts * max, fields, bursts: Array.from({ length: posts }, (_, i) => ({ offsetMs: i * delay * MINUTE, amount: max })) };
};
