import { prepareOrder } from '../../src/orders';
import { service, validationError } from './helpers';

const svc = service('Default');

describe('Default order', () => {
  it('builds the form and prices quantity × rate / 1000', () => {
    const p = prepareOrder(svc, { link: ' https://instagram.com/x ', quantity: '100' });
    expect(p.type).toBe('Default');
    expect(p.form).toEqual({ action: 'add', service: '7', link: 'https://instagram.com/x', quantity: '100' });
    expect(p.quantity).toBe(100);
    expect(p.quantity_rule).toBe('sent');
    expect(p.quantity_explained).toBe('Quantity 100');
    expect(p.charge).toBe('0.09');
  });

  it('drip-feed: sends runs and interval, bills quantity × runs, bounds one run by min/max', () => {
    const p = prepareOrder(svc, { link: 'https://x.com/a', quantity: 1000, runs: 3, interval: 15 });
    expect(p.form).toEqual({ action: 'add', service: '7', link: 'https://x.com/a', quantity: '1000', runs: '3', interval: '15' });
    expect(p.quantity).toBe(3000);
    expect(p.charge).toBe('2.7');
  });

  it('drip-feed: the per-run quantity is what min/max bound', () => {
    const err = validationError(() => prepareOrder(svc, { link: 'https://x.com/a', quantity: 1001, runs: 2, interval: 5 }), 'quantity');
    expect(err.message).toMatch(/between 10 and 1000 .*got 1001\./);
  });

  it('treats empty optional fields as not given and drops unknown fields', () => {
    const p = prepareOrder(svc, { link: 'https://x.com/a', quantity: 10, runs: '', interval: null, comments: 'x', key: 'nope' });
    expect(p.form).toEqual({ action: 'add', service: '7', link: 'https://x.com/a', quantity: '10' });
  });

  it.each([
    [{ quantity: 100 }, 'link', /Link \("link"\) is required/],
    [{ link: '', quantity: 100 }, 'link', /required/],
    [{ link: 'https://x.com/a b', quantity: 100 }, 'link', /without spaces/],
    [{ link: 'ftp://x.com/a', quantity: 100 }, 'link', /http/],
    [{ link: 'javascript:alert(1)', quantity: 100 }, 'link', /http/],
    [{ link: ['https://x.com'], quantity: 100 }, 'link', /text/],
    [{ link: 'https://x.com' }, 'quantity', /Quantity \("quantity"\) is required/],
    [{ link: 'https://x.com', quantity: 'ten' }, 'quantity', /whole number/],
    [{ link: 'https://x.com', quantity: 10.5 }, 'quantity', /whole number/],
    [{ link: 'https://x.com', quantity: true }, 'quantity', /whole number/],
    [{ link: 'https://x.com', quantity: 0 }, 'quantity', /at least 1/],
    [{ link: 'https://x.com', quantity: 9 }, 'quantity', /between 10 and 1000/],
    [{ link: 'https://x.com', quantity: 1001 }, 'quantity', /between 10 and 1000/],
    [{ link: 'https://x.com', quantity: 100, runs: 2 }, 'interval', /required when Runs/],
    [{ link: 'https://x.com', quantity: 100, interval: 5 }, 'runs', /required when Interval/],
    [{ link: 'https://x.com', quantity: 100, runs: 0, interval: 5 }, 'runs', /at least 1/],
    [{ link: 'https://x.com', quantity: 100, runs: 2, interval: 'x' }, 'interval', /whole number/],
  ])('refuses %j naming %s', (input, field, message) => {
    const err = validationError(() => prepareOrder(svc, input as never), field);
    expect(err.message).toMatch(message);
  });

  it('refuses drip-feed on a service whose catalog says dripfeed: false', () => {
    const err = validationError(() => prepareOrder(service('Default', { dripfeed: false }), { link: 'https://x.com', quantity: 100, runs: 2, interval: 5 }), 'runs');
    expect(err.message).toMatch(/does not offer drip-feed/);
    expect(prepareOrder(service('Default', { dripfeed: true }), { link: 'https://x.com', quantity: 100, runs: 2, interval: 5 }).quantity).toBe(200);
    expect(prepareOrder(service('Default', { dripfeed: '0' as unknown as boolean }), { link: 'https://x.com', quantity: 100 }).quantity).toBe(100);
    // A hand-built service may carry the catalog's raw flag: 0 / "no" refuse runs too.
    validationError(() => prepareOrder(service('Default', { dripfeed: 'no' as unknown as boolean }), { link: 'https://x.com', quantity: 100, runs: 2, interval: 5 }), 'runs');
  });

  it('reports every problem at once, the first one as the field', () => {
    const err = validationError(() => prepareOrder(svc, { quantity: 'x' }), 'link');
    expect(err.message).toMatch(/link/);
    expect(err.message).toMatch(/whole number/);
  });
});
