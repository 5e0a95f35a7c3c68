/** Order → Get Status (actions/order/getStatus.operation.ts): one order per item, batched across items. */
import { NodeApiError } from 'n8n-workflow';
import { failure, run, seed, useSandbox } from '../../harness.cjs';

const h = useSandbox();
const getStatus = (orderId: unknown) => ({ resource: 'order', operation: 'getStatus', orderId });

describe('Order → Get Status', () => {
	it('250 items cost 3 requests; results map back to their items, without error: null', async () => {
		const ids = Array.from({ length: 250 }, () => seed(h, 11));
		h.sb.clearRequests();
		const { out } = await run(h, (i) => getStatus(String(ids[i])), { items: 250 });
		expect(h.sb.requests().map((r) => r.action)).toEqual(['multiStatus', 'multiStatus', 'multiStatus']);
		out.forEach((o, i) => expect(o).toEqual({ json: expect.objectContaining({ order: String(ids[i]), status: 'Pending' }), pairedItem: { item: i } }));
		expect(out.filter((o) => 'error' in o.json)).toEqual([]);
	});

	it('an unknown id fails only its item; a malformed id fails before any request', async () => {
		const good = seed(h);
		const { out } = await run(h, (i) => getStatus(['999999', String(good), 'x,1'][i]), { items: 3, continueOnFail: true });
		expect(out[0]?.json).toEqual({ error: 'Order 999999: Incorrect order ID. Check the order ID.' });
		expect(out[1]?.json).toMatchObject({ order: String(good), status: 'Pending' });
		expect(out[2]?.json).toEqual({ error: 'Order ID holds a comma ("x,1"): give one id here, or several as a list.' });
	});

	it('an unknown id without continue-on-fail: a not-found API error with its item index and no HTTP code', async () => {
		const err = await failure(h, getStatus('999999'));
		expect(err).toBeInstanceOf(NodeApiError);
		expect(err.context.itemIndex).toBe(0);
		expect((err as NodeApiError).httpCode).toBeNull();
		expect(err.description).toBe('Panel error code: not_found');
	});

	it('a failed batch request fails every item (continue-on-fail: every item to the error output)', async () => {
		const bad = { ...h.creds, apiKey: 'test-key-wrong' };
		const { out } = await run(h, getStatus('1'), { items: 2, continueOnFail: true, creds: bad });
		expect(out.map((o) => [Object.keys(o.json), o.pairedItem])).toEqual([[['error'], { item: 0 }], [['error'], { item: 1 }]]);
		const err = await failure(h, getStatus('1'), { creds: bad });
		expect(err).toBeInstanceOf(NodeApiError);
		expect((err as NodeApiError).httpCode).toBe('401');
		expect(JSON.stringify(err) + err.message + String(err.description)).not.toContain('test-key-wrong');
	});
});
