/** Order ids from an input field (Get Status, Refill → Get Status): the fast path without a per-item expression. */
import { NodeOperationError, type INodeExecutionData } from 'n8n-workflow';
import { executeContext } from '../../context.cjs';
import { node, run, seed, useSandbox } from '../../harness.cjs';

const h = useSandbox();

describe('ids from an input field (the fast path)', () => {
	async function statusFrom(items: INodeExecutionData[], params: Record<string, unknown>) {
		const { ctx } = executeContext({ creds: h.creds, params, items });
		const [out] = await node.execute.call(ctx);
		return out as INodeExecutionData[];
	}

	it('Get Status reads each item\'s field (top level or dot path) without the Order ID parameter', async () => {
		const a = seed(h);
		const b = seed(h);
		const params = { resource: 'order', operation: 'getStatus', orderIdSource: 'field', orderIdFieldName: 'id' };
		const out = await statusFrom([{ json: { id: a } }, { json: { id: String(b) } }], params);
		expect(out.map((o) => o.json.order)).toEqual([String(a), String(b)]);
		const nested = await statusFrom([{ json: { data: { order: a } } }], { ...params, orderIdFieldName: 'data.order' });
		expect(nested[0]?.json.order).toBe(String(a));
		expect(h.sb.requests({ action: 'multiStatus' })).toHaveLength(2);
	});

	it('an item without the field fails with the field to fix and the fields it has', async () => {
		const err = await statusFrom([{ json: { other: 1 } }], { resource: 'order', operation: 'getStatus', orderIdSource: 'field', orderIdFieldName: 'id' }).catch((e) => e);
		expect(err).toBeInstanceOf(NodeOperationError);
		expect(err.message).toMatch(/Item 0 has no value in field "id".*fields: other/);
		expect(err.description).toMatch(/field: orderIdFieldName/);
		expect(h.sb.requests()).toHaveLength(0);
	});

	it('Refill → Get Status reads its field too', async () => {
		const order = seed(h, 1);
		await h.sb.setOutcome(order, 'complete');
		const { out: refilled } = await run(h, { resource: 'order', operation: 'refill', orderId: String(order) });
		const refill = refilled[0]?.json.refill;
		const out = await statusFrom([{ json: { refill } }], { resource: 'refill', operation: 'getStatus', refillIdSource: 'field', refillIdFieldName: 'refill' });
		expect(out[0]?.json).toMatchObject({ refill: String(refill) });
	});
});
