/** Hidden trigger that feeds the service dropdown (`service_list.id.label`), a page at a time. */
import { defineTrigger } from 'zapier-platform-core';
import { serviceFeatures } from '@panel/core';
import { cachedServices } from '../catalog';
import { withPanel } from '../client';
import { SERVICE_SAMPLE } from '../samples';

export const SERVICE_DROPDOWN_PAGE = 100;

export default defineTrigger({
  key: 'service_list',
  noun: 'Service',
  display: {
    label: 'Service List',
    description: 'Lists the Panel services for the service dropdown.',
    hidden: true,
  },
  operation: {
    canPaginate: true,
    perform: (z, bundle) =>
      withPanel(z, bundle, async (client) => {
        const page = Number(bundle.meta?.page ?? 0) || 0;
        const all = await cachedServices(z, bundle, client);
        return all.slice(page * SERVICE_DROPDOWN_PAGE, (page + 1) * SERVICE_DROPDOWN_PAGE).map((s) => ({
          ...s,
          id: s.service,
          label: `${s.name} (${[`#${s.service}`, s.type_raw, `${s.rate} per 1000`, serviceFeatures(s)].filter(Boolean).join(', ')})`,
        }));
      }),
    sample: { ...SERVICE_SAMPLE, label: 'Followers (#1, Default, 0.9 per 1000, refill, cancel, no drip-feed)' },
  },
});
