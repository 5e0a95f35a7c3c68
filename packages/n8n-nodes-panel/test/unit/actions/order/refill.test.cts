/** Order → Refill (actions/order/refill.operation.ts). */
import { NodeApiError } from 'n8n-workflow';
import { failure, run, seed, useSandbox } from '../../harness.cjs';

const h = useSandbox();

describe('Order → Refill', () => {
	it('a completed order: the refill id, no error field', async () => {
		const done = seed(h, 1);
		await h.sb.setOutcome(done, 'complete');
		const { out } = await run(h, { resource: 'order', operation: 'refill', orderId: String(done) });
		expect(out[0]?.json).toEqual({ order: String(done), refill: expect.any(String) });
	});

	it('a refill the Panel refuses: an API error naming the order and the Panel\'s reason', async () => {
		const pending = seed(h, 2);
		const err = await failure(h, { resource: 'order', operation: 'refill', orderId: String(pending) });
		expect(err).toBeInstanceOf(NodeApiError);
		expect(err.message).toBe(
			'The Panel refused "refill": "Refill is not available for this order". Check the order or refill id; the service may not offer refills, or the refill period may be over.',
		);
	});
});
