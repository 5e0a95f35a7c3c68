/** Custom Comments: link + comments; the quantity is the number of non-empty lines (a sent
 * `quantity` is ignored, as the spec says it is inferred). */
import { inRange, link, lines } from './fields';
import type { OrderTypeRule } from './rule';

export const customCommentsType: OrderTypeRule = {
  type: 'Custom Comments',
  fields: ['link', 'comments'],
  place(p, service) {
    const url = link(p);
    const comments = lines(p, 'comments');
    const quantity = inRange(service, comments.length, 'comments (number of non-empty lines)');
    return { quantity, fields: { link: url, comments: comments.join('\n') }, bursts: [{ offsetMs: 0, amount: quantity }] };
  },
};
