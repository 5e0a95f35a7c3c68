/** The Panel node's operations with a mocked n8n context, against the sandbox over loopback. */
import { NodeApiError, NodeOperationError, type INodeExecutionData } from 'n8n-workflow';
import { startSandbox, type Sandbox } from '@panel/sandbox';
import { ORDER_TYPE_NAMES, orderFields } from '@panel/core';
import { Panel } from '../../nodes/Panel/Panel.node';
import { executeContext, loadOptionsContext, type Creds } from './context.cjs';

let sb: Sandbox;
let creds: Creds;
const node = new Panel();

beforeAll(async () => {
	sb = await startSandbox({ port: 0, clock: 'manual' });
	creds = { apiUrl: sb.apiUrl, apiKey: sb.key };
});
afterAll(async () => await sb.stop());
beforeEach(() => sb.clearRequests());

async function run(params: Record<string, unknown> | ((i: number) => Record<string, unknown>), opts: { items?: number; continueOnFail?: boolean; creds?: Creds } = {}) {
	const items: INodeExecutionData[] = Array.from({ length: opts.items ?? 1 }, (_, i) => ({ json: { i } }));
	const { ctx, calls } = executeContext({ creds: opts.creds ?? creds, params, items, continueOnFail: opts.continueOnFail });
	const [out] = await node.execute.call(ctx);
	return { out: out as INodeExecutionData[], calls };
}
async function failure(params: Record<string, unknown>, opts: { creds?: Creds; items?: number } = {}) {
	try {
		await run(params, opts);
	} catch (error) {
		return error as NodeApiError | NodeOperationError;
	}
	throw new Error('expected the node to fail');
}
const rl = (value: string) => ({ __rl: true, mode: 'id', value });
const seed = (service = 2) => sb.seedOrder({ key: sb.key, service, link: 'https://x.test/p', quantity: 100 }).order;

describe('description', () => {
	const d = node.description;
	it('is usable as a tool, with a subtitle, two icons and the credential', () => {
		expect(d.usableAsTool).toBe(true);
		expect(d.subtitle).toContain('$parameter');
		expect(d.icon).toEqual({ light: 'file:panel.svg', dark: 'file:panel.dark.svg' });
		expect(d.credentials).toEqual([{ name: 'panelApi', required: true, testedBy: 'panelApiTest' }]);
	});
	it('has at most five operations per resource, each with a description and an action', () => {
		const ops = d.properties.filter((p) => p.name === 'operation');
		expect(ops.map((p) => p.displayOptions?.show?.resource)).toEqual([['account'], ['service'], ['order'], ['refill']]);
		for (const p of ops) {
			expect(p.options!.length).toBeLessThanOrEqual(5);
			for (const o of p.options as Array<{ description?: string; action?: string }>) {
				expect(o.description).toBeTruthy();
				expect(o.action).toBeTruthy();
			}
		}
	});
	it.each(ORDER_TYPE_NAMES)('shows the fields of %s only for that order type', (type) => {
		const mine = d.properties.filter((p) => (p.displayOptions?.show?.orderType as string[] | undefined)?.includes(type));
		const names = mine.flatMap((p) => (p.type === 'collection' ? (p.options as Array<{ name: string }>).map((o) => o.name) : p.type === 'notice' ? [] : [p.name]));
		expect(names.sort()).toEqual(orderFields(type).map((f) => f.name).sort());
		for (const p of mine) expect(p.displayOptions?.show?.orderType).toEqual([type]);
		for (const f of orderFields(type).filter((f) => f.required)) {
			expect(mine.find((p) => p.name === f.name)?.required).toBe(true);
		}
	});
});

describe('transport', () => {
	it('posts a form through n8n\'s httpRequest with the key in the body, never following redirects', async () => {
		const { calls } = await run({ resource: 'account', operation: 'getBalance' });
		expect(calls).toEqual([
			{
				options: {
					method: 'POST',
					url: sb.apiUrl,
					body: { key: sb.key, action: 'balance' },
					headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
					timeout: 30000,
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
					disableFollowRedirect: true,
					json: false,
					encoding: 'text',
				},
			},
		]);
	});
});

describe('Account → Get balance', () => {
	it('returns the balance once per run, on every item, paired', async () => {
		const { out, calls } = await run({ resource: 'account', operation: 'getBalance' }, { items: 3 });
		expect(calls).toHaveLength(1);
		expect(out).toEqual([0, 1, 2].map((i) => ({ json: { balance: '1000.00', currency: 'USD' }, pairedItem: { item: i } })));
	});
});

describe('Service', () => {
	it('Get many: Return All, Limit and every filter', async () => {
		expect((await run({ resource: 'service', operation: 'getMany', returnAll: true, filters: {} })).out).toHaveLength(sb.catalog().length);
		expect((await run({ resource: 'service', operation: 'getMany', returnAll: false, limit: 2, filters: {} })).out).toHaveLength(2);
		const byCategory = await run({ resource: 'service', operation: 'getMany', returnAll: true, filters: { category: 'Telegram' } });
		expect(byCategory.out.map((i) => i.json.service)).toEqual(['7', '9']);
		const byType = await run({ resource: 'service', operation: 'getMany', returnAll: true, filters: { type: 'Default' } });
		expect(byType.out.every((i) => i.json.type === 'Default')).toBe(true);
		const byName = await run({ resource: 'service', operation: 'getMany', returnAll: true, filters: { name: 'TIKTOK' } });
		expect(byName.out.map((i) => i.json.service)).toEqual(['10', '11']);
	});
	it('Get many over several items fetches the catalog once', async () => {
		const { calls, out } = await run({ resource: 'service', operation: 'getMany', returnAll: false, limit: 1, filters: {} }, { items: 4 });
		expect(calls).toHaveLength(1);
		expect(out.map((i) => i.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
	});
	it('Get by id, and a clear not-found error naming the id', async () => {
		expect((await run({ resource: 'service', operation: 'get', service: rl('5') })).out[0]?.json).toMatchObject({ service: '5', type: 'Custom Comments' });
		const err = await failure({ resource: 'service', operation: 'get', service: rl('4040') });
		expect(err).toBeInstanceOf(NodeApiError);
		expect(err.message).toMatch(/Service 4040 is not in the Panel's catalog/);
		expect(err.context.itemIndex).toBe(0);
	});
	it('refuses a service id that is not a number, naming the field', async () => {
		const err = await failure({ resource: 'service', operation: 'get', service: rl('abc') });
		expect(err).toBeInstanceOf(NodeOperationError);
		expect(err.message).toMatch(/Service/);
	});
});

describe('Order → Create', () => {
	const create = (orderType: string, service: string, fields: Record<string, unknown>, options: Record<string, unknown> = {}) => ({
		resource: 'order', operation: 'create', orderType, service: rl(service), additionalFields: {}, options, ...fields,
	});
	it('places a Default order with drip-feed and reports the billed quantity and estimate', async () => {
		const { out } = await run(create('Default', '1', { link: 'https://x.test/a', quantity: 100, additionalFields: { runs: 3, interval: 10 } }));
		const order = sb.order(Number(out[0]?.json.order));
		expect(order).toMatchObject({ type: 'Default', quantity: 300 });
		expect(out[0]?.json).toMatchObject({ quantity: 300, quantity_rule: 'Quantity 100 × 3 runs', charge_estimate: order?.charge, service_name: expect.any(String) });
	});
	it('dry run validates and prices without sending an add', async () => {
		const { out } = await run(create('SEO', '4', { link: 'https://x.test', keywords: 'a, b', quantity: 1000 }, { dryRun: true }));
		expect(out[0]?.json).toMatchObject({ dry_run: true, charge_estimate: '0.65', quantity: 1000, request: { action: 'add', service: '4', keywords: 'a,b', quantity: '1000' } });
		expect(sb.requests({ action: 'add' })).toHaveLength(0);
	});
	it('refuses a service of another type, naming Order Type, before sending', async () => {
		const err = await failure(create('Poll', '1', { link: 'https://x.test', quantity: 100, answer_number: 1 }));
		expect(err).toBeInstanceOf(NodeOperationError);
		expect(err.message).toBe('Service 1 ("Instagram Followers [Real, 30 days refill]") has order type Default, but Order Type is set to Poll: set Order Type to Default, or pick another service (the Service list shows only Poll services).');
		expect(err.description).toMatch(/field: orderType/);
		expect(sb.requests({ action: 'add' })).toHaveLength(0);
	});
	it('refuses a quantity outside min/max and a missing required field, naming the field', async () => {
		const low = await failure(create('Default', '1', { link: 'https://x.test', quantity: 10 }));
		expect(low.message).toMatch(/between 50 and 10000/);
		expect(low.description).toMatch(/field: quantity/);
		const missing = await failure(create('Custom Comments', '5', { link: 'https://x.test', comments: '' }));
		expect(missing.description).toMatch(/field: comments/);
		expect(sb.requests({ action: 'add' })).toHaveLength(0);
	});
	it('refuses Subscriptions locally with the Panel\'s message', async () => {
		const err = await failure(create('Subscriptions', '8', {}));
		expect(err).toBeInstanceOf(NodeOperationError);
		expect(err.message).toMatch(/Subscriptions/);
		expect(sb.requests({ action: 'add' })).toHaveLength(0);
	});
	it('maps insufficient balance (402) to an API error that says to top up, without the key', async () => {
		sb.addAccount({ key: 'sandbox-poor-key', balance: '0.01', currency: 'USD' });
		const err = await failure(create('Default', '3', { link: 'https://x.test', quantity: 100000 }), { creds: { ...creds, apiKey: 'sandbox-poor-key' } });
		expect(err).toBeInstanceOf(NodeApiError);
		expect((err as NodeApiError).httpCode).toBe('402');
		expect(err.description).toMatch(/insufficient_balance/);
		expect(JSON.stringify(err)).not.toContain('sandbox-poor-key');
		expect(err.message).not.toContain('sandbox-poor-key');
	});
	it('per item: good items placed, a bad one to the error output under continue-on-fail', async () => {
		const { out } = await run(
			(i) => create('Default', '2', { link: 'https://x.test', quantity: i === 1 ? 1 : 100 }),
			{ items: 3, continueOnFail: true },
		);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[0]?.json.order).toEqual(expect.any(String));
		expect(Object.keys(out[1]!.json)).toEqual(['error']);
		expect(out[1]?.error).toBeInstanceOf(NodeOperationError);
		expect(out[2]?.json.order).toEqual(expect.any(String));
		expect(sb.requests({ action: 'add' })).toHaveLength(2);
	});
	it('without continue-on-fail, stops at the failing item with its index', async () => {
		const err = await failure((() => create('Default', '2', { link: 'https://x.test', quantity: 1 })) as never, { items: 2 });
		expect(err.context.itemIndex).toBe(0);
	});
});

describe('statuses in batches', () => {
	it('Get status over 250 items costs 3 requests; results map back to their items', async () => {
		const ids = Array.from({ length: 250 }, () => seed(11));
		sb.clearRequests();
		const { out } = await run((i) => ({ resource: 'order', operation: 'getStatus', orderId: String(ids[i]) }), { items: 250 });
		expect(sb.requests().map((r) => r.action)).toEqual(['multiStatus', 'multiStatus', 'multiStatus']);
		out.forEach((o, i) => expect(o).toEqual({ json: expect.objectContaining({ order: String(ids[i]), status: 'Pending' }), pairedItem: { item: i } }));
	});
	it('an unknown id fails only its item; a malformed id fails before any request', async () => {
		const good = seed();
		const { out } = await run((i) => ({ resource: 'order', operation: 'getStatus', orderId: ['999999', String(good), 'x1'][i] }), { items: 3, continueOnFail: true });
		expect(out[0]?.json.error).toMatch(/Order 999999/);
		expect(out[1]?.json).toMatchObject({ order: String(good), status: 'Pending' });
		expect(out[2]?.json.error).toMatch(/Order ID/);
		const err = await failure({ resource: 'order', operation: 'getStatus', orderId: '999999' });
		expect(err).toBeInstanceOf(NodeApiError);
		expect(err.context.itemIndex).toBe(0);
	});
	it('Get many statuses: lists per item (commas, spaces, lines, arrays), one output item per id, per-id errors as data', async () => {
		const a = seed();
		const b = seed();
		sb.clearRequests();
		const { out } = await run((i) => ({ resource: 'order', operation: 'getManyStatuses', orderIds: i === 0 ? `${a}, ${b}\n999999` : [b] }), { items: 2 });
		expect(sb.requests()).toHaveLength(1);
		expect(out.map((o) => [o.json.order, o.pairedItem])).toEqual([[String(a), { item: 0 }], [String(b), { item: 0 }], ['999999', { item: 0 }], [String(b), { item: 1 }]]);
		expect(out[2]?.json.error).toEqual(expect.any(String));
		const empty = await failure({ resource: 'order', operation: 'getManyStatuses', orderIds: ' , ' });
		expect(empty.message).toMatch(/empty/);
	});
	it('a failed batch request fails every item (continue-on-fail: every item to the error output)', async () => {
		const bad = { ...creds, apiKey: 'test-key-wrong' };
		const { out } = await run({ resource: 'order', operation: 'getStatus', orderId: '1' }, { items: 2, continueOnFail: true, creds: bad });
		expect(out.map((o) => [Object.keys(o.json), o.pairedItem])).toEqual([[['error'], { item: 0 }], [['error'], { item: 1 }]]);
		const err = await failure({ resource: 'order', operation: 'getStatus', orderId: '1' }, { creds: bad });
		expect(err).toBeInstanceOf(NodeApiError);
		expect((err as NodeApiError).httpCode).toBe('401');
		expect(JSON.stringify(err) + err.message + String(err.description)).not.toContain('test-key-wrong');
	});
});

describe('Cancel, Refill, Refill status', () => {
	it('Cancel: one item per order, refusals as data', async () => {
		const a = seed();
		const done = seed();
		await sb.setOutcome(done, 'complete');
		const { out } = await run({ resource: 'order', operation: 'cancel', orderIds: `${a},${done}` });
		expect(out.map((o) => o.json)).toEqual([
			{ order: String(a), canceled: true },
			{ order: String(done), canceled: false, error: expect.any(String) },
		]);
	});
	it('Refill, then Refill → Get status of it', async () => {
		const done = seed(1);
		await sb.setOutcome(done, 'complete');
		const { out } = await run({ resource: 'order', operation: 'refill', orderId: String(done) });
		expect(out[0]?.json).toEqual({ order: String(done), refill: expect.any(String) });
		const status = await run({ resource: 'refill', operation: 'getStatus', refillId: out[0]?.json.refill });
		expect(status.out[0]?.json).toMatchObject({ refill: out[0]?.json.refill, status: 'Pending', final: false });
		expect(status.out[0]?.json).not.toHaveProperty('error');
	});
	it('Refill refused by the Panel and an unknown refill are errors naming the id', async () => {
		const pending = seed(2);
		const refused = await failure({ resource: 'order', operation: 'refill', orderId: String(pending) });
		expect(refused).toBeInstanceOf(NodeApiError);
		expect(refused.message).toMatch(/refill/i);
		const unknown = await failure({ resource: 'refill', operation: 'getStatus', refillId: '987654' });
		expect(unknown.message).toMatch(/987654/);
	});
});

describe('router', () => {
	it('refuses an unknown operation', async () => {
		await expect(run({ resource: 'order', operation: 'explode' })).rejects.toThrow(/not supported/);
	});
	it('refuses a credential without a usable API URL, saying what to fix', async () => {
		const err = await failure({ resource: 'account', operation: 'getBalance' }, { creds: { apiUrl: 'not a url', apiKey: 'k' } });
		expect(err).toBeInstanceOf(NodeOperationError);
		expect(err.message).toMatch(/apiUrl/);
	});
	it('reports a Panel that is down as a network error', async () => {
		const err = await failure({ resource: 'account', operation: 'getBalance' }, { creds: { apiUrl: 'http://127.0.0.1:9/api/v2', apiKey: 'sandbox-unused-key' } });
		expect(err).toBeInstanceOf(NodeApiError);
		expect(err.description).toMatch(/network|timeout/);
	});
});

describe('faults the Panel can throw at the node', () => {
	afterEach(() => sb.clearFaults());
	const create = { resource: 'order', operation: 'create', orderType: 'Default', service: rl('2'), link: 'https://x.test/f', quantity: 100, additionalFields: {}, options: {} };

	it('an add whose reply is lost after the Panel took it: "outcome unknown", sent once, never again', async () => {
		sb.fault({ kind: 'reset_after', action: 'add' });
		const before = sb.orders().length;
		const err = await failure(create);
		expect(err).toBeInstanceOf(NodeApiError);
		expect(err.description).toMatch(/order_outcome_unknown/);
		expect(err.message).toMatch(/may have been (placed|processed)|not sent again|check/i);
		expect(sb.requests({ action: 'add' })).toHaveLength(1);
		expect(sb.orders().length).toBe(before + 1);
	});

	it('a read that meets a 502 once is retried and succeeds', async () => {
		sb.fault({ kind: 'status', status: 502, action: 'balance' });
		const { out } = await run({ resource: 'account', operation: 'getBalance' });
		expect(out[0]?.json.currency).toBe('USD');
		expect(sb.requests({ action: 'balance' }).map((r) => r.status)).toEqual([502, 200]);
	});

	it('an add refused with 429 was not processed: retried, placed once', async () => {
		sb.fault({ kind: 'status', status: 429, retryAfterSec: 1, action: 'add' });
		const { out } = await run(create);
		expect(out[0]?.json.order).toEqual(expect.any(String));
		expect(sb.requests({ action: 'add' }).map((r) => r.status)).toEqual([429, 200]);
	});

	it('an HTML page instead of JSON is a malformed reply, said plainly', async () => {
		sb.fault({ kind: 'html', action: 'services', rate: 1 });
		const err = await failure({ resource: 'service', operation: 'getMany', returnAll: true, filters: {} });
		expect(err).toBeInstanceOf(NodeApiError);
		expect(err.description).toMatch(/malformed_response/);
	});
});

describe('methods', () => {
	const { searchServices } = node.methods.listSearch;
	const { getCategories } = node.methods.loadOptions;

	it('searchServices: the catalog, searchable by name, category or id, filtered by the chosen order type', async () => {
		const all = await searchServices.call(loadOptionsContext({ creds }).ctx);
		expect(all.results).toHaveLength(sb.catalog().length);
		expect(all.results[0]).toEqual({ name: 'Instagram Followers [Real, 30 days refill] · 0.90/1k · 50–10000 · Default · ID 1', value: '1' });
		const polls = await searchServices.call(loadOptionsContext({ creds, current: { orderType: 'Poll' } }).ctx);
		expect(polls.results.map((r) => r.value)).toEqual(['7']);
		const byText = await searchServices.call(loadOptionsContext({ creds }).ctx, 'tiktok');
		expect(byText.results.map((r) => r.value)).toEqual(['10', '11']);
		const byId = await searchServices.call(loadOptionsContext({ creds }).ctx, '9');
		expect(byId.results.map((r) => r.value)).toContain('9');
		const byCategory = await searchServices.call(loadOptionsContext({ creds, current: { orderType: 'Default' } }).ctx, 'instagram likes');
		expect(byCategory.results.map((r) => r.value)).toEqual(['2']);
	});

	it('searchServices pages through a large catalog', async () => {
		sb.setCatalog({ size: 250 });
		try {
			const first = await searchServices.call(loadOptionsContext({ creds }).ctx);
			expect(first.results).toHaveLength(100);
			expect(first.paginationToken).toBe('100');
			const third = await searchServices.call(loadOptionsContext({ creds }).ctx, undefined, '200');
			expect(third.results).toHaveLength(50);
			expect(third.paginationToken).toBeUndefined();
		} finally {
			sb.setCatalog('default');
		}
	});

	it('getCategories: the distinct categories, sorted; a wrong key is a clear error', async () => {
		const categories = await getCategories.call(loadOptionsContext({ creds }).ctx);
		expect(categories.map((c) => c.value)).toEqual([...new Set(sb.catalog().map((s) => s.category))].sort((a, b) => a.localeCompare(b)));
		await expect(getCategories.call(loadOptionsContext({ creds: { ...creds, apiKey: 'test-key-wrong' } }).ctx)).rejects.toThrow(/API key/i);
	});
});
