/** Default: link + quantity, optional drip-feed (runs × quantity, one run every `interval` minutes). */
import { ApiError } from '../errors';
import { inRange, int, link, optionalInt } from './fields';
import { MINUTE, type OrderTypeRule, type Placement } from './rule';

export const defaultType: OrderTypeRule = {
  type: 'Default',
  fields: ['link', 'quantity', 'runs', 'interval'],
  place(p, service): Placement {
    const url = link(p);
    const quantity = inRange(service, int(p, 'quantity', 1));
    const runs = optionalInt(p, 'runs', 1);
    const interval = optionalInt(p, 'interval', 1);
    if (runs === undefined && interval === undefined) {
      return { quantity, fields: { link: url, quantity: String(quantity) }, bursts: [{ offsetMs: 0, amount: quantity }] };
    }
    if (!service.dripfeed) throw new ApiError(400, `Drip-feed (runs/interval) is not available for service ${service.service}`);
    if (runs === undefined) throw new ApiError(400, 'Field `runs` is required with `interval` (drip-feed)');
    if (interval === undefined) throw new ApiError(400, 'Field `interval` is required with `runs` (drip-feed)');
    if (runs > 1000) throw new ApiError(400, 'Field `runs` must be at most 1000');
    // Drip-feed: each run delivers `quantity`; the order is billed for quantity × runs.
    const bursts = Array.from({ length: runs }, (_, i) => ({ offsetMs: i * interval * MINUTE, amount: quantity }));
    return {
      quantity: quantity * runs,
      fields: { link: url, quantity: String(quantity), runs: String(runs), interval: String(interval) },
      bursts,
    };
  },
};
