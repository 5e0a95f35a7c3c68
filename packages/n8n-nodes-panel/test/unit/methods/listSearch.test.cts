/** The service picker (methods/listSearch.ts). */
import { loadOptionsContext } from '../context.cjs';
import { node, useSandbox } from '../harness.cjs';

const h = useSandbox();
const { searchServices } = node.methods.listSearch;
const ctx = (current: Record<string, unknown> = {}) => loadOptionsContext({ creds: h.creds, current }).ctx;

describe('searchServices', () => {
	it('rows: id and name, then rate per 1000 and min–max, the type only when not filtered by one', async () => {
		const all = await searchServices.call(ctx());
		expect(all.results).toHaveLength(h.sb.catalog().length);
		expect(all.results[0]).toEqual({ name: '#1 Instagram Followers [Real, 30 d… · 0.9/1k · 50–10000 · Default', value: '1' });
		const defaults = await searchServices.call(ctx({ orderType: 'Default' }));
		expect(defaults.results[0]).toEqual({ name: '#1 Instagram Followers [Real, 30 d… · 0.9/1k · 50–10000', value: '1' });
	});

	it('every row of the catalog keeps rate and min–max within its first 60 characters (n8n cuts the rest)', async () => {
		const rows = (await searchServices.call(ctx({ orderType: 'Default' }))).results.map((r) => r.name);
		expect(rows.length).toBeGreaterThan(0);
		for (const row of rows) expect(row.length).toBeLessThanOrEqual(60);
	});

	it('filtered by the chosen order type; searchable by name, category or id', async () => {
		expect((await searchServices.call(ctx({ orderType: 'Poll' }))).results.map((r) => r.value)).toEqual(['7']);
		expect((await searchServices.call(ctx(), 'tiktok')).results.map((r) => r.value)).toEqual(['10', '11']);
		expect((await searchServices.call(ctx(), '9')).results.map((r) => r.value)).toContain('9');
		expect((await searchServices.call(ctx({ orderType: 'Default' }), 'instagram likes')).results.map((r) => r.value)).toEqual(['2']);
	});

	it('pages through a large catalog, 100 rows a page', async () => {
		h.sb.setCatalog({ size: 250 });
		try {
			const first = await searchServices.call(ctx());
			expect(first.results).toHaveLength(100);
			expect(first.paginationToken).toBe('100');
			const third = await searchServices.call(ctx(), undefined, '200');
			expect(third.results).toHaveLength(50);
			expect(third.paginationToken).toBeUndefined();
		} finally {
			h.sb.setCatalog('default');
		}
	});
});
