import fc from 'fast-check';
import { decodeForm, encodeForm, toWellFormed } from '../src/form';

describe('encodeForm', () => {
  it('encodes as application/x-www-form-urlencoded, in key order', () => {
    expect(encodeForm({ action: 'add', service: '1', link: 'https://x.com/a?b=c&d=e', comments: 'one\ntwo words' })).toBe(
      'action=add&service=1&link=https%3A%2F%2Fx.com%2Fa%3Fb%3Dc%26d%3De&comments=one%0Atwo+words',
    );
  });

  it('matches URLSearchParams byte for byte', () => {
    const form = { a: "!'()*-._~ +&=%", 'ü k': 'é€😀', empty: '' };
    expect(encodeForm(form)).toBe(new URLSearchParams(form).toString());
  });

  it('skips undefined values and stringifies numbers', () => {
    expect(encodeForm({ a: undefined, b: 2, c: 'x' })).toBe('b=2&c=x');
    expect(encodeForm({})).toBe('');
  });

  it('turns lone surrogates into U+FFFD instead of throwing', () => {
    expect(toWellFormed('a\ud800b\udc00c\ud83d\ude00')).toBe('a\ufffdb\ufffdc\ud83d\ude00');
    expect(decodeForm(encodeForm({ k: 'x\ud800' }))).toEqual({ k: 'x\ufffd' });
  });

  it('decodes tolerant of stray percent signs, "+", missing "=" and __proto__', () => {
    expect(decodeForm('a=1%2&b=%E2%82%AC+x&c&=v&&d=%zz')).toEqual({ a: '1%2', b: '€ x', c: '', '': 'v', d: '%zz' });
    const proto = decodeForm('__proto__=x');
    expect(Object.keys(proto)).toEqual(['__proto__']);
    expect(proto['__proto__']).toBe('x');
  });

  it('any valid payload survives encoding exactly (property)', () => {
    // Well-formed strings of any code points (what a user can type), keys unique by construction.
    const text = fc.string({ unit: 'grapheme-composite', maxLength: 40 });
    const payload = fc.dictionary(text, text, { maxKeys: 12 });
    fc.assert(
      fc.property(payload, (form) => {
        const decoded = decodeForm(encodeForm(form));
        expect({ ...decoded }).toEqual({ ...form });
        expect(Object.keys(decoded)).toEqual(Object.keys(form));
        // And the standard decoder agrees.
        expect(Object.fromEntries(new URLSearchParams(encodeForm(form)))).toEqual({ ...form });
      }),
      { numRuns: 500 },
    );
  });
});
