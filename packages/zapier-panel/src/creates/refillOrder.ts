/** Refill Order: asks for a refill of one order; a refusal is shown with the Panel's reason. */
import { defineCreate } from 'zapier-platform-core';
import { withPanel } from '../client';

export default defineCreate({
  key: 'refill_order',
  noun: 'Refill',
  display: {
    label: 'Refill Order',
    description: 'Asks the Panel to refill an order (for services that offer refills) and returns the refill id.',
  },
  operation: {
    inputFields: [{ key: 'order', label: 'Order ID', required: true, helpText: 'The Panel order id to refill.' }],
    perform: (z, bundle) =>
      withPanel(z, bundle, async (client) => {
        const result = await client.refill(String(bundle.inputData.order ?? ''));
        if (result.error !== null || result.refill === null) {
          throw new z.errors.Error(`The Panel refused to refill order ${result.order}: ${result.error ?? 'no refill id returned'}`, 'refill_refused', 400);
        }
        return { id: result.refill, refill: result.refill, order: result.order };
      }),
    sample: { id: '1', refill: '1', order: '23501' },
    outputFields: [
      { key: 'refill', label: 'Refill ID', type: 'string' },
      { key: 'order', label: 'Order ID', type: 'string' },
    ],
  },
});
