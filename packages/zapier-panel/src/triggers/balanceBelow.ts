/**
 * Polling: fires once each time the balance drops below a threshold.
 *
 * Zapier dedupes on `id`, so the id names the crossing, not the balance: `threshold:since`,
 * where `since` is when the balance was first seen below it. z.cache remembers, per
 * connection and threshold, whether the balance is below and since when; a poll above the
 * threshold clears it, so the next drop is a new crossing with a new id. While the balance
 * stays below, every poll returns the same id and nothing fires again. The state is a fact
 * about the account, so Zaps sharing a connection and threshold agree on it.
 */
import { Decimal } from '@panel/core';
import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { connectionHash } from '../catalog';
import { withPanel } from '../client';

/** Kept alive by every poll; long enough that a quiet Zap does not forget an ongoing dip. */
export const CROSSING_TTL_SECONDS = 60 * 60 * 24 * 30;

interface CrossingState {
  below: boolean;
  since: string | null;
}

function readThreshold(z: ZObject, value: unknown): Decimal {
  const threshold = Decimal.tryParse(typeof value === 'string' ? value.trim() : value);
  if (!threshold || threshold.isNegative()) {
    throw new z.errors.Error(`Check the "threshold" field: give an amount such as 10 or 25.50, got ${JSON.stringify(value ?? '')}.`, 'validation:threshold', 400);
  }
  return threshold;
}

async function remember(z: ZObject, key: string, state: CrossingState): Promise<void> {
  await z.cache.set(key, state, CROSSING_TTL_SECONDS);
}

const perform = (z: ZObject, bundle: Bundle) =>
  withPanel(z, bundle, async (client) => {
    const threshold = readThreshold(z, bundle.inputData.threshold);
    const { balance, currency } = await client.balance();
    const key = `panel-balance-below:${connectionHash(z, bundle)}:${threshold.toString()}`;
    const previous = ((await z.cache.get(key)) as CrossingState | null) ?? { below: false, since: null };
    if (!Decimal.parse(balance).lt(threshold)) {
      await remember(z, key, { below: false, since: null });
      return [];
    }
    const since = previous.below && previous.since ? previous.since : new Date().toISOString();
    await remember(z, key, { below: true, since });
    return [{ id: `${threshold.toString()}:${since}`, balance, currency, threshold: threshold.toString(), below_since: since }];
  });

export default defineTrigger({
  key: 'balance_below',
  noun: 'Balance',
  display: {
    label: 'Balance Below',
    description: 'Triggers once when your Panel balance drops below an amount (again only after it has been topped up above it).',
  },
  operation: {
    inputFields: [
      {
        key: 'threshold',
        label: 'Threshold',
        required: true,
        helpText: "Trigger when the balance drops below this amount, in the account's currency (e.g. 25.50).",
      },
    ],
    perform,
    sample: { id: '25:2026-01-01T00:00:00.000Z', balance: '19.87', currency: 'USD', threshold: '25', below_since: '2026-01-01T00:00:00.000Z' },
    outputFields: [
      { key: 'balance', label: 'Balance', type: 'string' },
      { key: 'currency', label: 'Currency', type: 'string' },
      { key: 'threshold', label: 'Threshold', type: 'string' },
      { key: 'below_since', label: 'Below Since', type: 'datetime' },
    ],
  },
});
