import { prepareOrder } from '../../src/orders';
import { service, validationError } from './helpers';

const svc = service('Custom Comments Package', { rate: '12', min: 5, max: 100 });
const base = { username: 'mychannel', min: 2, max: 10, delay: 0 };

describe('Custom Comments Package order', () => {
  it('sends its fields without quantity; bills posts × max (posts defaults to 1)', () => {
    const p = prepareOrder(svc, base);
    expect(p.form).toEqual({ action: 'add', service: '7', username: 'mychannel', min: '2', max: '10', delay: '0' });
    expect(p.quantity).toBe(10);
    expect(p.quantity_rule).toBe('posts_x_max');
    expect(p.quantity_explained).toBe('Posts 1 × max 10');
    expect(p.charge).toBe('0.12');
  });

  it('with posts, old_posts and expiry', () => {
    const p = prepareOrder(svc, { ...base, posts: '4', old_posts: 0, expiry: '2030-02-28', delay: 30 });
    expect(p.form).toEqual({
      action: 'add',
      service: '7',
      username: 'mychannel',
      min: '2',
      max: '10',
      delay: '30',
      posts: '4',
      old_posts: '0',
      expiry: '2030-02-28',
    });
    expect(p.quantity).toBe(40);
    expect(p.charge).toBe('0.48');
  });

  it('accepts an ISO date-time for expiry and sends its date', () => {
    expect(prepareOrder(svc, { ...base, expiry: '2030-01-31T00:00:00.000Z' }).form.expiry).toBe('2030-01-31');
  });

  it.each([
    [{ ...base, username: undefined }, 'username', /required/],
    [{ ...base, username: 'my channel' }, 'username', /without spaces/],
    [{ ...base, min: undefined }, 'min', /required/],
    [{ ...base, max: 'lots' }, 'max', /whole number/],
    [{ ...base, delay: undefined }, 'delay', /required/],
    [{ ...base, delay: -1 }, 'delay', /at least 0/],
    [{ ...base, min: 0 }, 'min', /at least 1/],
    [{ ...base, min: 11, max: 10 }, 'max', /at least Min/],
    [{ ...base, posts: 0 }, 'posts', /at least 1/],
    [{ ...base, old_posts: -2 }, 'old_posts', /at least 0/],
    [{ ...base, expiry: '2030-02-30' }, 'expiry', /not a real calendar date/],
    [{ ...base, expiry: '31/01/2030' }, 'expiry', /YYYY-MM-DD/],
    [{ ...base, expiry: '2030-1-5' }, 'expiry', /YYYY-MM-DD/],
    [{ ...base, expiry: 20300105 }, 'expiry', /YYYY-MM-DD/],
    [{ ...base, max: 4 }, 'max', /posts 1 × max 4 = 4.*between 5 and 100/],
    [{ ...base, posts: 11, max: 10 }, 'max', /posts 11 × max 10 = 110/],
  ])('refuses %j naming %s', (input, field, message) => {
    expect(validationError(() => prepareOrder(svc, input as never), field).message).toMatch(message);
  });
});
