import { PanelMalformedResponseError } from '../../src/errors';
import { parseMultiStatus } from '../../src/parse';
import { caught } from './helpers';

const SPEC = {
  '1': { charge: '0.27819', start_count: '3572', status: 'Partial', remains: '157', currency: 'USD' },
  '2': { error: 'Incorrect order ID' },
  '3': { charge: '1.44219', start_count: '234', status: 'In progress', remains: '10', currency: 'USD' },
};

describe('parseMultiStatus', () => {
  it('reads the spec example; the per-id error is data', () => {
    expect(parseMultiStatus(SPEC, [1, 2, 3])).toEqual([
      { order: '1', status: 'Partial', status_raw: 'Partial', final: true, charge: '0.27819', start_count: 3572, remains: 157, currency: 'USD', error: null },
      { order: '2', error: 'Incorrect order ID' },
      { order: '3', status: 'In progress', status_raw: 'In progress', final: false, charge: '1.44219', start_count: 234, remains: 10, currency: 'USD', error: null },
    ]);
  });

  it('follows the caller\'s order, and reports ids the reply left out', () => {
    const out = parseMultiStatus(SPEC, ['3', '9', '1']);
    expect(out.map((r) => r.order)).toEqual(['3', '9', '1']);
    expect(out[1]).toEqual({ order: '9', error: expect.stringMatching(/did not mention this id/) });
  });

  it('an entry with "error": null is a status, not an error', () => {
    expect(parseMultiStatus({ '4': { status: 'Pending', error: null } }, [4])[0]).toMatchObject({ order: '4', status: 'Pending', error: null });
  });

  it('without ids, follows the reply', () => {
    expect(parseMultiStatus(SPEC).map((r) => r.order)).toEqual(['1', '2', '3']);
  });

  it('reads the list dialect ([{order, …}]) of status&orders=', () => {
    const out = parseMultiStatus([{ order: 5, status: 'Completed', charge: 1, remains: 0 }, { order: '6', error: 'Incorrect order ID' }], ['6', '5']);
    expect(out[0]).toEqual({ order: '6', error: 'Incorrect order ID' });
    expect(out[1]).toMatchObject({ order: '5', status: 'Completed', charge: '1', remains: 0, start_count: null, error: null });
  });

  it('reads [] (PHP\'s empty object) as no entries', () => {
    expect(parseMultiStatus([], [1])).toEqual([{ order: '1', error: expect.any(String) }]);
  });

  it.each([
    [null, /instead of a status/],
    ['Incorrect order ID', /^Incorrect order ID$/],
    [{ charge: '1' }, /no status/],
    [42, /instead of a status/],
    [{ error: { message: 'Order not found' } }, /^Order not found$/],
  ])('an odd entry %j becomes a per-id error', (value, message) => {
    const [r] = parseMultiStatus({ '1': value }, [1]);
    expect(r).toEqual({ order: '1', error: expect.stringMatching(message) });
  });

  it.each(['x', 12, null, [1], [{ status: 'Pending' }]])('refuses %j as wrong_shape', (json) => {
    expect((caught(() => parseMultiStatus(json, [1])) as PanelMalformedResponseError).reason).toBe('wrong_shape');
  });
});
