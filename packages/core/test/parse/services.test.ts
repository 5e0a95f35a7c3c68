import { PanelMalformedResponseError } from '../../src/errors';
import { parseServices, serviceFeatures } from '../../src/parse';
import { caught } from './helpers';

const SPEC = [
  { service: '1', name: 'Followers', type: 'Default', rate: '0.90', min: '50', max: '10000', category: 'First Category' },
  { service: '2', name: 'Comments', type: 'Custom Comments', rate: '8', min: '10', max: '1500', category: 'Second Category' },
];

describe('parseServices', () => {
  it('reads the spec example, numbers from strings, type normalised beside the raw one', () => {
    expect(parseServices(SPEC)).toEqual([
      { service: '1', name: 'Followers', type: 'Default', type_raw: 'Default', rate: '0.9', rate_raw: '0.90', min: 50, max: 10000, category: 'First Category' },
      { service: '2', name: 'Comments', type: 'Custom Comments', type_raw: 'Custom Comments', rate: '8', min: 10, max: 1500, category: 'Second Category' },
    ]);
  });

  it('tolerates numbers as numbers, lower-case types, missing name/category, and keeps extra fields', () => {
    const [s] = parseServices([{ service: 3, type: 'custom comments package', rate: 1.25, min: 1, max: 100, refill: true, dripfeed: false, description: 'x' }]);
    expect(s).toEqual({
      service: '3',
      name: '',
      type: 'Custom Comments Package',
      type_raw: 'custom comments package',
      rate: '1.25',
      rate_raw: 1.25,
      min: 1,
      max: 100,
      category: '',
      refill: true,
      dripfeed: false,
      description: 'x',
      desc: 'x',
    });
  });

  it.each([
    [{ refill: 1, cancel: 0, dripfeed: '1', desc: ' Fast ' }, { refill: true, cancel: false, dripfeed: true, desc: 'Fast' }],
    [{ refill: 'yes', cancel: 'No', dripfeed: 'true' }, { refill: true, cancel: false, dripfeed: true }],
    [{ refill: 'false', cancel: 'enabled', dripfeed: false }, { refill: false, cancel: true, dripfeed: false }],
  ])('types the catalog extras %j as booleans', (extras, typed) => {
    const [s] = parseServices([{ service: 1, type: 'Default', rate: '1', min: 1, max: 2, ...extras }]);
    expect(s).toMatchObject(typed);
  });

  it('leaves an unreadable flag out, keeping its raw value; absent flags stay absent', () => {
    const [odd, bare] = parseServices([
      { service: 1, type: 'Default', rate: '1', min: 1, max: 2, refill: '30 days', cancel: null },
      { service: 2, type: 'Default', rate: '1', min: 1, max: 2 },
    ]);
    expect(odd).not.toHaveProperty('refill');
    expect(odd).not.toHaveProperty('cancel');
    expect(odd?.refill_raw).toBe('30 days');
    expect(bare).not.toHaveProperty('refill');
    expect(bare).not.toHaveProperty('desc');
  });

  it('keeps an unknown type raw with type null', () => {
    const [s] = parseServices([{ service: '4', name: 'M', type: 'Mentions', rate: '1', min: '1', max: '2', category: 'c' }]);
    expect(s?.type).toBeNull();
    expect(s?.type_raw).toBe('Mentions');
  });

  it('reads every type spelling of the eight', () => {
    const types = ['Default', 'SEO', 'Custom Comments', 'Custom Comments Package', 'Poll', 'Subscriptions', 'Invites from Groups', 'Package'];
    const out = parseServices(types.map((t, i) => ({ service: i + 1, name: t, type: t.toLowerCase(), rate: '1', min: 1, max: 2, category: 'c' })));
    expect(out.map((s) => s.type)).toEqual(types);
  });

  it('reads an object keyed by id and an empty catalog', () => {
    expect(parseServices({ '1': SPEC[0], '2': SPEC[1] }).map((s) => s.service)).toEqual(['1', '2']);
    expect(parseServices([])).toEqual([]);
    expect(parseServices({})).toEqual([]);
  });

  it.each([
    [[{ name: 'no id', rate: '1', min: 1, max: 2 }], /item 0 has no service id/],
    [[{ service: '1', rate: 'free', min: 1, max: 2 }], /service 1: "rate"/],
    [[{ service: '1', rate: '1', min: 'one', max: 2 }], /service 1: "min"/],
    [[{ service: '1', rate: '1', min: 1 }], /service 1: "max"/],
    [['1'], /item 0 is text/],
    [[null], /item 0 is null/],
    ['services', /expected a list of services/],
    [42, /expected a list of services/],
  ])('refuses %j naming the problem', (json, message) => {
    const err = caught(() => parseServices(json)) as PanelMalformedResponseError;
    expect(err).toBeInstanceOf(PanelMalformedResponseError);
    expect(err.reason).toBe('wrong_shape');
    expect(err.message).toMatch(message);
  });
});

describe('serviceFeatures', () => {
  it('names the flags the catalog states, for service pickers', () => {
    expect(serviceFeatures({ refill: true, cancel: false, dripfeed: true })).toBe('refill, no cancel, drip-feed');
    expect(serviceFeatures({ refill: true })).toBe('refill');
    expect(serviceFeatures({})).toBe('');
  });
});
