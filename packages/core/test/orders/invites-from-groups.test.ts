import { prepareOrder } from '../../src/orders';
import { service, validationError } from './helpers';

const svc = service('Invites from Groups', { rate: '3' });

describe('Invites from Groups order', () => {
  it('sends link, groups one per line, and quantity', () => {
    const p = prepareOrder(svc, { link: 'https://t.me/mygroup', groups: '@groupone\r\n\r\n  @grouptwo \n', quantity: 100 });
    expect(p.form).toEqual({ action: 'add', service: '7', link: 'https://t.me/mygroup', groups: '@groupone\n@grouptwo', quantity: '100' });
    expect(p.quantity).toBe(100);
    expect(p.charge).toBe('0.3');
  });

  it('takes groups as a list', () => {
    expect(prepareOrder(svc, { link: 'https://t.me/g', groups: ['a', 'b'], quantity: 10 }).form.groups).toBe('a\nb');
  });

  it.each([
    [{ link: 'https://t.me/g', quantity: 10 }, 'groups', /required/],
    [{ link: 'https://t.me/g', groups: '\n \n', quantity: 10 }, 'groups', /required/],
    [{ link: 'https://t.me/g', groups: ['', ' \n '], quantity: 10 }, 'groups', /no groups/],
    [{ link: 'https://t.me/g', groups: 42n as unknown as string, quantity: 10 }, 'groups', /one group per line/],
    [{ link: 'https://t.me/g', groups: 'a', quantity: 2000 }, 'quantity', /between 10 and 1000/],
    [{ link: 'https://t.me/g', groups: 'good\nbad name', quantity: 100 }, 'groups', /line 2 \("bad name"\) has a space/],
    [{ link: 'https://t.me/g', groups: 'a' }, 'quantity', /required/],
  ])('refuses %j naming %s', (input, field, message) => {
    expect(validationError(() => prepareOrder(svc, input as never), field).message).toMatch(message);
  });
});
