/** `balance` → { balance: canonical decimal text, balance_raw when the Panel spelled it otherwise, currency }. */
import { z } from 'zod';
import type { Balance } from '../types';
import type { ParseOptions } from './options';
import { moneyField, zDecimal, zText } from './read';
import { guard, zparse } from './shape';

const BalanceReply = z.object({
  balance: zDecimal,
  // Missing currency is tolerated: '' says "not given".
  currency: zText.transform((s) => s.trim()),
});

export function parseBalance(json: unknown, opts: ParseOptions = {}): Balance {
  return guard('balance', opts, () => {
    const { balance, currency } = zparse('balance', BalanceReply, json, opts);
    const { balance_raw } = moneyField('balance', (json as Record<string, unknown>).balance);
    return balance_raw === undefined ? { balance, currency } : { balance, balance_raw, currency };
  });
}
