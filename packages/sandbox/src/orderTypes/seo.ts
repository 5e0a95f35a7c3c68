/** SEO: link + keywords (comma list, or one per line) + quantity. */
import { ApiError } from '../errors';
import { inRange, int, link, text } from './fields';
import type { OrderTypeRule } from './rule';

export const seoType: OrderTypeRule = {
  type: 'SEO',
  fields: ['link', 'keywords', 'quantity'],
  place(p, service) {
    const url = link(p);
    const keywords = text(p, 'keywords').split(/[,\r\n]+/).map((k) => k.trim()).filter(Boolean);
    if (keywords.length === 0) throw new ApiError(400, 'Field `keywords` must hold at least one keyword');
    const quantity = inRange(service, int(p, 'quantity', 1));
    return { quantity, fields: { link: url, keywords: keywords.join(','), quantity: String(quantity) }, bursts: [{ offsetMs: 0, amount: quantity }] };
  },
};
