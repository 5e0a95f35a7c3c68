/** Polling: a service appears in the Panel's catalog (deduped on the service id). */
import { defineTrigger } from 'zapier-platform-core';
import { contains, newestFirst } from '../catalog';
import { withPanel } from '../client';
import { SERVICE_OUTPUT_FIELDS, SERVICE_SAMPLE } from '../samples';

export default defineTrigger({
  key: 'new_service',
  noun: 'Service',
  display: {
    label: 'New Service',
    description: "Triggers when a new service appears in your Panel's catalog.",
  },
  operation: {
    inputFields: [
      {
        key: 'category',
        label: 'Category Contains',
        required: false,
        helpText: 'Only services whose category contains this text (any case). Leave empty for all.',
      },
    ],
    perform: (z, bundle) =>
      withPanel(z, bundle, async (client) => {
        const services = await client.services();
        return newestFirst(services)
          .filter((s) => contains(s.category, bundle.inputData.category))
          .map((s) => ({ ...s, id: s.service }));
      }),
    sample: SERVICE_SAMPLE,
    outputFields: SERVICE_OUTPUT_FIELDS,
  },
});
