import { prepareOrder } from '../../src/orders';
import { service, validationError } from './helpers';

const svc = service('Poll', { rate: '1.2' });

describe('Poll order', () => {
  it('sends link, quantity and answer_number', () => {
    const p = prepareOrder(svc, { link: 'https://t.me/c/5', quantity: 50, answer_number: '2' });
    expect(p.form).toEqual({ action: 'add', service: '7', link: 'https://t.me/c/5', quantity: '50', answer_number: '2' });
    expect(p.quantity).toBe(50);
    expect(p.charge).toBe('0.06');
  });

  it.each([
    [{ link: 'https://t.me/c/5', quantity: 50 }, 'answer_number', /Answer Number \("answer_number"\) is required/],
    [{ link: 'https://t.me/c/5', quantity: 50, answer_number: 0 }, 'answer_number', /at least 1/],
    [{ link: 'https://t.me/c/5', quantity: 50, answer_number: -1 }, 'answer_number', /at least 1/],
    [{ link: 'https://t.me/c/5', quantity: 50, answer_number: 'first' }, 'answer_number', /whole number/],
    [{ link: 'https://t.me/c/5', quantity: 50, answer_number: 1.5 }, 'answer_number', /whole number/],
    [{ link: 'https://t.me/c/5', quantity: 5, answer_number: 1 }, 'quantity', /between 10 and 1000/],
    [{ quantity: 50, answer_number: 1 }, 'link', /required/],
  ])('refuses %j naming %s', (input, field, message) => {
    expect(validationError(() => prepareOrder(svc, input as never), field).message).toMatch(message);
  });
});
