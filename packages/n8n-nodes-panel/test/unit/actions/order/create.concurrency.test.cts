/** Order → Create (actions/order/create.operation.ts): adds sent concurrently, each once, results in item order. */
import type { INodeExecutionData, NodeApiError } from 'n8n-workflow';
import { executeContext } from '../../context.cjs';
import { node, rl, useSandbox } from '../../harness.cjs';

const h = useSandbox();

describe('Order → Create sends adds concurrently', () => {
	const create = (i: number, options: Record<string, unknown> = {}) => ({
		resource: 'order', operation: 'create', orderType: 'Default', service: rl('2'), link: `https://x.test/k${i}`, quantity: 100 + i, additionalFields: {}, options,
	});
	/** Runs Create over `n` items, counting the requests n8n has in flight at once. */
	async function runCounted(n: number, params: (i: number) => Record<string, unknown>, continueOnFail = false) {
		const items = Array.from({ length: n }, (_, i) => ({ json: { i } }));
		const { ctx } = executeContext({ creds: h.creds, params, items, continueOnFail });
		const helpers = ctx.helpers as unknown as { httpRequest: (...a: unknown[]) => Promise<unknown> };
		const send = helpers.httpRequest;
		let inFlight = 0;
		let peak = 0;
		helpers.httpRequest = async (...a: unknown[]) => {
			peak = Math.max(peak, ++inFlight);
			try {
				return await send(...a);
			} finally {
				inFlight--;
			}
		};
		try {
			const [out] = await node.execute.call(ctx);
			return { out: out as INodeExecutionData[], peak: () => peak };
		} catch (error) {
			return { error: error as NodeApiError, peak: () => peak };
		}
	}

	it('20 items, 5 in flight: each add sent once, results in item order', async () => {
		const { out, peak } = await runCounted(20, (i) => create(i, { concurrency: 5 }));
		expect(peak()).toBe(5);
		const adds = h.sb.requests({ action: 'add' });
		expect(adds).toHaveLength(20);
		expect(out!.map((o) => o.pairedItem)).toEqual(Array.from({ length: 20 }, (_, item) => ({ item })));
		out!.forEach((o, i) => expect(h.sb.order(Number(o.json.order))).toMatchObject({ quantity: 100 + i }));
		expect(new Set(out!.map((o) => o.json.order)).size).toBe(20);
	});

	it('Orders in Flight 1 sends one after another', async () => {
		const { out, peak } = await runCounted(4, (i) => create(i, { concurrency: 1 }));
		expect(peak()).toBe(1);
		expect(out).toHaveLength(4);
	});

	it('a bad item stops the run as a loop would: only earlier items are sent, and the error names the orders placed', async () => {
		const { error } = await runCounted(6, (i) => ({ ...create(i), quantity: i === 3 ? 1 : 100 }));
		expect(error).toBeDefined();
		expect(error!.context.itemIndex).toBe(3);
		const adds = h.sb.requests({ action: 'add' });
		expect(adds).toHaveLength(3);
		expect(error!.description).toMatch(/Placed in this run before it stopped \(do not send these again\): item 0 → order \d+, item 1 → order \d+, item 2 → order \d+\./);
	});

	it('an add whose outcome is unknown is never re-sent; adds already in flight finish and are named', async () => {
		h.sb.fault({ kind: 'reset_after', action: 'add' });
		try {
			const before = h.sb.orders().length;
			const { error } = await runCounted(6, (i) => create(i, { concurrency: 3 }));
			expect(error!.description).toMatch(/order_outcome_unknown/);
			const adds = h.sb.requests({ action: 'add' });
			// Adds that started before the reset surfaced ran to the end; each was sent once.
			expect(adds.length).toBeGreaterThanOrEqual(3);
			expect(adds.filter((a) => a.fault === 'reset_after')).toHaveLength(1);
			expect(h.sb.orders().length).toBe(before + adds.length);
			const named = error!.description!.match(/item \d → order \d+/g) ?? [];
			expect(named).toHaveLength(adds.length - 1);
		} finally {
			h.sb.clearFaults();
		}
	});

	it('continue on fail: every item runs, the failures go to the error output in place', async () => {
		const { out } = await runCounted(5, (i) => ({ ...create(i, { concurrency: 4 }), quantity: i % 2 ? 1 : 100 }), true);
		expect(out!.map((o) => (o.json.error ? 'error' : 'order'))).toEqual(['order', 'error', 'order', 'error', 'order']);
		expect(h.sb.requests({ action: 'add' })).toHaveLength(3);
	});
});
