/** Order → Get Many Statuses (actions/order/getManyStatuses.operation.ts). */
import { failure, run, seed, useSandbox } from '../../harness.cjs';

const h = useSandbox();

describe('Order → Get Many Statuses', () => {
	it('lists per item (commas, spaces, lines, arrays), one output item per id, a per-id error as data', async () => {
		const a = seed(h);
		const b = seed(h);
		h.sb.clearRequests();
		const { out } = await run(h, (i) => ({ resource: 'order', operation: 'getManyStatuses', orderIds: i === 0 ? `${a}, ${b}\n999999` : [b] }), { items: 2 });
		expect(h.sb.requests()).toHaveLength(1);
		expect(out.map((o) => [o.json.order, o.pairedItem])).toEqual([[String(a), { item: 0 }], [String(b), { item: 0 }], ['999999', { item: 0 }], [String(b), { item: 1 }]]);
		expect(out[2]?.json).toEqual({ order: '999999', error: 'Incorrect order ID' });
		expect(out.filter((o) => o.json.order !== '999999' && 'error' in o.json)).toEqual([]);
	});

	it('an empty list: says what to give', async () => {
		const empty = await failure(h, { resource: 'order', operation: 'getManyStatuses', orderIds: ' , ' });
		expect(empty.message).toBe('Order IDs is empty: give at least one id, e.g. 23501, 23502.');
	});
});
