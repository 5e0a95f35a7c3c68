/** Cancel Orders: one request for all ids; the Panel's per-order answers are returned as data. */
import { defineCreate } from 'zapier-platform-core';
import { idList } from '../catalog';
import { withPanel } from '../client';

export default defineCreate({
  key: 'cancel_orders',
  noun: 'Order',
  display: {
    label: 'Cancel Orders',
    description: 'Asks the Panel to cancel one or more orders and reports, per order, whether it was accepted.',
  },
  operation: {
    inputFields: [
      { key: 'orders', label: 'Order IDs', list: true, required: true, helpText: 'The Panel order ids to cancel.' },
    ],
    perform: (z, bundle) =>
      withPanel(z, bundle, async (client) => {
        const ids = idList(bundle.inputData.orders, 'orders');
        if (ids.length === 0) throw new z.errors.Error('Check the "orders" field: list at least one order id to cancel.', 'validation:orders', 400);
        const results = await client.cancel(ids);
        const canceled = results.filter((r) => r.canceled).map((r) => r.order);
        const failed = results.filter((r) => !r.canceled);
        return {
          id: ids.join(','),
          canceled_count: canceled.length,
          failed_count: failed.length,
          canceled_orders: canceled.join(','),
          failed_orders: failed.map((r) => r.order).join(','),
          results,
        };
      }),
    sample: {
      id: '23501,23502',
      canceled_count: 1,
      failed_count: 1,
      canceled_orders: '23501',
      failed_orders: '23502',
      results: [
        { order: '23501', canceled: true, error: null },
        { order: '23502', canceled: false, error: 'Incorrect order ID' },
      ],
    },
    outputFields: [
      { key: 'canceled_count', label: 'Canceled', type: 'integer' },
      { key: 'failed_count', label: 'Not Canceled', type: 'integer' },
      { key: 'canceled_orders', label: 'Canceled Order IDs', type: 'string' },
      { key: 'failed_orders', label: 'Not Canceled Order IDs', type: 'string' },
    ],
  },
});
