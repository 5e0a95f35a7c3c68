import type { ActionHandler } from './context';

export const balance: ActionHandler = ({ account }) => ({ balance: account.balance, currency: account.currency });
