/** Order → Cancel (actions/order/cancel.operation.ts). */
import { run, seed, useSandbox } from '../../harness.cjs';

const h = useSandbox();

describe('Order → Cancel', () => {
	it('one item per order; a refusal is data (error set), a success has no error field', async () => {
		const a = seed(h);
		const done = seed(h);
		await h.sb.setOutcome(done, 'complete');
		const { out } = await run(h, { resource: 'order', operation: 'cancel', orderIds: `${a},${done}` });
		expect(out.map((o) => o.json)).toEqual([
			{ order: String(a), canceled: true },
			{ order: String(done), canceled: false, error: 'Order cannot be canceled' },
		]);
	});
});
