/** Order → Create (actions/order/create.operation.ts), every path to the Panel's add or away from it. */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { failure, rl, run, useSandbox } from '../../harness.cjs';

const h = useSandbox();
const create = (orderType: string, service: string, fields: Record<string, unknown>, options: Record<string, unknown> = {}) => ({
	resource: 'order', operation: 'create', orderType, service: rl(service), additionalFields: {}, options, ...fields,
});

describe('Order → Create', () => {
	it('places a Default order with drip-feed and says how the billed quantity was worked out', async () => {
		const { out } = await run(h, create('Default', '1', { link: 'https://x.test/a', quantity: 100, additionalFields: { runs: 3, interval: 10 } }));
		const order = h.sb.order(Number(out[0]?.json.order));
		expect(order).toMatchObject({ type: 'Default', quantity: 300 });
		expect(out[0]?.json).toEqual({
			order: expect.stringMatching(/^\d+$/),
			service: '1',
			service_name: 'Instagram Followers [Real, 30 days refill]',
			type: 'Default',
			quantity: 300,
			quantity_rule: 'Quantity 100 × 3 runs',
			charge_estimate: order?.charge,
		});
	});

	it.each([
		['Custom Comments', '5', { link: 'https://x.test/c', comments: 'One\nTwo\n\nThree' }, '3 comment lines'],
		['Custom Comments Package', '6', { username: 'chan', min: 2, max: 5, delay: 0, additionalFields: { posts: 3 } }, 'Posts 3 × max 5'],
		['Package', '10', { link: 'https://x.test/p' }, 'Fixed by the service'],
		['SEO', '4', { link: 'https://x.test', keywords: 'a, b', quantity: 1000 }, 'Quantity 1000'],
	])('%s: quantity_rule reads "%4$s"', async (type, service, fields, rule) => {
		const { out } = await run(h, create(type, service, fields, { dryRun: true }));
		expect(out[0]?.json.quantity_rule).toBe(rule);
	});

	it('dry run validates and prices without sending an add', async () => {
		const { out } = await run(h, create('SEO', '4', { link: 'https://x.test', keywords: 'a, b', quantity: 1000 }, { dryRun: true }));
		expect(out[0]?.json).toMatchObject({ dry_run: true, charge_estimate: '0.65', quantity: 1000, request: { action: 'add', service: '4', keywords: 'a,b', quantity: '1000' } });
		expect(h.sb.requests({ action: 'add' })).toHaveLength(0);
	});

	it('refuses a service of another type before sending, naming both types', async () => {
		const err = await failure(h, create('Poll', '1', { link: 'https://x.test', quantity: 100, answer_number: 1 }));
		expect(err).toBeInstanceOf(NodeOperationError);
		expect(err.message).toBe(
			'Service 1 ("Instagram Followers [Real, 30 days refill]") has order type Default, but Order Type is set to Poll: set Order Type to Default, or pick another service (the Service list shows only Poll services).',
		);
		expect(err.description).toBe('Panel error code: validation (field: orderType)');
		expect(h.sb.requests({ action: 'add' })).toHaveLength(0);
	});

	it('refuses a quantity outside the service\'s min–max, naming the field', async () => {
		const low = await failure(h, create('Default', '1', { link: 'https://x.test', quantity: 10 }));
		expect(low).toBeInstanceOf(NodeOperationError);
		expect(low.message).toBe('Quantity ("quantity") must be between 50 and 10000 for service 1 (Default), got 10.');
		expect(low.description).toBe('Panel error code: validation (field: quantity)');
		expect(h.sb.requests({ action: 'add' })).toHaveLength(0);
	});

	it('refuses a missing required field, naming it', async () => {
		const missing = await failure(h, create('Custom Comments', '5', { link: 'https://x.test', comments: '' }));
		expect(missing.message).toBe(
			'Order for service 5 (Custom Comments): Comments ("comments") is required: The comments to post, one per line (blank lines are ignored); their count is the quantity billed.',
		);
		expect(missing.description).toBe('Panel error code: validation (field: comments)');
	});

	it('refuses Subscriptions locally with the Panel\'s message', async () => {
		const err = await failure(h, create('Subscriptions', '8', {}));
		expect(err).toBeInstanceOf(NodeOperationError);
		expect(err.message).toBe(
			"Service 8 is a Subscriptions service. Subscription orders must be created from the customer site; API creation is not yet supported. Create the subscription on the Panel's website; its status, cancel and refill still work here.",
		);
		expect(h.sb.requests({ action: 'add' })).toHaveLength(0);
	});

	it('insufficient balance (402): an API error with HTTP code 402 that says to top up, without the key', async () => {
		h.sb.addAccount({ key: 'sandbox-poor-key', balance: '0.01', currency: 'USD' });
		const err = await failure(h, create('Default', '3', { link: 'https://x.test', quantity: 100000 }), { creds: { ...h.creds, apiKey: 'sandbox-poor-key' } });
		expect(err).toBeInstanceOf(NodeApiError);
		expect(err.message).toBe('The Panel account has too little balance for "add" (HTTP 402): "Not enough funds on balance". Top up the Panel account, or lower the quantity.');
		expect((err as NodeApiError).httpCode).toBe('402');
		expect(err.description).toBe('Panel error code: insufficient_balance');
		expect(JSON.stringify(err)).not.toContain('sandbox-poor-key');
	});

	it('per item: good items placed, a bad one to the error output under continue-on-fail', async () => {
		const { out } = await run(h, (i) => create('Default', '2', { link: 'https://x.test', quantity: i === 1 ? 1 : 100 }), { items: 3, continueOnFail: true });
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[0]?.json.order).toEqual(expect.any(String));
		expect(out[1]?.json).toEqual({ error: 'Quantity ("quantity") must be between 10 and 50000 for service 2 (Default), got 1.' });
		expect(out[1]?.error).toBeInstanceOf(NodeOperationError);
		expect(out[2]?.json.order).toEqual(expect.any(String));
		expect(h.sb.requests({ action: 'add' })).toHaveLength(2);
	});

	it('without continue-on-fail, stops at the failing item with its index', async () => {
		const err = await failure(h, () => create('Default', '2', { link: 'https://x.test', quantity: 1 }), { items: 2 });
		expect(err.context.itemIndex).toBe(0);
	});

	it('an add whose reply is lost after the Panel took it: "outcome unknown", sent once, core\'s message kept', async () => {
		h.sb.fault({ kind: 'reset_after', action: 'add' });
		const before = h.sb.orders().length;
		const err = await failure(h, create('Default', '2', { link: 'https://x.test/f', quantity: 100 }));
		expect(err).toBeInstanceOf(NodeApiError);
		expect(err.message).toBe(
			"The Panel may have placed this order (order for service 2): the connection failed after the request was sent (ECONNRESET). It was not sent again, so it cannot have been applied twice. Check the Panel's order list before trying again.",
		);
		expect(err.description).toBe('Panel error code: order_outcome_unknown');
		expect((err as NodeApiError).httpCode).toBeNull();
		expect(h.sb.requests({ action: 'add' })).toHaveLength(1);
		expect(h.sb.orders().length).toBe(before + 1);
	});

	it('an add refused with 429 was not processed: retried, placed once', async () => {
		h.sb.fault({ kind: 'status', status: 429, retryAfterSec: 1, action: 'add' });
		const { out } = await run(h, create('Default', '2', { link: 'https://x.test/f', quantity: 100 }));
		expect(out[0]?.json.order).toEqual(expect.any(String));
		expect(h.sb.requests({ action: 'add' }).map((r) => r.status)).toEqual([429, 200]);
	});
});
