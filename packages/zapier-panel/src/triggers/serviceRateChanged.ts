/**
 * Polling: a service's rate changes. The id is `service:rate`, so Zapier's dedupe fires once
 * for each new rate of a service (and once for a newly listed service: its rate is new too).
 */
import { defineTrigger } from 'zapier-platform-core';
import { contains, idList, newestFirst } from '../catalog';
import { withPanel } from '../client';
import { SERVICE_OUTPUT_FIELDS, SERVICE_SAMPLE } from '../samples';

export default defineTrigger({
  key: 'service_rate_changed',
  noun: 'Service',
  display: {
    label: 'Service Rate Changed',
    description: "Triggers when the rate of a service in your Panel's catalog changes.",
  },
  operation: {
    inputFields: [
      {
        key: 'services',
        label: 'Services',
        dynamic: 'service_list.id.label',
        list: true,
        required: false,
        helpText: 'Watch only these services. Leave empty to watch the whole catalog.',
      },
      {
        key: 'category',
        label: 'Category Contains',
        required: false,
        helpText: 'Only services whose category contains this text (any case).',
      },
    ],
    perform: (z, bundle) =>
      withPanel(z, bundle, async (client) => {
        const watched = new Set(idList(bundle.inputData.services, 'services'));
        const services = await client.services();
        return newestFirst(services)
          .filter((s) => watched.size === 0 || watched.has(s.service))
          .filter((s) => contains(s.category, bundle.inputData.category))
          .map((s) => ({ ...s, id: `${s.service}:${s.rate}` }));
      }),
    sample: { ...SERVICE_SAMPLE, id: '1:0.9' },
    outputFields: SERVICE_OUTPUT_FIELDS,
  },
});
