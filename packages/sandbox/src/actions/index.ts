/** The Panel API's actions, by the `action` field. */
import { add } from './add';
import { balance } from './balance';
import { cancel } from './cancel';
import type { ActionHandler } from './context';
import { multiStatus } from './multiStatus';
import { refill } from './refill';
import { refillStatus } from './refillStatus';
import { services } from './services';
import { status } from './status';

export const ACTIONS: Record<string, ActionHandler> = {
  balance,
  services,
  add,
  status,
  multiStatus,
  cancel,
  refill,
  refill_status: refillStatus,
};

export type { ActionContext, ActionHandler } from './context';
