"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.subscriptionsOrder = exports.SUBSCRIPTIONS_REFUSAL = void 0;
/**
 * Subscriptions cannot be created through the API: the Panel answers HTTP 400. The entry
 * exists so the type is known (status / cancel / refill of an existing one still work);
 * prepareOrder refuses it before anything is sent.
 */
const define_1 = require("./define");
exports.SUBSCRIPTIONS_REFUSAL = 'Subscription orders must be created from the customer site; API creation is not yet supported. Create the subscription on the Panel\'s website; its status, cancel and refill still work here.';
exports.subscriptionsOrder = (0, define_1.defineOrderType)({
    type: 'Subscriptions',
    description: "Recurring orders. Cannot be created through the API: create them on the Panel's website.",
    creatable: false,
    quantityRule: 'sent',
    fields: [],
});
