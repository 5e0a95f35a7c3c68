/** Find Refill: the status of a refill by id; an id the Panel does not know is "not found". */
import { defineSearch } from 'zapier-platform-core';
import { withPanel } from '../client';
import { REFILL_STATUS_SAMPLE } from '../samples';

export default defineSearch({
  key: 'find_refill',
  noun: 'Refill',
  display: { label: 'Find Refill', description: 'Finds a refill by id and returns its status.' },
  operation: {
    inputFields: [{ key: 'refill', label: 'Refill ID', required: true, helpText: 'The refill id that Refill Order returned.' }],
    perform: (z, bundle) =>
      withPanel(z, bundle, async (client) => {
        // The batched form reports an unknown id as data, like Find Order.
        const [result] = await client.refillStatuses([String(bundle.inputData.refill ?? '')]);
        if (!result || result.error !== null) return [];
        return [{ id: result.refill, ...result }];
      }),
    sample: REFILL_STATUS_SAMPLE,
    outputFields: [
      { key: 'refill', label: 'Refill ID', type: 'string' },
      { key: 'status', label: 'Status', type: 'string' },
      { key: 'status_raw', label: 'Status (as the Panel spelled it)', type: 'string' },
      { key: 'final', label: 'Final', type: 'boolean' },
    ],
  },
});
