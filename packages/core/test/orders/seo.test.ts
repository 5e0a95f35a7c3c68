import { prepareOrder } from '../../src/orders';
import { service, validationError } from './helpers';

const svc = service('SEO', { rate: '2.5' });

describe('SEO order', () => {
  it('sends link, keywords as a comma list, and quantity', () => {
    const p = prepareOrder(svc, { link: 'https://shop.example', keywords: ' buy shoes , cheap shoes,,', quantity: 200 });
    expect(p.form).toEqual({ action: 'add', service: '7', link: 'https://shop.example', keywords: 'buy shoes,cheap shoes', quantity: '200' });
    expect(p.quantity).toBe(200);
    expect(p.charge).toBe('0.5');
  });

  it('accepts one keyword per line (CRLF, blanks, spaces) and lists', () => {
    expect(prepareOrder(svc, { link: 'https://s.example', keywords: 'a\r\n\r\n  b  \n\nc\r', quantity: 10 }).form.keywords).toBe('a,b,c');
    expect(prepareOrder(svc, { link: 'https://s.example', keywords: ['a', ' b ', ''], quantity: 10 }).form.keywords).toBe('a,b');
  });

  it('splits on commas and line breaks alike, as the Panel reads them', () => {
    expect(prepareOrder(svc, { link: 'https://s.example', keywords: 'shoes, cheap\nboots', quantity: 10 }).form.keywords).toBe('shoes,cheap,boots');
  });

  it.each([
    [{ link: 'https://s.example', quantity: 10 }, 'keywords', /required/],
    [{ link: 'https://s.example', keywords: ' , ,\n', quantity: 10 }, 'keywords', /no keywords/],
    [{ link: 'https://s.example', keywords: '  \r\n ', quantity: 10 }, 'keywords', /required/],
    [{ link: 'https://s.example', keywords: { a: 1 }, quantity: 10 }, 'keywords', /comma-separated/],
    [{ link: 'https://s.example', keywords: 'a\u0000b', quantity: 10 }, 'keywords', /control characters/],
    [{ link: 'https://s.example', keywords: 'a', quantity: 5 }, 'quantity', /between 10 and 1000/],
    [{ keywords: 'a', quantity: 50 }, 'link', /required/],
    [{ link: 'https://s.example', keywords: 'a' }, 'quantity', /required/],
  ])('refuses %j naming %s', (input, field, message) => {
    expect(validationError(() => prepareOrder(svc, input as never), field).message).toMatch(message);
  });
});
