import fc from 'fast-check';
import { PanelError, PanelUnsupportedOrderTypeError, PanelValidationError } from '../../src/errors';
import { decodeForm, encodeForm } from '../../src/form';
import { Decimal } from '../../src/money';
import { ORDER_TYPE_NAMES, prepareOrder } from '../../src/orders';
import { parseServices } from '../../src/parse';
import type { Service } from '../../src/types';
import { service, thrown, validationError } from './helpers';

describe('prepareOrder', () => {
  it('takes the type from the catalog entry, normalised or raw', () => {
    const [svc] = parseServices([{ service: '1', name: 'F', type: 'default', rate: '0.90', min: '50', max: '10000', category: 'C' }]);
    const p = prepareOrder(svc as Service, { link: 'https://x.com', quantity: 100 });
    expect(p.type).toBe('Default');
    expect(p.form).toEqual({ action: 'add', service: '1', link: 'https://x.com', quantity: '100' });
    expect(prepareOrder(service('Poll', { type: 'Poll', type_raw: 'weird' }), { link: 'https://x', quantity: 10, answer_number: 1 }).type).toBe('Poll');
  });

  it('prices exactly with 7-decimal rates and reports a currency when known', () => {
    const p = prepareOrder(service('Default', { rate: '0.0012345', currency: 'EUR' }), { link: 'https://x.com', quantity: 777 });
    expect(p.charge).toBe('0.0009592065');
    expect(p.currency).toBe('EUR');
    expect(prepareOrder(service('Default'), { link: 'https://x.com', quantity: 10 }, { currency: 'USD' }).currency).toBe('USD');
    expect(prepareOrder(service('Default'), { link: 'https://x.com', quantity: 10 })).not.toHaveProperty('currency');
  });

  it('quantity exactly at min and max is accepted', () => {
    expect(prepareOrder(service('Default'), { link: 'https://x.com', quantity: 10 }).quantity).toBe(10);
    expect(prepareOrder(service('Default'), { link: 'https://x.com', quantity: 1000 }).quantity).toBe(1000);
  });

  it('refuses a service type it does not know, naming the type', () => {
    const err = thrown(() => prepareOrder(service('Mentions with Hashtags'), { link: 'https://x.com', quantity: 10 }));
    expect(err).toBeInstanceOf(PanelUnsupportedOrderTypeError);
    expect((err as PanelUnsupportedOrderTypeError).type).toBe('Mentions with Hashtags');
    expect(err.message).toMatch(/none of the eight Panel order types/);
  });

  it('refuses a broken service entry or input', () => {
    validationError(() => prepareOrder(service('Default', { rate: 'n/a' }), { link: 'https://x.com', quantity: 10 }), 'service');
    validationError(() => prepareOrder(service('Default', { min: NaN }), { link: 'https://x.com', quantity: 10 }), 'service');
    validationError(() => prepareOrder(service('Default', { service: '' }), { link: 'https://x.com', quantity: 10 }), 'service');
    validationError(() => prepareOrder(null as unknown as Service, {}), 'service');
    validationError(() => prepareOrder(service('Default'), null as never), 'input');
    validationError(() => prepareOrder(service('Default'), [] as never), 'input');
  });

  it('never sends the key or unknown fields: the form holds action, service and the type\'s fields only', () => {
    const p = prepareOrder(service('Poll'), { link: 'https://x', quantity: 10, answer_number: 1, key: 'sandbox-demo-key', action: 'cancel', service: '99' } as never);
    expect(Object.keys(p.form)).toEqual(['action', 'service', 'link', 'quantity', 'answer_number']);
    expect(p.form.action).toBe('add');
    expect(p.form.service).toBe('7');
  });

  it('validation errors are PanelValidationError with code "validation"', () => {
    const err = validationError(() => prepareOrder(service('Default'), {}), 'link');
    expect(err).toBeInstanceOf(PanelValidationError);
    expect(err.action).toBe('add');
    expect(JSON.parse(JSON.stringify(err))).toMatchObject({ code: 'validation', field: 'link' });
  });
});

describe('prepareOrder properties', () => {
  const fcText = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '' && !/[\u0000-\u001f\u007f]/.test(s));
  const token = fcText.map((s) => s.replace(/\s+/g, '')).filter((s) => s !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(s));
  const link = fc.oneof(token.map((t) => `https://example.com/${encodeURIComponent(t)}`), token);
  const qty = fc.integer({ min: 10, max: 1000 });
  const lines = fc.array(fcText, { minLength: 2, maxLength: 5 });
  const day = fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

  /** A valid input for each creatable type. */
  const inputs: Array<[string, fc.Arbitrary<Record<string, unknown>>]> = [
    ['Default', fc.record({ link, quantity: qty })],
    ['Default', fc.record({ link, quantity: qty, runs: fc.integer({ min: 1, max: 5 }), interval: fc.integer({ min: 1, max: 60 }) })],
    ['SEO', fc.record({ link, keywords: lines.map((l) => l.map((k) => k.replace(/,/g, ' ')).join('\n')), quantity: qty })],
    ['Custom Comments', fc.record({ link, comments: lines.map((l) => l.join('\r\n')) })],
    ['Custom Comments Package', fc.record({ username: token, min: fc.constant(1), max: fc.integer({ min: 10, max: 100 }), delay: fc.nat(60), posts: fc.integer({ min: 1, max: 10 }), expiry: day })],
    ['Poll', fc.record({ link, quantity: qty, answer_number: fc.integer({ min: 1, max: 10 }) })],
    ['Invites from Groups', fc.record({ link, groups: fc.array(token, { minLength: 1, maxLength: 5 }).map((l) => l.join('\n')), quantity: qty })],
    ['Package', fc.record({ link })],
  ];

  it.each(inputs.map(([t, a], i) => [`${t} #${i}`, t, a] as const))('any valid %s payload survives form encoding exactly', (_n, type, arb) => {
    fc.assert(
      fc.property(arb, (input) => {
        const p = prepareOrder(service(type, { min: 1, max: 1000 }), input as never);
        const decoded = decodeForm(encodeForm(p.form));
        expect({ ...decoded }).toEqual(p.form);
        expect(Decimal.parse(p.charge).eq(Decimal.parse('0.90').costFor(p.quantity))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('any input whatsoever yields a PreparedOrder or a PanelError, never another exception', () => {
    const anyValue = fc.oneof(fc.anything(), fc.string(), fc.integer(), fc.array(fc.string()));
    const anyInput = fc.dictionary(fc.constantFrom('link', 'quantity', 'runs', 'interval', 'keywords', 'comments', 'username', 'min', 'max', 'delay', 'posts', 'old_posts', 'expiry', 'answer_number', 'groups', '__proto__'), anyValue, { maxKeys: 8 });
    fc.assert(
      fc.property(fc.constantFrom(...ORDER_TYPE_NAMES, 'weird'), anyInput, (type, input) => {
        try {
          prepareOrder(service(type), input as never);
        } catch (e) {
          expect(e).toBeInstanceOf(PanelError);
        }
      }),
      { numRuns: 800 },
    );
  });
});
