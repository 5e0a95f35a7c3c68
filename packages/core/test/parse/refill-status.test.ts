import { PanelMalformedResponseError } from '../../src/errors';
import { parseRefillStatus, parseRefillStatuses } from '../../src/parse';
import { caught } from './helpers';

describe('parseRefillStatus (single)', () => {
  it.each([
    [{ status: 'Completed' }, { status: 'Completed', status_raw: 'Completed', final: true, error: null }],
    [{ status: 'pending' }, { status: 'Pending', status_raw: 'pending', final: false, error: null }],
    [{ status: 'In progress' }, { status: 'In progress', status_raw: 'In progress', final: false, error: null }],
    [{ status: 'Rejected' }, { status: 'Failed', status_raw: 'Rejected', final: true, error: null }],
    [{ status: 'Whatever' }, { status: 'Unknown', status_raw: 'Whatever', final: false, error: null }],
    [{ status: { error: 'Refill not found' } }, { status: null, status_raw: null, final: false, error: 'Refill not found' }],
    [{ status: null }, { status: null, status_raw: null, final: false, error: expect.stringMatching(/instead of a refill status/) }],
    [[{ refill: 9, status: 'Completed' }], { status: 'Completed', final: true, error: null }],
  ])('%j', (json, out) => {
    expect(parseRefillStatus(json, '9')).toMatchObject({ refill: '9', ...out });
  });

  it.each([{}, { refill: 1 }, 'Completed', null])('refuses %j as wrong_shape', (json) => {
    expect((caught(() => parseRefillStatus(json, 9)) as PanelMalformedResponseError).reason).toBe('wrong_shape');
  });
});

describe('parseRefillStatuses (multi)', () => {
  it('reads the de facto shape, per-id errors as data, in input order', () => {
    expect(parseRefillStatuses([{ refill: 1, status: 'Completed' }, { refill: 3, status: { error: 'Refill not found' } }], [3, 1, 4])).toEqual([
      { refill: '3', status: null, status_raw: null, final: false, error: 'Refill not found' },
      { refill: '1', status: 'Completed', status_raw: 'Completed', final: true, error: null },
      { refill: '4', status: null, status_raw: null, final: false, error: expect.stringMatching(/did not mention/) },
    ]);
  });

  it('tolerates keyed replies and {refill, error} items', () => {
    expect(parseRefillStatuses({ '5': { status: 'Pending' }, '6': 'Completed', '7': { error: 'No' } })).toEqual([
      { refill: '5', status: 'Pending', status_raw: 'Pending', final: false, error: null },
      { refill: '6', status: 'Completed', status_raw: 'Completed', final: true, error: null },
      { refill: '7', status: null, status_raw: null, final: false, error: 'No' },
    ]);
  });

  it.each(['x', 1, null, [{ status: 'Completed' }]])('refuses %j as wrong_shape', (json) => {
    expect((caught(() => parseRefillStatuses(json)) as PanelMalformedResponseError).reason).toBe('wrong_shape');
  });
});
