import { prepareOrder } from '../../src/orders';
import { service, validationError } from './helpers';

describe('Package order', () => {
  it('sends the link only; the quantity is the service\'s own `quantity`', () => {
    const p = prepareOrder(service('Package', { rate: '5', quantity: '250' }), { link: 'https://x.com/me', quantity: 999 });
    expect(p.form).toEqual({ action: 'add', service: '7', link: 'https://x.com/me' });
    expect(p.quantity).toBe(250);
    expect(p.quantity_rule).toBe('fixed');
    expect(p.quantity_explained).toBe('Fixed by the service');
    expect(p.charge).toBe('1.25');
  });

  it('falls back to the service min when the catalog gives no quantity', () => {
    const p = prepareOrder(service('Package', { rate: '5', min: 1000, max: 1000 }), { link: 'https://x.com/me' });
    expect(p.quantity).toBe(1000);
    expect(p.charge).toBe('5');
  });

  it('requires a valid link', () => {
    validationError(() => prepareOrder(service('Package'), {}), 'link');
    validationError(() => prepareOrder(service('Package'), { link: 'two words' }), 'link');
    validationError(() => prepareOrder(service('Package'), { link: 'x'.repeat(2049) }), 'link');
  });
});
