/** The default catalog and the large-catalog generator. */
import { DEFAULT_CATALOG, generateCatalog, type ServiceDef } from '../src';
import { sandbox } from './helpers';

const TYPES = ['Default', 'SEO', 'Custom Comments', 'Custom Comments Package', 'Poll', 'Subscriptions', 'Invites from Groups', 'Package'];

it('default catalog: every type, several categories, unique ids, a Package with its quantity', () => {
  expect(new Set(DEFAULT_CATALOG.map((s) => s.type))).toEqual(new Set(TYPES));
  expect(new Set(DEFAULT_CATALOG.map((s) => s.category)).size).toBeGreaterThanOrEqual(5);
  expect(new Set(DEFAULT_CATALOG.map((s) => s.service)).size).toBe(DEFAULT_CATALOG.length);
  const pkg = DEFAULT_CATALOG.find((s) => s.type === 'Package')!;
  expect(pkg.quantity).toBe(1000);
});

it('generates a deterministic 20 000-service catalog served by `services`', async () => {
  const big = generateCatalog(20_000);
  expect(big).toHaveLength(20_000);
  expect(JSON.stringify(generateCatalog(20_000))).toBe(JSON.stringify(big));
  expect(new Set(big.map((s) => s.service)).size).toBe(20_000);
  expect(new Set(big.map((s) => s.type))).toEqual(new Set(TYPES));
  for (const s of big.slice(0, 500)) {
    expect(s.rate).toMatch(/^\d+\.\d{7}$/);
    expect(s.min).toBeLessThanOrEqual(s.max);
  }
  expect(big.filter((s) => s.type === 'Package').every((s) => s.quantity === 1000)).toBe(true);
  expect(() => generateCatalog(0)).toThrow(/positive integer/);

  const { sb, api } = await sandbox({ catalog: { size: 20_000 } });
  try {
    const r = await api('services');
    expect(r.status).toBe(200);
    expect(r.json).toHaveLength(20_000);
    expect(r.json[19_999]).toMatchObject({ service: '20000', rate: big[19_999]!.rate });
    // a generated service takes orders like any other
    const def = big.find((s) => s.type === 'Default')!;
    const add = await api('add', { service: def.service, link: 'https://x.y/z', quantity: def.min });
    expect(add.status).toBe(200);
  } finally {
    await sb.stop();
  }
});

it('takes a custom catalog and refuses a malformed one', async () => {
  const custom: ServiceDef[] = [{ service: 77, name: 'Only', type: 'Default', rate: '1.5', min: 1, max: 10, category: 'Test', startDelayMs: 0, speedPerMin: 60 }];
  const { sb, api } = await sandbox({ catalog: custom });
  try {
    expect((await api('services')).json).toEqual([{ service: '77', name: 'Only', type: 'Default', rate: '1.5', min: '1', max: '10', category: 'Test', refill: false, cancel: true, dripfeed: false }]);
    const id = (await api('add', { service: 77, link: 'https://x.y', quantity: 10 })).json.order;
    expect((await api('status', { order: id })).json.status).toBe('In progress'); // no start delay
    await sb.advance(10_000);
    expect((await api('status', { order: id })).json.status).toBe('Completed');
    sb.setCatalog('default');
    expect((await api('services')).json).toHaveLength(DEFAULT_CATALOG.length);
  } finally {
    await sb.stop();
  }
  await expect(sandbox({ catalog: [{ ...custom[0]!, type: 'Bogus' as never }] })).rejects.toThrow(/type must be one of/);
  await expect(sandbox({ catalog: [{ ...custom[0]!, rate: '1e3' }] })).rejects.toThrow(/rate must be a decimal/);
});
