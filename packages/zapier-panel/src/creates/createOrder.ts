/**
 * Create Order: pick the service, and the fields of its order type appear (dynamic fields from
 * core's orderFields). Core validates and prices; a dry run stops there and sends nothing.
 */
import { isPanelError, orderFields, prepareOrder, type PanelClient, type Service } from '@panel/core';
import { defineCreate, type Bundle, type ZObject } from 'zapier-platform-core';
import { cachedService, cachedServices } from '../catalog';
import { withPanel } from '../client';
import { isYes, toOrderInput, toZapierField } from '../orderFields';

/** The selected service's type fields; a note instead when the type cannot be ordered. */
async function typeFields(z: ZObject, bundle: Bundle) {
  const id = String(bundle.inputData.service ?? '').trim();
  // Zapier loads dynamic fields before the service is picked too.
  if (id === '') return [];
  return withPanel(z, bundle, async (client: PanelClient) => {
    const service = (await cachedServices(z, bundle, client)).find((s) => s.service === id);
    if (!service) return [{ key: 'service_note', type: 'copy' as const, helpText: `Service ${id} is not in the Panel's catalog: pick another service.` }];
    const fields = orderFields(service.type ?? service.type_raw);
    if (fields.length > 0) return fields.map(toZapierField);
    return [{ key: 'service_note', type: 'copy' as const, helpText: whyNotOrderable(service) }];
  });
}

/** A type without fields is one core refuses to order (e.g. Subscriptions): show core's reason. */
function whyNotOrderable(service: Service): string {
  try {
    prepareOrder(service, {});
  } catch (err) {
    if (isPanelError(err) && err.code === 'unsupported_order_type') return err.message;
  }
  return `Service ${service.service} (${service.type_raw}) needs no further fields.`;
}

function summary(service: Service) {
  return { service: service.service, service_name: service.name, category: service.category, rate: service.rate };
}

const perform = (z: ZObject, bundle: Bundle) =>
  withPanel(z, bundle, async (client) => {
    // The cached catalog (5 min per connection): not 4 MB on every Zap run.
    const service = await cachedService(z, bundle, client, String(bundle.inputData.service ?? ''));
    const fields = orderFields(service.type ?? service.type_raw);
    const prepared = await client.prepareOrder(service, toOrderInput(fields, bundle.inputData));
    const { action: _action, ...sent } = prepared.form;
    const priced = {
      ...summary(service),
      type: prepared.type,
      quantity: prepared.quantity,
      quantity_rule: prepared.quantity_rule,
      quantity_explained: prepared.quantity_explained,
      charge: prepared.charge,
      fields: sent,
    };
    if (isYes(bundle.inputData.dry_run)) return { id: `dry-run:${service.service}`, order: null, dry_run: true, ...priced };
    const { order } = await client.add(prepared.form);
    return { id: order, order, dry_run: false, ...priced };
  });

export default defineCreate({
  key: 'create_order',
  noun: 'Order',
  display: {
    label: 'Create Order',
    description: 'Places an order for a Panel service. Pick the service first: the fields its order type needs appear below.',
  },
  operation: {
    inputFields: [
      {
        key: 'service',
        label: 'Service',
        required: true,
        dynamic: 'service_list.id.label',
        altersDynamicFields: true,
        helpText: 'The service to order. Its order type decides the fields below.',
      },
      {
        key: 'dry_run',
        label: 'Dry Run',
        type: 'boolean',
        required: false,
        default: 'false',
        helpText: 'Yes: validate the order and estimate its charge without placing it.',
      },
      typeFields,
    ],
    perform,
    sample: {
      id: '23501',
      order: '23501',
      dry_run: false,
      service: '1',
      service_name: 'Followers',
      category: 'First Category',
      rate: '0.9',
      type: 'Default',
      quantity: 1000,
      quantity_rule: 'sent',
      quantity_explained: 'Quantity 1000',
      charge: '0.9',
      fields: { service: '1', link: 'https://instagram.com/example', quantity: '1000' },
    },
    outputFields: [
      { key: 'order', label: 'Order ID', type: 'string' },
      { key: 'dry_run', label: 'Dry Run', type: 'boolean' },
      { key: 'type', label: 'Order Type', type: 'string' },
      { key: 'quantity', label: 'Billed Quantity', type: 'integer' },
      { key: 'quantity_explained', label: 'Billed Quantity, Explained', type: 'string' },
      { key: 'charge', label: 'Estimated Charge', type: 'string' },
    ],
  },
});
