import { PanelUnsupportedOrderTypeError } from '../../src/errors';
import { orderFields, prepareOrder, SUBSCRIPTIONS_REFUSAL } from '../../src/orders';
import { service, thrown } from './helpers';

describe('Subscriptions order', () => {
  it.each(['Subscriptions', 'subscriptions', 'SUBSCRIPTION', ' Subscriptions '])('is refused locally for type %j, with the Panel\'s own words', (type) => {
    const err = thrown(() => prepareOrder(service(type), { link: 'https://x.com', quantity: 100 }));
    expect(err).toBeInstanceOf(PanelUnsupportedOrderTypeError);
    expect(err.code).toBe('unsupported_order_type');
    expect((err as PanelUnsupportedOrderTypeError).type).toBe('Subscriptions');
    expect(err.message).toContain('Subscription orders must be created from the customer site');
    expect(err.message).toContain(SUBSCRIPTIONS_REFUSAL);
  });

  it('is refused before validating anything, even with an empty input', () => {
    expect(thrown(() => prepareOrder(service('Subscriptions'), {}))).toBeInstanceOf(PanelUnsupportedOrderTypeError);
  });

  it('has no creation fields', () => {
    expect(orderFields('Subscriptions')).toEqual([]);
  });
});
