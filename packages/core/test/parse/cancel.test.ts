import { PanelMalformedResponseError } from '../../src/errors';
import { parseCancel } from '../../src/parse';
import { caught } from './helpers';

describe('parseCancel', () => {
  it('reads the spec example; per-order errors are data', () => {
    expect(parseCancel([{ order: 9, cancel: { status: 'success' } }, { order: 2, error: 'Incorrect order ID' }], [9, 2])).toEqual([
      { order: '9', canceled: true, error: null },
      { order: '2', canceled: false, error: 'Incorrect order ID' },
    ]);
  });

  it.each([
    [{ order: 1, cancel: 1 }, true, null],
    [{ order: 1, cancel: true }, true, null],
    [{ order: 1, cancel: '1' }, true, null],
    [{ order: 1, cancel: 'success' }, true, null],
    [{ order: 1, cancel: { status: 'Success' } }, true, null],
    [{ order: 1, cancel: { status: 1 } }, true, null],
    [{ order: 1, cancel: { error: 'Cannot cancel' } }, false, 'Cannot cancel'],
    [{ order: 1, cancel: { status: 'fail' } }, false, /status "fail"/],
    [{ order: 1, cancel: 0 }, false, /did not say/],
    [{ order: 1, cancel: 'not possible' }, false, 'not possible'],
    [{ order: 1 }, false, /did not say/],
    [{ order: 1, cancel: { status: 'success' }, error: null }, true, null],
  ])('%j → canceled %s', (item, canceled, error) => {
    const [r] = parseCancel([item], [1]);
    expect(r?.canceled).toBe(canceled);
    if (error === null) expect(r?.error).toBeNull();
    else expect(r?.error).toEqual(typeof error === 'string' ? error : expect.stringMatching(error));
  });

  it('reads replies keyed by id, a single result object, and input order', () => {
    expect(parseCancel({ '3': { cancel: 1 }, '4': { error: 'No' } }, [4, 3])).toEqual([
      { order: '4', canceled: false, error: 'No' },
      { order: '3', canceled: true, error: null },
    ]);
    expect(parseCancel({ order: '5', cancel: { status: 'success' } }, [5])).toEqual([{ order: '5', canceled: true, error: null }]);
    // The single-order dialect (`cancel&order=5`) answers without naming the order.
    expect(parseCancel({ cancel: { status: 'success' } }, [5])).toEqual([{ order: '5', canceled: true, error: null }]);
    expect(parseCancel({ cancel: 0 }, ['ord_5'])).toEqual([{ order: 'ord_5', canceled: false, error: expect.stringMatching(/did not say/) }]);
    expect(parseCancel({ cancel: { error: 'Order cannot be canceled' } }, [5])).toEqual([{ order: '5', canceled: false, error: 'Order cannot be canceled' }]);
    expect(parseCancel([{ order: 1, cancel: 1 }], [1, 8])[1]).toEqual({ order: '8', canceled: false, error: expect.stringMatching(/did not mention/) });
  });

  it.each(['ok', 3, null, [3], [{ cancel: 1 }]])('refuses %j as wrong_shape', (json) => {
    expect((caught(() => parseCancel(json, [1])) as PanelMalformedResponseError).reason).toBe('wrong_shape');
  });
});
