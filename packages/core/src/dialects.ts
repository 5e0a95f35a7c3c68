/**
 * Dialects: the few places where Panels of this family spell a request differently, and how
 * the client tells from a Panel's answer that it spoke the wrong one. The client starts with
 * the spec's spelling, switches when the Panel provably refused the request form (it
 * answered, with an error and no result), and remembers the switch for its life. A pin
 * (ClientOptions) turns the learning off.
 */
import type { PanelError } from './errors';

/** How the Panel spells "status of many orders": the spec's `multiStatus`, or `status&orders=` of its cousins. */
export type MultiStatusAction = 'multiStatus' | 'status';
/** How the Panel takes a cancel: `orders=1,2,3` (the spec), or one `order=` per request. */
export type CancelForm = 'orders' | 'order';

export const MULTI_STATUS_ACTIONS: readonly MultiStatusAction[] = ['multiStatus', 'status'];
export const CANCEL_FORMS: readonly CancelForm[] = ['orders', 'order'];

/** The spellings tried first, before a Panel has said otherwise. */
export const DEFAULT_DIALECT = { multiStatusAction: 'multiStatus', cancelForm: 'orders' } as const;

/**
 * Error texts with which Panels refuse an action or a request form they do not speak
 * (`{"error":"Incorrect request"}`, "Unsupported action: multiStatus", "Missing order" …).
 */
const FORM_REFUSAL = /incorrect request|invalid request|bad request|(unknown|unsupported|invalid|incorrect|wrong)\s+(action|method)|action\s+(is\s+)?(not|un)\s*(supported|known|available)|not\s+(supported|implemented)|missing|required/i;

/** Codes of a definite answer by the Panel that something in the request was wrong. */
const REFUSAL_CODES = new Set(['bad_request', 'not_found', 'panel_error']);

function panelText(err: PanelError): string {
  const m = (err as { panelMessage?: unknown }).panelMessage;
  return typeof m === 'string' ? m : '';
}

/**
 * The Panel answered a multi-status read in a way that says it does not speak this spelling:
 * a 400/404, or a JSON error whose text refuses the request (not a key or balance problem).
 */
export function refusesMultiStatus(err: PanelError): boolean {
  if (err.code === 'bad_request' || err.code === 'not_found') return true;
  return err.code === 'panel_error' && FORM_REFUSAL.test(panelText(err));
}

/**
 * The Panel refused a multi-id cancel as a whole: it answered (400, 404 or a JSON error, no
 * per-order results), so nothing was canceled and asking once per order is safe. Errors
 * that say nothing about the form (key, timeouts, 5xx) are not refusals.
 */
export function refusesCancelForm(err: PanelError): boolean {
  if (!REFUSAL_CODES.has(err.code)) return false;
  const text = panelText(err);
  return err.code !== 'panel_error' || FORM_REFUSAL.test(text) || /order/i.test(text);
}
