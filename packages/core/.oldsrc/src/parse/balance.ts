/** `balance` → { balance: exact decimal text, currency }. */
import { z } from 'zod';
import type { Balance } from '../types';
import type { ParseOptions } from './options';
import { zDecimal, zText } from './read';
import { guard, zparse } from './shape';

const BalanceReply = z.object({
  balance: zDecimal,
  // Missing currency is tolerated: '' says "not given".
  currency: zText.transform((s) => s.trim()),
});

export function parseBalance(json: unknown, opts: ParseOptions = {}): Balance {
  return guard('balance', opts, () => zparse('balance', BalanceReply, json, opts));
}
