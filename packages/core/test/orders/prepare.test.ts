import { PanelUnsupportedOrderTypeError, PanelValidationError } from '../../src/errors';
import { prepareOrder } from '../../src/orders';
import { parseServices } from '../../src/parse';
import type { Service } from '../../src/types';
import { service, thrown, validationError } from './helpers';

describe('prepareOrder', () => {
  it('takes the type from the catalog entry, normalised or raw', () => {
    const [svc] = parseServices([{ service: '1', name: 'F', type: 'default', rate: '0.90', min: '50', max: '10000', category: 'C' }]);
    const p = prepareOrder(svc as Service, { link: 'https://x.com', quantity: 100 });
    expect(p.type).toBe('Default');
    expect(p.form).toEqual({ action: 'add', service: '1', link: 'https://x.com', quantity: '100' });
    expect(prepareOrder(service('Poll', { type: 'Poll', type_raw: 'weird' }), { link: 'https://x', quantity: 10, answer_number: 1 }).type).toBe('Poll');
  });

  it('prices exactly with 7-decimal rates and reports a currency when known', () => {
    const p = prepareOrder(service('Default', { rate: '0.0012345', currency: 'EUR' }), { link: 'https://x.com', quantity: 777 });
    expect(p.charge).toBe('0.0009592065');
    expect(p.currency).toBe('EUR');
    expect(prepareOrder(service('Default'), { link: 'https://x.com', quantity: 10 }, { currency: 'USD' }).currency).toBe('USD');
    expect(prepareOrder(service('Default'), { link: 'https://x.com', quantity: 10 })).not.toHaveProperty('currency');
  });

  it('quantity exactly at min and max is accepted', () => {
    expect(prepareOrder(service('Default'), { link: 'https://x.com', quantity: 10 }).quantity).toBe(10);
    expect(prepareOrder(service('Default'), { link: 'https://x.com', quantity: 1000 }).quantity).toBe(1000);
  });

  it('refuses a service type it does not know, naming the type', () => {
    const err = thrown(() => prepareOrder(service('Mentions with Hashtags'), { link: 'https://x.com', quantity: 10 }));
    expect(err).toBeInstanceOf(PanelUnsupportedOrderTypeError);
    expect((err as PanelUnsupportedOrderTypeError).type).toBe('Mentions with Hashtags');
    expect(err.message).toMatch(/none of the eight Panel order types/);
  });

  it('refuses a broken service entry or input', () => {
    validationError(() => prepareOrder(service('Default', { rate: 'n/a' }), { link: 'https://x.com', quantity: 10 }), 'service');
    validationError(() => prepareOrder(service('Default', { min: NaN }), { link: 'https://x.com', quantity: 10 }), 'service');
    validationError(() => prepareOrder(service('Default', { service: '' }), { link: 'https://x.com', quantity: 10 }), 'service');
    validationError(() => prepareOrder(null as unknown as Service, {}), 'service');
    validationError(() => prepareOrder(service('Default'), null as never), 'input');
    validationError(() => prepareOrder(service('Default'), [] as never), 'input');
  });

  it('never sends the key or unknown fields: the form holds action, service and the type\'s fields only', () => {
    const p = prepareOrder(service('Poll'), { link: 'https://x', quantity: 10, answer_number: 1, key: 'sandbox-demo-key', action: 'cancel', service: '99' } as never);
    expect(Object.keys(p.form)).toEqual(['action', 'service', 'link', 'quantity', 'answer_number']);
    expect(p.form.action).toBe('add');
    expect(p.form.service).toBe('7');
  });

  it('validation errors are PanelValidationError with code "validation"', () => {
    const err = validationError(() => prepareOrder(service('Default'), {}), 'link');
    expect(err).toBeInstanceOf(PanelValidationError);
    expect(err.action).toBe('add');
    expect(JSON.parse(JSON.stringify(err))).toMatchObject({ code: 'validation', field: 'link' });
  });
});
