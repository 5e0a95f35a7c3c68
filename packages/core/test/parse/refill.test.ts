import { PanelMalformedResponseError } from '../../src/errors';
import { parseRefill, parseRefills } from '../../src/parse';
import { caught } from './helpers';

describe('parseRefill (single)', () => {
  it.each([
    [{ refill: '1' }, { refill: '1', error: null }],
    [{ refill: 1 }, { refill: '1', error: null }],
    [{ refill_id: 12 }, { refill: '12', error: null }],
    [{ refill: { error: 'Refill is disabled for this service' } }, { refill: null, error: 'Refill is disabled for this service' }],
    [{ refill: 0 }, { refill: null, error: expect.stringMatching(/did not create a refill/) }],
    [{ refill: false }, { refill: null, error: expect.stringMatching(/did not create a refill/) }],
    [[{ order: 5, refill: 3 }], { refill: '3', error: null }],
  ])('%j', (json, out) => {
    expect(parseRefill(json, 5)).toEqual({ order: '5', ...out });
  });

  it.each([{}, { status: 'ok' }, 'done', null])('refuses %j as wrong_shape', (json) => {
    expect((caught(() => parseRefill(json, 5)) as PanelMalformedResponseError).reason).toBe('wrong_shape');
  });
});

describe('parseRefills (multi)', () => {
  it('reads the de facto shape, per-order errors as data, in input order', () => {
    expect(parseRefills([{ order: 1, refill: 1 }, { order: 2, refill: { error: 'Incorrect order ID' } }], [2, 1, 3])).toEqual([
      { order: '2', refill: null, error: 'Incorrect order ID' },
      { order: '1', refill: '1', error: null },
      { order: '3', refill: null, error: expect.stringMatching(/did not mention/) },
    ]);
  });

  it('tolerates {order, error} items and replies keyed by id', () => {
    expect(parseRefills([{ order: '4', error: 'No refill' }])).toEqual([{ order: '4', refill: null, error: 'No refill' }]);
    expect(parseRefills({ '7': { refill: '70' }, '8': 80 })).toEqual([
      { order: '7', refill: '70', error: null },
      { order: '8', refill: '80', error: null },
    ]);
  });

  it.each(['x', 5, null, [{ refill: 1 }]])('refuses %j as wrong_shape', (json) => {
    expect((caught(() => parseRefills(json)) as PanelMalformedResponseError).reason).toBe('wrong_shape');
  });
});

describe('refill replies of other Panels (panels.md)', () => {
  it.each([
    [{ refill: '1' }, '1'],
    [{ success: true, refill: 12345 }, '12345'],
    [{ refill: 'rf_9Kq' }, 'rf_9Kq'],
    [[{ order: 'ord_7', refill: 55 }], '55'],
  ])('%j → refill %s', (json, refill) => {
    expect(parseRefill(json, json instanceof Array ? 'ord_7' : 7)).toMatchObject({ refill, error: null });
  });
});
