/** Poll: link + quantity + answer_number (1, 2, 3 …). */
import { inRange, int, link } from './fields';
import type { OrderTypeRule } from './rule';

export const pollType: OrderTypeRule = {
  type: 'Poll',
  fields: ['link', 'quantity', 'answer_number'],
  place(p, service) {
    const url = link(p);
    const quantity = inRange(service, int(p, 'quantity', 1));
    const answer = int(p, 'answer_number', 1);
    return { quantity, fields: { link: url, quantity: String(quantity), answer_number: String(answer) }, bursts: [{ offsetMs: 0, amount: quantity }] };
  },
};
