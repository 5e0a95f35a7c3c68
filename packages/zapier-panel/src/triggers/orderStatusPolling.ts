/**
 * Polling: the orders the user lists, through core's batched multiStatus. The id is
 * `order:status`, so Zapier's dedupe fires once for each status an order reaches.
 */
import { defineTrigger } from 'zapier-platform-core';
import { idList } from '../catalog';
import { withPanel } from '../client';
import { ORDER_STATUS_OUTPUT_FIELDS, ORDER_STATUS_SAMPLE } from '../samples';
import { STATUS_FILTER_FIELD, statusFilter } from '../statusFilter';

export default defineTrigger({
  key: 'order_status_polling',
  noun: 'Order',
  display: {
    label: 'Order Status Changed (Polling)',
    description: 'Triggers when one of the orders you list changes status (checked on every poll).',
  },
  operation: {
    inputFields: [
      {
        key: 'orders',
        label: 'Order IDs',
        list: true,
        required: true,
        helpText: 'The Panel order ids to watch (one per row, or comma separated). Any number: they are checked 100 at a time.',
      },
      STATUS_FILTER_FIELD,
    ],
    perform: (z, bundle) =>
      withPanel(z, bundle, async (client) => {
        const ids = idList(bundle.inputData.orders, 'orders');
        if (ids.length === 0) throw new z.errors.Error('Check the "orders" field: list at least one order id to watch.', 'validation:orders', 400);
        const results = await client.statuses(ids);
        const found = results.flatMap((r) => (r.error === null ? [r] : []));
        const failed = results.flatMap((r) => (r.error !== null ? [`${r.order}: ${r.error}`] : []));
        // One unknown id among many is data (logged); none readable at all is a setup error.
        if (found.length === 0 && failed.length > 0) {
          throw new z.errors.Error(`Check the "orders" field: the Panel knows none of these orders (${failed.join('; ')}).`, 'validation:orders', 400);
        }
        if (failed.length > 0) z.console.log(`Skipped orders the Panel did not report: ${failed.join('; ')}`);
        const wanted = statusFilter(bundle.inputData.statuses);
        return found
          .filter((r) => wanted(r.status))
          .map(({ error: _error, ...status }) => ({ id: `${status.order}:${status.status}`, ...status }));
      }),
    sample: ORDER_STATUS_SAMPLE,
    outputFields: ORDER_STATUS_OUTPUT_FIELDS,
  },
});
