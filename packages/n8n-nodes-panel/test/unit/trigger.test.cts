/** Panel Trigger's webhook with a mocked n8n webhook context; bodies as the sandbox sends them. */
import { createHmac } from 'node:crypto';
import { mock } from 'jest-mock-extended';
import { Workflow, type IWebhookFunctions } from 'n8n-workflow';
import { PanelTrigger } from '../../nodes/PanelTrigger/PanelTrigger.node';
import { PanelWebhookApi } from '../../credentials/PanelWebhookApi.credentials';
import { forgetDeliveryMemories } from '../../nodes/PanelTrigger/deliveries';
import { forgetSecrets, SECRETS_TTL_MS } from '../../nodes/PanelTrigger/secrets';

const TOKEN = 'right-secret-token-1';
let workflowSeq = 0;
beforeEach(() => {
	forgetDeliveryMemories();
	forgetSecrets();
	workflowSeq++;
});

const trigger = new PanelTrigger();
const body = (o: Record<string, unknown> = {}) => JSON.stringify({ order_id: 1487, status: 'Completed', remains: 0, start_count: 8421, charge: 4.5, ...o });

function call({ raw = body(), query = { token: TOKEN } as Record<string, unknown>, headers = {}, options = {}, staticData = {}, secrets = { token: TOKEN } as Record<string, unknown>, rawBytes, credentialId, unread = false }: { rawBytes?: Buffer; raw?: string; query?: Record<string, unknown>; headers?: Record<string, unknown>; options?: Record<string, unknown>; staticData?: Record<string, unknown>; secrets?: Record<string, unknown>; credentialId?: string; unread?: boolean }) {
	const ctx = mock<IWebhookFunctions>();
	const res = { status: jest.fn(), json: jest.fn(), once: jest.fn() };
	res.status.mockReturnValue(res);
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw);
	} catch {
		parsed = {};
	}
	// unread: n8n 2.41 left the body unread (version 1.1, a content type it does not parse); its reader fills rawBody.
	const req: Record<string, unknown> = unread
		? { body: {}, headers, query, readRawBody: jest.fn(async () => void (req.rawBody = rawBytes ?? Buffer.from(raw))) }
		: { rawBody: rawBytes ?? Buffer.from(raw), body: parsed, headers, query };
	ctx.getRequestObject.mockReturnValue(req as never);
	ctx.getResponseObject.mockReturnValue(res as never);
	ctx.getNodeParameter.mockImplementation(((name: string) => (name === 'options' ? options : undefined)) as never);
	ctx.getWorkflowStaticData.mockReturnValue(staticData as never);
	ctx.getCredentials.mockResolvedValue(secrets as never);
	ctx.getWorkflow.mockReturnValue({ id: `wf${workflowSeq}` } as never);
	ctx.getNode.mockReturnValue({ id: 'node-1', name: 'Panel Trigger', ...(credentialId ? { credentials: { panelWebhookApi: { id: credentialId, name: 'hook' } } } : {}) } as never);
	(ctx.helpers as unknown as Record<string, unknown>).returnJsonArray = (items: unknown[]) => items.map((json) => ({ json }));
	return { run: () => trigger.webhook.call(ctx), res, staticData, ctx, req };
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
		// No answer of its own: n8n answers once it has created the execution.
		expect(out.noWebhookResponse).toBeUndefined();
		expect(c.res.status).not.toHaveBeenCalled();
		expect(out.workflowData).toEqual([[{ json: expect.objectContaining({ order: '1487', status: 'Completed', status_raw: 'Done', final: true, remains: 0, start_count: null, charge: '4.5', charge_raw: 4.5, delivery_key: '1487|Completed|0||4.5', raw: { order_id: 1487, status: 'Done', remains: 0, start_count: null, charge: 4.5 } }) }]]);
	});

	it.each([
		['a wrong token in the query', { query: { token: 'wrong' } }],
		['a wrong token in the header', { query: {}, headers: { 'x-panel-token': 'wrong' } }],
		['no token', { query: {} }],
		['a repeated token', { query: { token: [TOKEN, TOKEN] } }],
		['a bracketed token', { query: { token: { a: TOKEN } } }],
	])('answers 401 and starts nothing for %s', async (_name, req) => {
		const c = call({ ...req });
		const out = await c.run();
		expect(out).toEqual({ noWebhookResponse: true });
		expect(c.res.status).toHaveBeenCalledWith(401);
	});

	it('accepts the token from the query or the header', async () => {
		expect((await call({ query: { token: TOKEN } }).run()).workflowData).toHaveLength(1);
		expect((await call({ query: {}, headers: { 'x-panel-token': TOKEN }, raw: body({ remains: 3 }) }).run()).workflowData).toHaveLength(1);
	});

	it('checks an HMAC signature when a secret is set (raw body, or timestamp.body)', async () => {
		const raw = body();
		const sig = createHmac('sha256', 'hmac-key').update(raw).digest('hex');
		expect((await call({ raw, headers: { 'x-panel-signature': `sha256=${sig}` }, secrets: { hmacSecret: 'hmac-key' }, options: { dropDuplicates: false } }).run()).workflowData).toHaveLength(1);
		const ts = String(Math.floor(Date.now() / 1000));
		const tsSig = createHmac('sha256', 'hmac-key').update(`${ts}.${raw}`).digest('hex');
		expect((await call({ raw, headers: { 'x-panel-signature': `sha256=${tsSig}`, 'x-panel-timestamp': ts }, secrets: { hmacSecret: 'hmac-key' }, options: { dropDuplicates: false } }).run()).workflowData).toHaveLength(1);
		for (const headers of [{ 'x-panel-signature': `sha256=${'0'.repeat(64)}` }, {}] as Array<Record<string, string>>) {
			const c = call({ raw, headers, secrets: { hmacSecret: 'hmac-key' } });
			expect(await c.run()).toEqual({ noWebhookResponse: true });
			expect(c.res.status).toHaveBeenCalledWith(401);
		}
	});

	it.each([['not JSON', '{"order_id": 1,'], ['no order id', '{"status":"Completed"}'], ['an array', '[1,2]']])('answers 400 to a malformed body (%s)', async (_n, raw) => {
		const c = call({ raw });
		expect(await c.run()).toEqual({ noWebhookResponse: true });
		expect(c.res.status).toHaveBeenCalledWith(400);
	});

	it('checks the HMAC over the raw bytes n8n kept (a BOM included)', async () => {
		const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body())]);
		const sig = createHmac('sha256', 'hmac-key').update(bytes).digest('hex');
		const c = call({ rawBytes: bytes, secrets: { hmacSecret: 'hmac-key' }, headers: { 'x-panel-signature': `sha256=${sig}` } });
		expect((await c.run()).workflowData).toHaveLength(1);
	});

	it('refuses every delivery with 401 when the credential holds no secret', async () => {
		const c = call({ secrets: {} });
		expect(await c.run()).toEqual({ noWebhookResponse: true });
		expect(c.res.status).toHaveBeenCalledWith(401);
	});

	it('reads the body itself when n8n left it unread (version 1.1, a content type n8n does not parse)', async () => {
		const c = call({ unread: true });
		const out = await c.run();
		expect(c.req.readRawBody).toHaveBeenCalledTimes(1);
		expect(out.workflowData?.[0]?.[0]?.json).toMatchObject({ order: '1487', status: 'Completed' });
		const broken = call({ unread: true });
		(broken.req.readRawBody as jest.Mock).mockRejectedValue(new Error('Request body stream was aborted'));
		expect((await broken.run()).noWebhookResponse).toBe(true);
		expect(broken.res.status).toHaveBeenCalledWith(400);
	});

	it('reads the credential once a second at most; a new secret works at once, an old one for at most that second', async () => {
		jest.useFakeTimers({ now: 1_000_000, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
		try {
			const order = (n: number) => body({ order_id: 5000 + n });
			const first = call({ credentialId: 'cred-1', raw: order(1) });
			expect((await first.run()).workflowData).toBeDefined();
			expect(first.ctx.getCredentials).toHaveBeenCalledTimes(1);
			// Within the second: the cached secrets decide, n8n is not asked.
			const cached = call({ credentialId: 'cred-1', raw: order(2) });
			expect((await cached.run()).workflowData).toBeDefined();
			expect(cached.ctx.getCredentials).not.toHaveBeenCalled();
			// The user changed the token: a delivery with the new one is re-checked against a fresh read.
			const NEW = 'a-brand-new-token-22';
			const rotated = call({ credentialId: 'cred-1', raw: order(3), query: { token: NEW }, secrets: { token: NEW } });
			expect((await rotated.run()).workflowData).toBeDefined();
			expect(rotated.ctx.getCredentials).toHaveBeenCalledTimes(1);
			// The old token: refused by the fresh secrets, and again after reading them anew.
			const old = call({ credentialId: 'cred-1', raw: order(4), secrets: { token: NEW } });
			expect((await old.run()).noWebhookResponse).toBe(true);
			expect(old.res.status).toHaveBeenCalledWith(401);
			// Another credential never sees this one's secrets.
			const other = call({ credentialId: 'cred-2', raw: order(5), query: { token: NEW }, secrets: { token: TOKEN } });
			expect((await other.run()).noWebhookResponse).toBe(true);
			expect(other.ctx.getCredentials).toHaveBeenCalledTimes(1);
			// A credential emptied since: past the second, every delivery is refused.
			jest.setSystemTime(1_000_000 + SECRETS_TTL_MS + 1);
			const emptied = call({ credentialId: 'cred-1', raw: order(6), query: { token: NEW }, secrets: {} });
			expect((await emptied.run()).noWebhookResponse).toBe(true);
			expect(emptied.res.status).toHaveBeenCalledWith(401);
			expect(emptied.ctx.getCredentials).toHaveBeenCalledTimes(1);
		} finally {
			jest.useRealTimers();
		}
	});

	it('decodes a form-encoded body into raw', async () => {
		const out = await call({ raw: 'order_id=9&status=In+progress&remains=5&note=a%20b' }).run();
		expect(out.workflowData?.[0]?.[0]?.json).toMatchObject({ order: '9', status: 'In progress', raw: { order_id: '9', status: 'In progress', remains: '5', note: 'a b' } });
	});

	it('filters by status and by final state', async () => {
		expect(await call({ raw: body({ status: 'In progress' }), options: { onlyFinal: true } }).run()).toEqual({});
		expect((await call({ raw: body({ status: 'Partial' }), options: { onlyFinal: true } }).run()).workflowData).toHaveLength(1);
		expect(await call({ raw: body({ status: 'Partial' }), options: { statuses: ['Completed'] } }).run()).toEqual({});
		expect((await call({ raw: body({ status: 'Cancelled' }), options: { statuses: ['Canceled'] } }).run()).workflowData).toHaveLength(1);
	});

	it('drops a duplicate delivery unless told not to; "4.50" and 4.5 are the same delivery', async () => {
		expect((await call({}).run()).workflowData).toHaveLength(1);
		expect(await call({}).run()).toEqual({});
		expect(await call({ raw: body({ charge: '4.50', order_id: '1487' }) }).run()).toEqual({});
		expect((await call({ raw: body({ status: 'Partial', remains: 5 }) }).run()).workflowData).toHaveLength(1);
		expect((await call({ options: { dropDuplicates: false } }).run()).workflowData).toHaveLength(1);
	});

	it('of 10 identical deliveries at once, each with its own copy of the static data, exactly one starts', async () => {
		const copies = Array.from({ length: 10 }, () => ({}) as Record<string, unknown>);
		const outs = await Promise.all(copies.map((staticData) => call({ staticData }).run()));
		expect(outs.filter((o) => o.workflowData)).toHaveLength(1);
	});

	it('persists a complete set whichever request n8n saves last, and remembers it after a restart', async () => {
		// n8n hands each request its own copy and saves it whole: the copy saved last must hold every key.
		const copies = Array.from({ length: 50 }, () => ({}) as Record<string, unknown>);
		await Promise.all(copies.map((staticData, i) => call({ staticData, raw: body({ order_id: 1000 + i }) }).run()));
		const first = JSON.parse(JSON.stringify(copies[0]));
		expect(Object.keys(first.seen)).toHaveLength(50);
		forgetDeliveryMemories(); // a restart: the process memory is gone, the static data is not
		const outs = await Promise.all(copies.map((_c, i) => call({ staticData: JSON.parse(JSON.stringify(first)), raw: body({ order_id: 1000 + i }) }).run()));
		expect(outs.filter((o) => o.workflowData)).toHaveLength(0);
		expect((await call({ staticData: JSON.parse(JSON.stringify(first)), raw: body({ order_id: 5000 }) }).run()).workflowData).toHaveLength(1);
	});

	it('keeps the static data marked changed through the run n8n starts before it answers (real n8n-workflow Workflow)', async () => {
		const stored: Record<string, unknown> = {}; // as n8n loads it for one request
		const nodeTypes = { getByNameAndVersion: () => trigger, getByName: () => trigger, getKnownTypes: () => ({}) };
		const node = { id: 'n1', name: 'Panel Trigger', type: 'n8n-nodes-panel.panelTrigger', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };
		const build = () => new Workflow({ id: `wf${workflowSeq}`, nodes: [{ ...node }], connections: {}, active: true, nodeTypes: nodeTypes as never, staticData: stored as never });
		const wf = build();
		const ctx = mock<IWebhookFunctions>();
		const res = { status: jest.fn(), json: jest.fn(), once: jest.fn(), statusCode: 200, headersSent: true };
		ctx.getRequestObject.mockReturnValue({ rawBody: Buffer.from(body()), body: {}, headers: {}, query: { token: TOKEN } } as never);
		ctx.getResponseObject.mockReturnValue(res as never);
		ctx.getNodeParameter.mockReturnValue({} as never);
		ctx.getCredentials.mockResolvedValue({ token: TOKEN } as never);
		ctx.getWorkflow.mockReturnValue({ id: `wf${workflowSeq}` } as never);
		ctx.getNode.mockReturnValue(node as never);
		ctx.getWorkflowStaticData.mockImplementation(((type: string) => wf.getStaticData(type, node as never)) as never);
		(ctx.helpers as unknown as Record<string, unknown>).returnJsonArray = (items: unknown[]) => items.map((json) => ({ json }));
		expect((await trigger.webhook.call(ctx)).workflowData).toHaveLength(1);
		expect(wf.staticData.__dataChanged).toBe(true);
		build(); // what n8n's WorkflowRunner does before it answers: the mark is reset …
		expect(wf.staticData.__dataChanged).toBe(false);
		await Promise.resolve();
		expect(wf.staticData.__dataChanged).toBe(true); // … and set again
		const saved = JSON.parse(JSON.stringify(wf.staticData));
		expect(Object.keys(saved['node:Panel Trigger'].seen)).toEqual(['1487|Completed|0|8421|4.5']);
		// Once n8n has answered, the request is forgotten: no more re-marks.
		for (const [, forget] of res.once.mock.calls as Array<[string, () => void]>) forget();
		wf.staticData.__dataChanged = false;
		build();
		await Promise.resolve();
		expect(wf.staticData.__dataChanged).toBe(false);
	});

	it('forgets a delivery n8n then failed to turn into an execution, so the Panel\'s retry gets through', async () => {
		const c = call({});
		expect((await c.run()).workflowData).toHaveLength(1);
		const handlers = Object.fromEntries((c.res.once.mock.calls as Array<[string, () => void]>).map(([e, f]) => [e, f]));
		Object.assign(c.res, { statusCode: 500, headersSent: true });
		handlers.finish!();
		handlers.close!();
		expect((await call({}).run()).workflowData).toHaveLength(1); // the retry starts it
		const ok = call({ raw: body({ order_id: 1488 }) });
		await ok.run();
		const okHandlers = Object.fromEntries((ok.res.once.mock.calls as Array<[string, () => void]>).map(([e, f]) => [e, f]));
		Object.assign(ok.res, { statusCode: 200, headersSent: true });
		okHandlers.finish!();
		expect(await call({ raw: body({ order_id: 1488 }) }).run()).toEqual({}); // a 200 keeps it
	});

	it('takes in keys another process saved', async () => {
		await call({ staticData: {} }).run();
		const other = { seen: { [`2000|Completed|0|8421|4.5`]: Date.now() }, writer: 'another-process' };
		expect(await call({ staticData: other, raw: body({ order_id: 2000 }) }).run()).toEqual({});
	});
});

describe('Panel Webhook API credential', () => {
	const test = (data: Record<string, string>) => (trigger.methods.credentialTest.panelWebhookSecrets as (c: unknown) => Promise<{ status: string; message: string }>).call({}, { id: '1', name: 'c', type: 'panelWebhookApi', data });
	it('holds the token and HMAC secret as passwords; its test checks their shape', async () => {
		const cred = new PanelWebhookApi();
		expect(cred.properties.map((p) => [p.name, p.typeOptions])).toEqual([['token', { password: true }], ['hmacSecret', { password: true }]]);
		expect(trigger.description.credentials).toEqual([{ name: 'panelWebhookApi', required: true, testedBy: 'panelWebhookSecrets' }]);
		expect(await test({ token: TOKEN })).toMatchObject({ status: 'OK' });
		expect(await test({ hmacSecret: 'k' })).toMatchObject({ status: 'OK' });
		expect(await test({})).toMatchObject({ status: 'Error' });
		expect(await test({ token: 'with space and &=' })).toMatchObject({ status: 'Error' });
		expect(await test({ token: 'short' })).toMatchObject({ status: 'Error' });
	});
});
