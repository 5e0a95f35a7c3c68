/**
 * Subscriptions cannot be created through the API: the Panel answers HTTP 400. The entry
 * exists so the type is known (status / cancel / refill of an existing one still work);
 * prepareOrder refuses it before anything is sent.
 */
import { defineOrderType } from './define';

export const SUBSCRIPTIONS_REFUSAL =
  'Subscription orders must be created from the customer site; API creation is not yet supported. Create the subscription on the Panel\'s website; its status, cancel and refill still work here.';

export const subscriptionsOrder = defineOrderType({
  type: 'Subscriptions',
  description: "Recurring orders. Cannot be created through the API: create them on the Panel's website.",
  creatable: false,
  quantityRule: 'sent',
  fields: [],
});
