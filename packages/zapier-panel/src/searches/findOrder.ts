/** Find Order: the status of one order by id; an id the Panel does not know is "not found". */
import { defineSearch } from 'zapier-platform-core';
import { withPanel } from '../client';
import { ORDER_STATUS_OUTPUT_FIELDS, ORDER_STATUS_SAMPLE } from '../samples';

export default defineSearch({
  key: 'find_order',
  noun: 'Order',
  display: { label: 'Find Order', description: 'Finds an order by id and returns its current status.' },
  operation: {
    inputFields: [{ key: 'order', label: 'Order ID', required: true, helpText: 'The Panel order id.' }],
    perform: (z, bundle) =>
      withPanel(z, bundle, async (client) => {
        // multiStatus reports an unknown id as data, where single `status` would fail the step.
        const [result] = await client.statuses([String(bundle.inputData.order ?? '')]);
        if (!result || result.error !== null) return [];
        const { error: _error, ...status } = result;
        return [{ id: status.order, ...status }];
      }),
    sample: { ...ORDER_STATUS_SAMPLE, id: ORDER_STATUS_SAMPLE.order },
    outputFields: ORDER_STATUS_OUTPUT_FIELDS,
  },
});
