/** Service → Get Many (actions/service/getMany.operation.ts). */
import { NodeApiError } from 'n8n-workflow';
import { failure, run, useSandbox } from '../../harness.cjs';

const h = useSandbox();
const getMany = (rest: Record<string, unknown>) => ({ resource: 'service', operation: 'getMany', returnAll: true, filters: {}, ...rest });

describe('Service → Get Many', () => {
	it('Return All, Limit and every filter', async () => {
		expect((await run(h, getMany({}))).out).toHaveLength(h.sb.catalog().length);
		expect((await run(h, getMany({ returnAll: false, limit: 2 }))).out).toHaveLength(2);
		expect((await run(h, getMany({ filters: { category: 'Telegram' } }))).out.map((i) => i.json.service)).toEqual(['7', '9']);
		const byType = await run(h, getMany({ filters: { type: 'Default' } }));
		expect(byType.out.every((i) => i.json.type === 'Default')).toBe(true);
		expect((await run(h, getMany({ filters: { name: 'TIKTOK' } }))).out.map((i) => i.json.service)).toEqual(['10', '11']);
	});

	it('over several items fetches the catalog once, each item\'s services paired with it', async () => {
		const { calls, out } = await run(h, getMany({ returnAll: false, limit: 1 }), { items: 4 });
		expect(calls).toHaveLength(1);
		expect(out.map((i) => i.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
	});

	it('no service repeats its type as type_raw', async () => {
		const { out } = await run(h, getMany({}));
		expect(out.filter((i) => 'type_raw' in i.json)).toEqual([]);
	});

	it('an HTML page instead of JSON: a malformed-reply error that says to check the API URL', async () => {
		h.sb.fault({ kind: 'html', action: 'services', rate: 1 });
		const err = await failure(h, getMany({}));
		expect(err).toBeInstanceOf(NodeApiError);
		expect(err.message).toBe(
			'The Panel answered "services" with an HTML page ("502 Bad Gateway") instead of JSON. Check the API URL: it must be the Panel\'s API endpoint (e.g. https://your-panel/api/v2), not its website.',
		);
		expect(err.description).toBe('Panel error code: malformed_response');
	});
});
