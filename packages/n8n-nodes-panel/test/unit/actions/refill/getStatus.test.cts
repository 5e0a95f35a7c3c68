/** Refill → Get Status (actions/refill/getStatus.operation.ts). */
import { NodeApiError } from 'n8n-workflow';
import { failure, run, seed, useSandbox } from '../../harness.cjs';

const h = useSandbox();

describe('Refill → Get Status', () => {
	it('the status of a refill, no error field', async () => {
		const done = seed(h, 1);
		await h.sb.setOutcome(done, 'complete');
		const refill = (await run(h, { resource: 'order', operation: 'refill', orderId: String(done) })).out[0]?.json.refill;
		const { out } = await run(h, { resource: 'refill', operation: 'getStatus', refillId: refill });
		expect(out[0]?.json).toMatchObject({ refill, status: 'Pending', final: false });
		expect(out[0]?.json).not.toHaveProperty('error');
	});

	it('an unknown refill: a not-found error naming the id', async () => {
		const err = await failure(h, { resource: 'refill', operation: 'getStatus', refillId: '987654' });
		expect(err).toBeInstanceOf(NodeApiError);
		expect(err.message).toBe('Refill 987654: Refill not found. Check the refill ID.');
	});
});
