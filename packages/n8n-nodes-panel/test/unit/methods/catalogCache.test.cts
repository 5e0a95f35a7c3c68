/** The catalog cache (actions/catalog.ts): one read per credential for the picker, option lists and runs. */
import { catalogCache } from '../../../nodes/Panel/actions/catalog';
import { loadOptionsContext } from '../context.cjs';
import { node, rl, run, useSandbox } from '../harness.cjs';

const h = useSandbox();

describe('catalog cache (per credential, shared by picker, options and runs)', () => {
	const { searchServices } = node.methods.listSearch;
	const { getCategories } = node.methods.loadOptions;
	const create = (options: Record<string, unknown> = {}) => ({
		resource: 'order', operation: 'create', orderType: 'Default', service: rl('2'), link: 'https://x.test/c', quantity: 100, additionalFields: {}, options,
	});

	it('keystrokes, pages, categories and runs read the catalog once', async () => {
		for (const text of ['', 'i', 'in', 'ins', 'tiktok']) await searchServices.call(loadOptionsContext({ creds: h.creds }).ctx, text);
		await searchServices.call(loadOptionsContext({ creds: h.creds }).ctx, '', '100');
		await getCategories.call(loadOptionsContext({ creds: h.creds }).ctx);
		await run(h, create());
		await run(h, { resource: 'service', operation: 'get', service: rl('5') });
		expect(h.sb.requests({ action: 'services' })).toHaveLength(1);
		expect(h.sb.requests({ action: 'add' })).toHaveLength(1);
	});

	it('keeps accounts apart, and holds no key in clear', async () => {
		h.sb.addAccount({ key: 'sandbox-second-key', balance: '10.00', currency: 'USD' });
		await searchServices.call(loadOptionsContext({ creds: h.creds }).ctx);
		await searchServices.call(loadOptionsContext({ creds: { ...h.creds, apiKey: 'sandbox-second-key' } }).ctx);
		expect(h.sb.requests({ action: 'services' }).map((r) => r.account)).toHaveLength(2);
		await expect(getCategories.call(loadOptionsContext({ creds: { ...h.creds, apiKey: 'test-key-wrong' } }).ctx)).rejects.toThrow(/API key/i);
		const keys = [...(catalogCache as unknown as { entries: Map<string, unknown> }).entries.keys()];
		expect(keys).toHaveLength(2);
		for (const k of keys) {
			expect(k).toMatch(/^[0-9a-f]{64}$/);
			expect(k).not.toContain(h.sb.key);
		}
	});

	it('Refresh Catalog reads the Panel afresh and the picker then sees the new catalog', async () => {
		await searchServices.call(loadOptionsContext({ creds: h.creds }).ctx);
		h.sb.setCatalog({ size: 250 });
		try {
			expect((await searchServices.call(loadOptionsContext({ creds: h.creds }).ctx)).paginationToken).toBeUndefined();
			const fresh = h.sb.catalog().find((s) => s.type === 'Default' && Number(s.service) > 20)!;
			const { out } = await run(h, { ...create({ dryRun: true, refreshCatalog: true }), service: rl(String(fresh.service)), quantity: Number(fresh.min) });
			expect(out[0]?.json).toMatchObject({ dry_run: true, service: String(fresh.service) });
			expect((await searchServices.call(loadOptionsContext({ creds: h.creds }).ctx)).paginationToken).toBe('100');
			expect(h.sb.requests({ action: 'services' })).toHaveLength(2);
		} finally {
			h.sb.setCatalog('default');
		}
	});
});
