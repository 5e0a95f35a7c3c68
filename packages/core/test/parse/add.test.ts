import { PanelMalformedResponseError } from '../../src/errors';
import { parseAdd } from '../../src/parse';
import { caught } from './helpers';

describe('parseAdd', () => {
  it.each([
    [{ order: 23501 }, '23501'],
    [{ order: '23502' }, '23502'],
    [{ order: ' 7 ' }, '7'],
    [{ order_id: 8 }, '8'],
    [{ id: 'A-9' }, 'A-9'],
  ])('%j → order %s', (json, order) => {
    expect(parseAdd(json)).toEqual({ order });
  });

  it.each([{}, { order: null }, { order: '' }, { order: -1 }, { order: 1.5 }, { order: {} }, [], 'ok', null])('refuses %j as wrong_shape', (json) => {
    const err = caught(() => parseAdd(json)) as PanelMalformedResponseError;
    expect(err.reason).toBe('wrong_shape');
    expect(err.action).toBe('add');
  });
});
