import { PanelMalformedResponseError } from '../../src/errors';
import { parseBalance } from '../../src/parse';
import { caught } from './helpers';

describe('parseBalance', () => {
  it('reads the spec example exactly', () => {
    expect(parseBalance({ balance: '100.84292', currency: 'USD' })).toEqual({ balance: '100.84292', currency: 'USD' });
  });

  it.each([
    [{ balance: 100.84292, currency: 'USD' }, { balance: '100.84292', balance_raw: 100.84292, currency: 'USD' }],
    [{ balance: '1000.00', currency: 'EUR' }, { balance: '1000', balance_raw: '1000.00', currency: 'EUR' }],
    [{ balance: ' 5 ', currency: ' USD ' }, { balance: '5', balance_raw: ' 5 ', currency: 'USD' }],
    [{ balance: '0' }, { balance: '0', currency: '' }],
    [{ balance: '-3.5', currency: null }, { balance: '-3.5', currency: '' }],
    [{ balance: '1e-7', currency: 'USD', extra: true }, { balance: '0.0000001', balance_raw: '1e-7', currency: 'USD' }],
  ])('tolerates %j', (json, out) => {
    expect(parseBalance(json)).toEqual(out);
  });

  it.each([{}, { balance: 'lots' }, { balance: null }, { balance: [] }, [], 'x', null, 12])('refuses %j as wrong_shape', (json) => {
    const err = caught(() => parseBalance(json)) as PanelMalformedResponseError;
    expect(err).toBeInstanceOf(PanelMalformedResponseError);
    expect(err.reason).toBe('wrong_shape');
    expect(err.message).toMatch(/expected \{"balance"/);
  });
});
