/** Find Service: by id, or by name and/or category (case-insensitive "contains"). */
import { defineSearch } from 'zapier-platform-core';
import { contains } from '../catalog';
import { withPanel } from '../client';
import { SERVICE_OUTPUT_FIELDS, SERVICE_SAMPLE } from '../samples';

export default defineSearch({
  key: 'find_service',
  noun: 'Service',
  display: { label: 'Find Service', description: "Finds a service in your Panel's catalog by id, or by name and category." },
  operation: {
    inputFields: [
      { key: 'service', label: 'Service ID', required: false, helpText: 'The exact service id. When given, name and category are ignored.' },
      { key: 'name', label: 'Name Contains', required: false, helpText: 'Text the service name contains (any case).' },
      { key: 'category', label: 'Category Contains', required: false, helpText: 'Text the service category contains (any case).' },
    ],
    perform: (z, bundle) =>
      withPanel(z, bundle, async (client) => {
        const input = bundle.inputData as Record<string, unknown>;
        const text = (k: string) => String(input[k] ?? '').trim();
        const [id, name, category] = [text('service'), text('name'), text('category')];
        if (!id && !name && !category) {
          throw new z.errors.Error('Fill in "service" (an id), or "name" and/or "category" to search by.', 'validation:service', 400);
        }
        const services = await client.services();
        const found = id ? services.filter((s) => s.service === id) : services.filter((s) => contains(s.name, name) && contains(s.category, category));
        return found.map((s) => ({ ...s, id: s.service }));
      }),
    sample: SERVICE_SAMPLE,
    outputFields: SERVICE_OUTPUT_FIELDS,
  },
});
