/** Default: link + quantity, optional drip-feed (runs × interval). */
import { defineOrderType } from './define';
import { integerField } from './fields';
import { linkField, quantityField } from './common-fields';

export const defaultOrder = defineOrderType({
  type: 'Default',
  description: 'A link and a quantity; optionally drip-fed in runs at an interval (then quantity is per run).',
  quantityRule: 'sent',
  fields: [
    linkField(),
    quantityField(),
    integerField('runs', {
      label: 'Runs',
      description: 'Drip-feed: how many runs to deliver the quantity in (each run delivers the quantity). Give it together with Interval.',
      required: false,
      min: 1,
    }),
    integerField('interval', {
      label: 'Interval',
      description: 'Drip-feed: minutes between runs. Give it together with Runs.',
      required: false,
      min: 1,
    }),
  ],
  refine: (v, ctx) => {
    // Drip-feed needs both halves; one alone would be silently ignored or refused.
    if (v.runs !== undefined && v.interval === undefined) {
      ctx.addIssue({ code: 'custom', path: ['interval'], message: 'Interval ("interval") is required when Runs is given: the minutes between drip-feed runs.' });
    }
    if (v.interval !== undefined && v.runs === undefined) {
      ctx.addIssue({ code: 'custom', path: ['runs'], message: 'Runs ("runs") is required when Interval is given: how many drip-feed runs to deliver.' });
    }
  },
  // Catalogs that list `dripfeed` say per service whether runs/interval are accepted.
  serviceRule: (v, service) => {
    if (v.runs === undefined) return null;
    const flag = service.dripfeed;
    const off = flag === false || flag === 0 || (typeof flag === 'string' && /^(0|false|no)$/i.test(flag.trim()));
    return off
      ? { field: 'runs', message: `Service ${service.service} does not offer drip-feed: leave Runs and Interval empty, or pick a service with drip-feed.` }
      : null;
  },
});
