/** Custom Comments Package: username, min, max, delay, posts (default 1), old_posts, expiry.
 * Billed at posts × max; each post actually gets between min and max comments (a
 * deterministic pick), and the undelivered part is refunded pro rata at completion. */
import { ApiError } from '../errors';
import { date, int, link, optionalInt } from './fields';
import { MINUTE, type OrderTypeRule } from './rule';

/** Deterministic "random" comment count for post `i` of `username`, in [min, max]. */
function commentsForPost(username: string, i: number, min: number, max: number): number {
  let h = 2166136261 ^ i;
  for (const ch of username) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return min + ((h >>> 0) % (max - min + 1));
}

export const customCommentsPackageType: OrderTypeRule = {
  type: 'Custom Comments Package',
  fields: ['username', 'min', 'max', 'delay', 'posts', 'old_posts', 'expiry'],
  place(p, service) {
    const username = link(p, 'username');
    const min = int(p, 'min', 1);
    const max = int(p, 'max', 1);
    if (min > max) throw new ApiError(400, 'Field `min` must not exceed `max`');
    const delay = int(p, 'delay', 0);
    const posts = optionalInt(p, 'posts', 1) ?? 1;
    if (posts > 1000) throw new ApiError(400, 'Field `posts` must be at most 1000');
    // The service's min/max bound the billed total (posts × max), the quantity of this type.
    const total = posts * max;
    if (total < service.min || total > service.max) {
      throw new ApiError(400, `Total comments (posts × max = ${total}) must be between ${service.min} and ${service.max} for service ${service.service}`);
    }
    const oldPosts = optionalInt(p, 'old_posts', 0);
    const expiry = date(p, 'expiry');
    const fields: Record<string, string> = { username, min: String(min), max: String(max), delay: String(delay), posts: String(posts) };
    if (oldPosts !== undefined) fields.old_posts = String(oldPosts);
    if (expiry !== undefined) fields.expiry = expiry;
    const bursts = Array.from({ length: posts }, (_, i) => ({ offsetMs: i * delay * MINUTE, amount: commentsForPost(username, i, min, max) }));
    return { quantity: posts * max, fields, bursts };
  },
};
