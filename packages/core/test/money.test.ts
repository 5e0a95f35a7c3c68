import fc from 'fast-check';
import { Decimal, chargeFor, decimalText } from '../src/money';

describe('Decimal', () => {
  it.each([
    ['100.84292', '100.84292'],
    ['0.90', '0.9'],
    [' 1000.00 ', '1000'],
    ['.5', '0.5'],
    ['5.', '5'],
    ['+2', '2'],
    ['-0.0010', '-0.001'],
    ['1e-7', '0.0000001'],
    ['2.5E3', '2500'],
    ['0', '0'],
    ['-0', '0'],
  ])('parses %j exactly as %s', (input, text) => {
    expect(Decimal.parse(input).toString()).toBe(text);
  });

  it.each([[0.1, '0.1'], [4.5, '4.5'], [1e21, '1000000000000000000000'], [1e-7, '0.0000001'], [-3, '-3']])(
    'reads the number %p through its shortest spelling (%s), never float arithmetic',
    (n, text) => {
      expect(Decimal.parse(n).toString()).toBe(text);
    },
  );

  it.each(['', ' ', 'abc', '1.2.3', '1,5', '--1', 'e5', '.', '1e', 'NaN', 'Infinity', '0x10', '1e999999'])('refuses %j', (bad) => {
    expect(Decimal.tryParse(bad)).toBeNull();
    expect(() => Decimal.parse(bad)).toThrow(RangeError);
  });

  it('refuses non-finite numbers and non-numeric types', () => {
    for (const bad of [NaN, Infinity, -Infinity, null, undefined, {}, [], true]) expect(Decimal.tryParse(bad)).toBeNull();
    expect(Decimal.parse(BigInt(12)).toString()).toBe('12');
  });

  it('adds, subtracts and multiplies exactly', () => {
    expect(Decimal.parse('0.1').add('0.2').toString()).toBe('0.3');
    expect(Decimal.parse('100.84292').sub('0.84292').toString()).toBe('100');
    expect(Decimal.parse('0.0000001').mul('0.0000001').toString()).toBe('0.00000000000001');
    expect(Decimal.parse('-1.5').mul(2).toString()).toBe('-3');
    expect(Decimal.parse('1').sub('1.0000001').toString()).toBe('-0.0000001');
  });

  it('prices rate per 1000 × quantity exactly', () => {
    expect(Decimal.parse('0.90').costFor(100).toString()).toBe('0.09');
    expect(chargeFor('8', 10)).toBe('0.08');
    expect(chargeFor('0.0000001', 1)).toBe('0.0000000001');
    expect(chargeFor('1234567.1234567', BigInt(1_000_000_000))).toBe('1234567123456.7');
    expect(chargeFor(0.1, 3)).toBe('0.0003');
  });

  it('compares across scales', () => {
    const a = Decimal.parse('1.50');
    expect(a.compare('1.5')).toBe(0);
    expect(a.eq(1.5)).toBe(true);
    expect(a.lt('1.51')).toBe(true);
    expect(a.gt('-2')).toBe(true);
    expect(a.lte('1.5')).toBe(true);
    expect(a.gte('1.6')).toBe(false);
    expect(Decimal.parse('0.000').isZero()).toBe(true);
    expect(Decimal.parse('-0.1').isNegative()).toBe(true);
    expect(Decimal.parse('-0.1').abs().toString()).toBe('0.1');
    expect(Decimal.parse('2.000').isInteger()).toBe(true);
  });

  it.each([
    ['1.005', 2, 'half-up', '1.01'],
    ['-1.005', 2, 'half-up', '-1.01'],
    ['1.005', 2, 'half-even', '1.00'],
    ['1.015', 2, 'half-even', '1.02'],
    ['1.009', 2, 'down', '1.00'],
    ['1.001', 2, 'up', '1.01'],
    ['-1.001', 2, 'floor', '-1.01'],
    ['-1.009', 2, 'ceil', '-1.00'],
    ['2', 3, 'half-up', '2.000'],
  ] as const)('rounds %s to %d places %s → %s', (v, places, mode, out) => {
    expect(Decimal.parse(v).toFixed(places, mode)).toBe(out);
  });

  it('rejects a bad scale or place count', () => {
    expect(() => Decimal.fromUnits(BigInt(1), -1)).toThrow(RangeError);
    expect(() => Decimal.parse('1').round(-1)).toThrow(RangeError);
    expect(() => Decimal.parse('1').divPow10(1.5)).toThrow(RangeError);
    expect(Decimal.fromUnits(BigInt(12345), 2).toString()).toBe('123.45');
  });

  it('gives one canonical spelling of an amount (decimalText)', () => {
    expect(decimalText('1000.00')).toBe('1000');
    expect(decimalText('4.50')).toBe('4.5');
    expect(decimalText(' 100.84292 ')).toBe('100.84292');
    expect(decimalText('+.50')).toBe('0.5');
    expect(decimalText('.5')).toBe('0.5');
    expect(decimalText('-0.00')).toBe('0');
    expect(decimalText('-0')).toBe('0');
    expect(decimalText('007.10')).toBe('7.1');
    expect(decimalText(4.5)).toBe('4.5');
    expect(decimalText(4.5)).toBe(decimalText('4.50'));
    expect(decimalText('0.90')).toBe('0.9');
    expect(decimalText('0.00')).toBe('0');
    expect(decimalText('10.0')).toBe('10');
    expect(decimalText('100.84292000')).toBe('100.84292');
    expect(decimalText('0.')).toBe('0');
    expect(decimalText('1e2')).toBe('100');
    expect(decimalText('n/a')).toBeNull();
  });

  it('decimalText is Decimal.toString() for any plain decimal text, fast path or not (property)', () => {
    const text = fc.tuple(fc.constantFrom('', '-', '+'), fc.stringMatching(/^\d{0,12}$/), fc.option(fc.stringMatching(/^\d{0,12}$/)));
    fc.assert(
      fc.property(text, ([sign, int, frac]) => {
        const s = `${sign}${int}${frac === null ? '' : `.${frac}`}`;
        const d = Decimal.tryParse(s);
        const expected = d === null ? null : d.toString() === '-0' ? '0' : d.toString();
        expect(decimalText(s)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips any decimal text and adds like BigInt cents (property)', () => {
    const dec = fc.tuple(fc.bigInt({ min: BigInt(-1e15), max: BigInt(1e15) }), fc.integer({ min: 0, max: 9 }));
    fc.assert(
      fc.property(dec, dec, ([ua, sa], [ub, sb]) => {
        const a = Decimal.fromUnits(ua, sa);
        const b = Decimal.fromUnits(ub, sb);
        expect(Decimal.parse(a.format()).eq(a)).toBe(true);
        expect(Decimal.parse(a.toString()).eq(a)).toBe(true);
        const sum = a.add(b);
        // Scale everything to 9 places and compare integers.
        const at9 = (d: Decimal) => d.round(9).units;
        expect(at9(sum)).toBe(at9(a) + at9(b));
        expect(sum.sub(b).eq(a)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
