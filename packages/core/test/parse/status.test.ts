import { PanelMalformedResponseError } from '../../src/errors';
import { parseStatus } from '../../src/parse';
import { caught } from './helpers';

describe('parseStatus', () => {
  it('reads the spec example', () => {
    expect(parseStatus({ charge: '0.27819', start_count: '3572', status: 'Partial', remains: '157', currency: 'USD' }, 5)).toEqual({
      order: '5',
      status: 'Partial',
      status_raw: 'Partial',
      final: true,
      charge: '0.27819',
      start_count: 3572,
      remains: 157,
      currency: 'USD',
    });
  });

  it.each([
    ['numbers as numbers', { charge: 0.27819, start_count: 3572, status: 'In progress', remains: 157, currency: 'USD' }, { charge: '0.27819', start_count: 3572, remains: 157, status: 'In progress', final: false }],
    ['start_count null', { charge: '1', start_count: null, status: 'Pending', remains: '10', currency: 'USD' }, { start_count: null, status: 'Pending' }],
    ['start_count missing', { charge: '1', status: 'Pending', remains: '10', currency: 'USD' }, { start_count: null }],
    ['remains non-numeric', { charge: '1', start_count: '0', status: 'Completed', remains: 'N/A', currency: 'USD' }, { remains: null, final: true }],
    ['remains negative', { charge: '1', start_count: '0', status: 'Completed', remains: '-5' }, { remains: -5 }],
    ['remains "157.0"', { status: 'Partial', remains: '157.0' }, { remains: 157 }],
    ['charge and currency missing', { status: 'Done', start_count: '1', remains: '0' }, { charge: null, currency: null, status: 'Completed', status_raw: 'Done' }],
    ['charge empty', { status: 'Canceled', charge: '' }, { charge: null, final: true }],
    ['charge garbage', { status: 'Failed', charge: 'free' }, { charge: null, status: 'Failed' }],
    ['unknown status kept raw', { status: 'Paused' }, { status: 'Unknown', status_raw: 'Paused', final: false }],
    ['status as a number', { status: 3 }, { status: 'Unknown', status_raw: '3' }],
    ['lower-case status', { status: 'cancelled' }, { status: 'Canceled', status_raw: 'cancelled', final: true }],
  ])('tolerates %s', (_name, json, expected) => {
    expect(parseStatus(json, '77')).toMatchObject({ order: '77', ...expected });
  });

  it.each([{}, { charge: '1' }, { status: null }, { status: {} }, [], 'Completed', null])('refuses %j as wrong_shape', (json) => {
    const err = caught(() => parseStatus(json, 1)) as PanelMalformedResponseError;
    expect(err.reason).toBe('wrong_shape');
  });
});

describe('status replies of other Panels (panels.md)', () => {
  it('lower-case statuses, "remains": "Unknown", money as a number, empty start_count: normalised, raw kept', () => {
    expect(parseStatus({ charge: 0.5, start_count: '', status: 'in progress', remains: 'Unknown' }, 'ord_7Hk2')).toEqual({
      order: 'ord_7Hk2',
      status: 'In progress',
      status_raw: 'in progress',
      final: false,
      charge: '0.5',
      charge_raw: 0.5,
      start_count: null,
      remains: null,
      remains_raw: 'Unknown',
      currency: null,
    });
  });

  it('"0.50" and 0.5 are one amount', () => {
    const a = parseStatus({ status: 'Completed', charge: '0.50' }, 1);
    const b = parseStatus({ status: 'completed', charge: 0.5 }, 1);
    expect(a.charge).toBe(b.charge);
    expect(a.charge_raw).toBe('0.50');
  });
});
