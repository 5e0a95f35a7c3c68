import { PanelValidationError, parseId, parseIdList, readInteger } from '../src';

function refusal(fn: () => unknown): PanelValidationError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PanelValidationError);
    return e as PanelValidationError;
  }
  throw new Error('expected a PanelValidationError');
}

describe('parseId: ids are opaque', () => {
  it.each([
    [23501, '23501'],
    ['23501', '23501'],
    [' 7 ', '7'],
    ['007', '007'],
    ['ord_7Hk2', 'ord_7Hk2'],
    ['a b', 'a b'],
    [BigInt('9007199254740993'), '9007199254740993'],
  ])('sends %p as %p', (raw, id) => {
    expect(parseId(raw)).toBe(id);
  });

  it.each([[''], ['  '], ['1,2'], [-1], [1.5], [Number.NaN], [null], [undefined], [{}], [[1]], [true]])('refuses %p, naming the field', (raw) => {
    const err = refusal(() => parseId(raw, 'Order ID'));
    expect(err.field).toBe('Order ID');
    expect(err.message).toMatch(/^Order ID /);
  });

  it('scrubs the message when told to', () => {
    const err = refusal(() => parseId('sandbox-demo-key,x', 'id', { scrub: (s) => s.replace(/sandbox-demo-key/g, '***') }));
    expect(err.message).not.toContain('sandbox-demo-key');
  });
});

describe('parseIdList: one reader for every host', () => {
  it.each([
    ['1, 2,3', ['1', '2', '3']],
    ['1\n2\r\n3', ['1', '2', '3']],
    ['  1   2\t3  ', ['1', '2', '3']],
    ['1;2', ['1', '2']],
    [',1,,2,', ['1', '2']],
    ['ord_1, ord_2', ['ord_1', 'ord_2']],
    [[1, '2', ' ord_3 '], ['1', '2', 'ord_3']],
    [[1, '', null, undefined, 2], ['1', '2']],
    [42, ['42']],
  ])('reads %p', (raw, ids) => {
    expect(parseIdList(raw)).toEqual(ids);
  });

  it('refuses a comma inside a list element, naming the element', () => {
    const err = refusal(() => parseIdList(['1', '2,3'], 'Order IDs'));
    expect(err.field).toBe('Order IDs');
    expect(err.message).toMatch(/item 2 \("2,3"\) holds a comma/);
  });

  it.each([[''], [' , \n'], [[]], [[null, '']], [null], [undefined]])('refuses empty input %p', (raw) => {
    expect(refusal(() => parseIdList(raw, 'orders')).message).toMatch(/orders is empty/);
  });

  it('returns [] for empty input when allowed (optional filters)', () => {
    expect(parseIdList('', 'services', { allowEmpty: true })).toEqual([]);
    expect(parseIdList(undefined, 'services', { allowEmpty: true })).toEqual([]);
  });

  it.each([[{}], [true], [[{}]], [[[1]]], [[1.5]]])('refuses %p', (raw) => {
    refusal(() => parseIdList(raw, 'orders'));
  });
});

describe('readInteger: the one integer reader', () => {
  it.each([
    [5, 5],
    ['5', 5],
    [' -3 ', -3],
    ['+4', 4],
    [5.5, null],
    ['5.0', null],
    ['x', null],
    [2 ** 60, null],
    [null, null],
  ])('strict: %p → %p', (v, n) => {
    expect(readInteger(v)).toBe(n);
  });

  it.each([
    [5.9, 5],
    ['157.0', 157],
    ['157.', 157],
    ['-0.5', 0],
    ['Unknown', null],
    ['', null],
    [Number.POSITIVE_INFINITY, null],
  ])('tolerant: %p → %p', (v, n) => {
    expect(readInteger(v, 'tolerant')).toBe(n);
  });
});
