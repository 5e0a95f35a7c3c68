/** Invites from Groups: link (target) + groups (one username per line) + quantity. */
import { ApiError } from '../errors';
import { inRange, int, link, lines } from './fields';
import type { OrderTypeRule } from './rule';

export const invitesFromGroupsType: OrderTypeRule = {
  type: 'Invites from Groups',
  fields: ['link', 'groups', 'quantity'],
  place(p, service) {
    const url = link(p);
    const groups = lines(p, 'groups');
    const bad = groups.find((g) => /\s/.test(g));
    if (bad) throw new ApiError(400, `Field \`groups\` must hold one username per line (bad line: ${JSON.stringify(bad.slice(0, 40))})`);
    const quantity = inRange(service, int(p, 'quantity', 1));
    return { quantity, fields: { link: url, groups: groups.join('\n'), quantity: String(quantity) }, bursts: [{ offsetMs: 0, amount: quantity }] };
  },
};
