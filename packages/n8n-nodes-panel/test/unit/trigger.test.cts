/** Panel Trigger's webhook with a mocked n8n webhook context; bodies as the sandbox sends them. */
import { createHmac } from 'node:crypto';
import { mock } from 'jest-mock-extended';
import type { IWebhookFunctions } from 'n8n-workflow';
import { PanelTrigger } from '../../nodes/PanelTrigger/PanelTrigger.node';

const trigger = new PanelTrigger();
const body = (o: Record<string, unknown> = {}) => JSON.stringify({ order_id: 1487, status: 'Completed', remains: 0, start_count: 8421, charge: 4.5, ...o });

function call({ raw = body(), query = {}, headers = {}, options = {}, staticData = {} }: { raw?: string; query?: Record<string, string>; headers?: Record<string, string>; options?: Record<string, unknown>; staticData?: Record<string, unknown> }) {
	const ctx = mock<IWebhookFunctions>();
	const res = { status: jest.fn(), json: jest.fn() };
	res.status.mockReturnValue(res);
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw);
	} catch {
		parsed = {};
	}
	ctx.getRequestObject.mockReturnValue({ rawBody: Buffer.from(raw), body: parsed, headers, query } as never);
	ctx.getResponseObject.mockReturnValue(res as never);
	ctx.getNodeParameter.mockImplementation(((name: string) => (name === 'options' ? options : undefined)) as never);
	ctx.getWorkflowStaticData.mockReturnValue(staticData as never);
	(ctx.helpers as unknown as Record<string, unknown>).returnJsonArray = (items: unknown[]) => items.map((json) => ({ json }));
	return { run: () => trigger.webhook.call(ctx), res, staticData };
}

describe('Panel Trigger', () => {
	it('follows the trigger conventions: no inputs, a POST webhook, trivial lifecycle, not an AI tool', async () => {
		const d = trigger.description;
		expect(d.inputs).toEqual([]);
		expect(d.webhooks?.[0]).toMatchObject({ httpMethod: 'POST', responseMode: 'onReceived' });
		expect((d as { usableAsTool?: unknown }).usableAsTool).toBeUndefined();
		const m = trigger.webhookMethods.default;
		const hook = mock<never>();
		await expect(m.checkExists.call(hook)).resolves.toBe(true);
		await expect(m.create.call(hook)).resolves.toBe(true);
		await expect(m.delete.call(hook)).resolves.toBe(true);
		expect(JSON.stringify(d.properties)).toMatch(/Production URL/);
	});

	it('outputs one normalised item with the raw body beside it', async () => {
		const c = call({ raw: body({ status: 'Done', start_count: null }) });
		const out = await c.run();
		// It answers the Panel itself (so n8n saves the remembered deliveries before the run).
		expect(out.noWebhookResponse).toBe(true);
		expect(c.res.status).toHaveBeenCalledWith(200);
		expect(out.workflowData).toEqual([[{ json: expect.objectContaining({ order: '1487', status: 'Completed', status_raw: 'Done', final: true, remains: 0, start_count: null, charge: '4.5', raw: { order_id: 1487, status: 'Done', remains: 0, start_count: null, charge: 4.5 } }) }]]);
	});

	it.each([
		['a wrong token in the query', { query: { token: 'wrong' } }],
		['a wrong token in the header', { headers: { 'x-panel-token': 'wrong' } }],
		['no token', {}],
	])('answers 401 and starts nothing for %s', async (_name, req) => {
		const c = call({ ...req, options: { token: 'right-secret' } });
		const out = await c.run();
		expect(out).toEqual({ noWebhookResponse: true });
		expect(c.res.status).toHaveBeenCalledWith(401);
	});

	it('accepts the token from the query or the header', async () => {
		expect((await call({ query: { token: 's3cret' }, options: { token: 's3cret' } }).run()).workflowData).toHaveLength(1);
		expect((await call({ headers: { 'x-panel-token': 's3cret' }, options: { token: 's3cret' } }).run()).workflowData).toHaveLength(1);
	});

	it('checks an HMAC signature when a secret is set (raw body, or timestamp.body)', async () => {
		const raw = body();
		const sig = createHmac('sha256', 'hmac-key').update(raw).digest('hex');
		expect((await call({ raw, headers: { 'x-panel-signature': `sha256=${sig}` }, options: { hmacSecret: 'hmac-key' } }).run()).workflowData).toHaveLength(1);
		const ts = String(Math.floor(Date.now() / 1000));
		const tsSig = createHmac('sha256', 'hmac-key').update(`${ts}.${raw}`).digest('hex');
		expect((await call({ raw, headers: { 'x-panel-signature': `sha256=${tsSig}`, 'x-panel-timestamp': ts }, options: { hmacSecret: 'hmac-key' } }).run()).workflowData).toHaveLength(1);
		for (const headers of [{ 'x-panel-signature': `sha256=${'0'.repeat(64)}` }, {}] as Array<Record<string, string>>) {
			const c = call({ raw, headers, options: { hmacSecret: 'hmac-key' } });
			expect(await c.run()).toEqual({ noWebhookResponse: true });
			expect(c.res.status).toHaveBeenCalledWith(401);
		}
	});

	it.each([['not JSON', '{"order_id": 1,'], ['no order id', '{"status":"Completed"}'], ['an array', '[1,2]']])('answers 400 to a malformed body (%s)', async (_n, raw) => {
		const c = call({ raw });
		expect(await c.run()).toEqual({ noWebhookResponse: true });
		expect(c.res.status).toHaveBeenCalledWith(400);
	});

	it('filters by status and by final state', async () => {
		expect(await call({ raw: body({ status: 'In progress' }), options: { onlyFinal: true } }).run()).toEqual({});
		expect((await call({ raw: body({ status: 'Partial' }), options: { onlyFinal: true } }).run()).workflowData).toHaveLength(1);
		expect(await call({ raw: body({ status: 'Partial' }), options: { statuses: ['Completed'] } }).run()).toEqual({});
		expect((await call({ raw: body({ status: 'Cancelled' }), options: { statuses: ['Canceled'] } }).run()).workflowData).toHaveLength(1);
	});

	it('drops a duplicate delivery (remembered in the workflow static data) unless told not to', async () => {
		const staticData = {};
		expect((await call({ staticData }).run()).workflowData).toHaveLength(1);
		expect(await call({ staticData }).run()).toEqual({});
		expect((await call({ staticData, raw: body({ status: 'Partial', remains: 5 }) }).run()).workflowData).toHaveLength(1);
		expect(JSON.parse(JSON.stringify(staticData))).toEqual({ seen: expect.any(Object) });
		expect((await call({ staticData, options: { dropDuplicates: false } }).run()).workflowData).toHaveLength(1);
	});
});
