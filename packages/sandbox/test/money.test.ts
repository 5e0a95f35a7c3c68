/** Unit tests of the exact decimal arithmetic (money.ts). */
import { money } from '../src';

describe('money', () => {
  it('adds and subtracts exactly where floats do not', () => {
    expect(money.add('0.1', '0.2')).toBe('0.30');
    expect(money.sub('1000.00', '0.0041110848')).toBe('999.9958889152');
    expect(money.sub('0.90', '0.90')).toBe('0.00');
    expect(money.sub('1', '1.5')).toBe('-0.50');
    expect(money.add('100.84292', '0.00008')).toBe('100.843');
  });

  it('prices rate × quantity / 1000 exactly', () => {
    expect(money.chargeFor('0.90', 1000)).toBe('0.90');
    expect(money.chargeFor('0.2785', 10)).toBe('0.002785');
    expect(money.chargeFor('0.0123456', 333)).toBe('0.0041110848');
    expect(money.chargeFor('12.5', 40)).toBe('0.50');
    expect(money.chargeFor('9999999.9999999', 10_000_000)).toBe('99999999999.999');
  });

  it('rounds pro-rata shares down to 10 decimals, and is exact for rate-based charges', () => {
    expect(money.proRata('1.00', 1, 3)).toBe('0.3333333333');
    expect(money.proRata('2.00', 2, 3)).toBe('1.3333333333');
    expect(money.proRata('0.50', 17, 40)).toBe(money.chargeFor('12.5', 17));
    const charge = money.chargeFor('0.0123456', 999);
    expect(money.proRata(charge, 123, 999)).toBe(money.chargeFor('0.0123456', 123));
    expect(money.proRata('5', 0, 7)).toBe('0.00');
    expect(() => money.proRata('5', 1, 0)).toThrow();
  });

  it('compares, normalises and writes JSON numbers from decimal text', () => {
    expect(money.compare('0.90', '0.9')).toBe(0);
    expect(money.compare('0.89', '0.9')).toBe(-1);
    expect(money.compare('10', '9.9999999')).toBe(1);
    expect(money.normalize('1000')).toBe('1000.00');
    expect(money.normalize('001.5000')).toBe('1.50');
    expect(money.toJsonNumber('4.50')).toBe('4.5');
    expect(money.toJsonNumber('0.00')).toBe('0');
    expect(money.toJsonNumber('12')).toBe('12');
    expect(() => money.add('1e3', '1')).toThrow(/not a decimal/);
    expect(money.isDecimal('0.27819')).toBe(true);
    expect(money.isDecimal('.5')).toBe(false);
  });
});

describe('money properties', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fc = require('fast-check') as typeof import('fast-check');
  const rate = fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 9_999_999 })).map(([i, f]) => `${i}.${String(f).padStart(7, '0')}`);
  const qty = fc.integer({ min: 0, max: 10_000_000 });

  it('charges add up: charge(a) + charge(b) = charge(a + b)', () => {
    fc.assert(fc.property(rate, qty, qty, (r, a, b) => money.add(money.chargeFor(r, a), money.chargeFor(r, b)) === money.chargeFor(r, a + b)));
  });

  it('a refund of a rate-based charge is exact and never exceeds it', () => {
    fc.assert(fc.property(rate, fc.integer({ min: 1, max: 1_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (r, whole, f) => {
      const part = Math.floor(whole * f);
      const charge = money.chargeFor(r, whole);
      const refund = money.proRata(charge, part, whole);
      return refund === money.chargeFor(r, part) && money.compare(refund, charge) <= 0;
    }));
  });

  it('sub undoes add', () => {
    fc.assert(fc.property(rate, rate, (a, b) => money.compare(money.sub(money.add(a, b), b), a) === 0));
  });
});
