/** Get Balance: the account balance (exact decimal text) and currency. */
import { defineSearch } from 'zapier-platform-core';
import { withPanel } from '../client';
import { BALANCE_SAMPLE } from '../samples';

export default defineSearch({
  key: 'get_balance',
  noun: 'Balance',
  display: { label: 'Get Balance', description: 'Gets your Panel account balance and currency.' },
  operation: {
    inputFields: [],
    perform: (z, bundle) => withPanel(z, bundle, async (client) => [{ id: 'balance', ...(await client.balance()) }]),
    sample: BALANCE_SAMPLE,
    outputFields: [
      { key: 'balance', label: 'Balance', type: 'string' },
      { key: 'currency', label: 'Currency', type: 'string' },
    ],
  },
});
