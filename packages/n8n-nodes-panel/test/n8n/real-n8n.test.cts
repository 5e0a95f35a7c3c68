/**
 * REAL n8n (2.41.1, headless, installed by scripts/n8n/ensure-n8n.sh into a cache outside
 * the repo) loads the packed tarball and runs workflows against the sandbox Panel over
 * loopback HTTP: every operation and order type, errors to the error output, 1,000 items'
 * statuses in ≤ 10 requests, and the trigger receiving the sandbox's webhooks.
 * The first run on a machine installs n8n (~5–8 min); later runs reuse the cache.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox } from '@panel/sandbox';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const harness = require('../../../../scripts/n8n/harness.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const W = require('../../../../scripts/n8n/workflows.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pack } = require('../../scripts/pack.js');

type Item = { json: Record<string, unknown>; pairedItem?: { item: number }; error?: unknown };
const PKG = path.resolve(__dirname, '../..');

jest.setTimeout(30 * 60_000);

let sb: Sandbox;
let h: any;
let work: string;
const WRONG_KEY = 'test-key-wrong-in-n8n';
const ids = { toCancel: 0, completed: 0, statuses: [] as number[], many: [] as number[], wrongKey: true };
const WEBHOOK_ID = '3f0c9a52-7a55-4d2e-9a51-0c6d1b0e7a11';
const TRIGGER_TOKEN = 'n8n-trigger-test-secret';
let run: any;
let runText = '';

function out(name: string, index = 0): Item[] {
	const items = harness.nodeOutput(run, name, index);
	if (items === undefined) throw new Error(`node "${name}" did not run; error: ${JSON.stringify(harness.nodeError(run, name))}`);
	return items;
}

beforeAll(async () => {
	work = fs.mkdtempSync(path.join(os.tmpdir(), 'panel-n8n-test-'));
	// The tarball n8n installs is exactly what would be published: build, then pnpm pack.
	execFileSync(process.execPath, [path.join(PKG, 'scripts/build.js'), '--no-typecheck'], { stdio: 'inherit' });
	const tarball = pack(path.join(work, 'pack'));
	sb = await startSandbox({ port: 0, clock: 'manual' });
	h = await harness.createN8nHome({ tarball, userFolder: path.join(work, 'home'), log: (m: string) => process.stderr.write(`[real-n8n] ${m}\n`) });

	ids.toCancel = sb.seedOrder({ key: sb.key, service: 2, link: 'https://instagram.com/p/cancel-me', quantity: 100 }).order;
	ids.completed = sb.seedOrder({ key: sb.key, service: 1, link: 'https://instagram.com/p/refill-me', quantity: 100 }).order;
	await sb.setOutcome(ids.completed, 'complete');
	ids.statuses = [ids.toCancel, ids.completed];
	for (let i = 0; i < 1000; i++) {
		ids.many.push(sb.seedOrder({ key: sb.key, service: 11, link: `https://tiktok.com/@n8n/video/${i}`, quantity: 100 }).order);
	}
	await h.importCredentials(W.credentials({ apiUrl: sb.apiUrl, apiKey: sb.key, wrongKey: WRONG_KEY, webhookToken: TRIGGER_TOKEN }));
	await h.importWorkflows([
		W.allOperations(ids),
		W.manyStatuses(ids.many),
		W.placeAndTrack(),
		// Version 1, as older workflows hold it (the delivery suite runs 1.1, what the editor adds).
		W.trigger({ webhookId: WEBHOOK_ID, typeVersion: 1 }),
	]);
});

afterAll(async () => {
	await sb?.stop();
	if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('the packed package in real n8n', () => {
	it('loads both nodes, the AI tool variant and the credential', async () => {
		const names = (await h.exportNodes()).map((n: { name: string }) => n.name);
		expect(names).toEqual(expect.arrayContaining(['n8n-nodes-panel.panel', 'n8n-nodes-panel.panelTrigger', 'n8n-nodes-panel.panelTool']));
	});

	describe('every operation in one workflow run', () => {
		beforeAll(async () => {
			sb.clearRequests();
			const res = await h.execute('wfPanelAllOps01');
			run = res.run;
			runText = res.stdout + res.stderr;
		});

		it('finishes, with no node failing', () => {
			expect(run.data.resultData.error).toBeUndefined();
		});

		it('Account → Get balance', () => {
			expect(out('Balance').map((i) => i.json)).toEqual([expect.objectContaining({ balance: expect.stringMatching(/^\d+(\.\d*[1-9])?$/), currency: 'USD' })]);
		});

		it('Service → Get many, all and filtered; Service → Get', () => {
			expect(out('Services')).toHaveLength(sb.catalog().length);
			expect(out('Services Filtered').map((i) => i.json.service)).toEqual(['7']);
			expect(out('Service')[0]?.json).toMatchObject({ service: '7', type: 'Poll', rate: '0.3355', min: 20, max: 20000 });
		});

		it.each(W.ORDERS.map((o: [string, number]) => [o[0], o[1]]) as Array<[string, number]>)('Order → Create places a %s order on service %s', (type, service) => {
			const [item] = out(`Create ${type}`);
			expect(item?.pairedItem).toEqual({ item: 0 });
			const order = sb.order(Number(item?.json.order));
			expect(order).toMatchObject({ service: Number(service), type });
			expect(item?.json.charge_estimate).toBe(order?.charge);
		});

		it('bills by the type\'s own rule (comment lines, posts × max, fixed package)', () => {
			expect(out('Create Custom Comments')[0]?.json).toMatchObject({ quantity: 3, quantity_rule: '3 comment lines' });
			expect(out('Create Custom Comments Package')[0]?.json).toMatchObject({ quantity: 15, quantity_rule: 'Posts 3 × max 5' });
			expect(out('Create Package')[0]?.json).toMatchObject({ quantity: 1000, quantity_rule: 'Fixed by the service' });
			expect(out('Create Default')[0]?.json).toMatchObject({ quantity: 200, quantity_rule: 'Quantity 100 × 2 runs' });
		});

		it('sends one add per placed order and none for the dry run or refused orders', () => {
			expect(sb.requests({ action: 'add' })).toHaveLength(W.ORDERS.length);
			expect(out('Dry Run')[0]?.json).toMatchObject({ dry_run: true, charge_estimate: '0.3355', quantity: 1000, request: { action: 'add', service: '7', answer_number: '1' } });
		});

		it('Order → Get status of the order just created', () => {
			const created = out('Create Default')[0]?.json.order;
			expect(out('Order Status')[0]?.json).toMatchObject({ order: created, status: 'Pending', final: false });
			expect(out('Order Status')[0]?.json).not.toHaveProperty('error');
		});

		it('routes refused orders and unknown ids to the error output, naming what to fix', () => {
			expect(out('Subscriptions Refused').map((i) => Object.keys(i.json))).toEqual([['error']]);
			expect(String(out('Subscriptions Refused')[0]?.json.error)).toMatch(/Subscriptions/);
			expect(harness.nodeOutput(run, 'Subscriptions Placed')).toBeUndefined();
			expect(String(out('Wrong Type Refused')[0]?.json.error)).toMatch(/Order Type/);
			expect(String(out('Quantity Refused')[0]?.json.error)).toMatch(/quantity/i);
			expect(String(out('Unknown Order Error')[0]?.json.error)).toMatch(/999999/);
		});

		it('Order → Get many statuses keeps a per-id error as data', () => {
			const items = out('Many Statuses').map((i) => i.json);
			expect(items.map((i) => i.order)).toEqual([...ids.statuses.map(String), '999999']);
			expect(items[1]).toMatchObject({ status: 'Completed', final: true });
			expect(items[1]).not.toHaveProperty('error');
			expect(items[2]?.error).toEqual(expect.any(String));
		});

		it('Order → Cancel, Order → Refill and Refill → Get status', () => {
			expect(out('Cancel').map((i) => i.json)).toEqual([{ order: String(ids.toCancel), canceled: true }]);
			const refill = out('Refill')[0]?.json;
			expect(refill).toEqual({ order: String(ids.completed), refill: expect.any(String) });
			expect(out('Refill Status')[0]?.json).toMatchObject({ refill: refill?.refill, status: 'Pending' });
			expect(out('Refill Status')[0]?.json).not.toHaveProperty('error');
		});

		it('a key the Panel refuses: an authentication error on the error output that says what to fix', () => {
			const [item] = out('Wrong Key Error');
			expect(Object.keys(item!.json)).toEqual(['error']);
			expect(String(item!.json.error)).toMatch(/API key/i);
		});

		it('never writes an API key (accepted or refused) into the execution, the logs or n8n\'s files', () => {
			for (const key of [sb.key, WRONG_KEY]) {
				expect(JSON.stringify(run)).not.toContain(key);
				expect(runText).not.toContain(key);
				expect(h.allBytes().includes(Buffer.from(key))).toBe(false);
			}
		});
	});

	it('the example workflow places an order and reads its status', async () => {
		const { run: example } = await h.execute('wfPanelPlaceTrk1');
		const placed = harness.nodeOutput(example, 'Place Order')[0].json;
		expect(sb.order(Number(placed.order))).toMatchObject({ service: 1, type: 'Default', quantity: 100 });
		expect(harness.nodeOutput(example, 'Order Status')[0].json).toMatchObject({ order: placed.order, status: 'Pending', final: false });
	});

	it('fetches the statuses of 1,000 input items in at most 10 requests', async () => {
		sb.clearRequests();
		const { run: statusRun } = await h.execute('wfPanelStatuses1');
		const items: Item[] = harness.nodeOutput(statusRun, 'Get Status');
		expect(items).toHaveLength(1000);
		items.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json).toMatchObject({ order: String(ids.many[i]), status: 'Pending' });
			expect(item.json).not.toHaveProperty('error');
		});
		const requests = sb.requests();
		process.stderr.write(`[real-n8n] 1,000 items → ${requests.length} requests (${requests.map((r) => r.action).join(', ')})\n`);
		expect(requests.length).toBeLessThanOrEqual(10);
		expect(requests.every((r) => r.action === 'multiStatus')).toBe(true);
	});

	describe('Panel Trigger, activated in n8n start', () => {
		let server: any;
		let url: string;
		const executions = () => h.executions('wfPanelTrigger01');
		async function executionsSettle(expected: number): Promise<any[]> {
			const deadline = Date.now() + 60_000;
			let list = executions();
			while (list.length < expected && Date.now() < deadline) {
				await new Promise((r) => setTimeout(r, 500));
				list = executions();
			}
			// A little longer, so an execution that should not exist has the time to show up.
			await new Promise((r) => setTimeout(r, 1500));
			return executions();
		}
		const post = (query: string, body: string, headers: Record<string, string> = {}) =>
			fetch(`${url}${query}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

		beforeAll(async () => {
			await h.publishWorkflow('wfPanelTrigger01');
			server = await h.start();
			url = `${h.baseUrl}/webhook/${WEBHOOK_ID}/panel`;
			// n8n answers /healthz before it has activated the workflows: wait for the webhook
			// (an unauthenticated probe gets 401 once it is registered, 404 before).
			const deadline = Date.now() + 120_000;
			while ((await post('', '{}')).status === 404 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
		});
		afterAll(async () => {
			await server?.stop();
		});

		it('tests the credential in n8n: OK for the sandbox, a readable failure for a wrong key or URL, never showing the key', async () => {
			const headers = { 'content-type': 'application/json', 'browser-id': 'panel-n8n-test' };
			const setup = await fetch(`${h.baseUrl}/rest/owner/setup`, {
				method: 'POST',
				headers,
				body: JSON.stringify({ email: 'owner@panel.test', firstName: 'Panel', lastName: 'Owner', password: 'Panel-integrations-1' }),
			});
			expect(setup.status).toBe(200);
			const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0] as string;
			const test = async (data: Record<string, string>) => {
				const res = await fetch(`${h.baseUrl}/rest/credentials/test`, {
					method: 'POST',
					headers: { ...headers, cookie },
					body: JSON.stringify({ credentials: { id: W.CREDENTIAL.id, name: W.CREDENTIAL.name, type: 'panelApi', data } }),
				});
				const json = (await res.json()) as { data: { status: string; message: string } };
				return json.data;
			};
			expect(await test({ apiUrl: sb.apiUrl, apiKey: sb.key })).toMatchObject({ status: 'OK' });
			const wrongKey = await test({ apiUrl: sb.apiUrl, apiKey: 'test-key-wrong' });
			expect(wrongKey.status).toBe('Error');
			expect(wrongKey.message).toMatch(/rejected the API key/);
			expect(wrongKey.message).not.toContain('test-key-wrong');
			const notTheApi = await test({ apiUrl: `${h.baseUrl}/healthz`, apiKey: sb.key });
			expect(notTheApi.status).toBe('Error');
			expect(notTheApi.message).toMatch(/API URL/);
			const down = await test({ apiUrl: 'http://127.0.0.1:9/api/v2', apiKey: sb.key });
			expect(down.status).toBe('Error');
			// Through core (the node's panelApiTest), not n8n's bare "ECONNREFUSED".
			expect(down.message).toMatch(/^Could not connect to the Panel for "balance" \(ECONNREFUSED.*\)\. Check the API URL's host and port and that the Panel is reachable from here\.$/);
			expect(notTheApi.message).toMatch(/^The Panel answered "balance" with .* Check the API URL/);
			process.stderr.write(`[real-n8n] credential test messages: wrong key → ${wrongKey.message} | not the API → ${notTheApi.message} | down → ${down.message}\n`);
			expect(notTheApi.message + down.message).not.toContain(sb.key);
		});

		it('the editor\'s node types offer no "Custom API Call" for the Panel node (n8n adds it to its own nodes)', async () => {
			// The owner was set up by the test above; the editor's node types need a session.
			const login = await fetch(`${h.baseUrl}/rest/login`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'browser-id': 'panel-n8n-test' },
				body: JSON.stringify({ emailOrLdapLoginId: 'owner@panel.test', password: 'Panel-integrations-1' }),
			});
			expect(login.status).toBe(200);
			const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
			const res = await fetch(`${h.baseUrl}/types/nodes.json`, { headers: { cookie, 'browser-id': 'panel-n8n-test' } });
			const body = (await res.json()) as unknown;
			const types = (Array.isArray(body) ? body : (body as { data: unknown }).data) as Array<{ name: string; properties: Array<{ name: string; options?: Array<{ value: unknown }> }> }>;
			const offersCustomCall = (t: (typeof types)[number]) =>
				t.properties.some((p) => ['resource', 'operation'].includes(p.name) && (p.options ?? []).some((o) => o.value === '__CUSTOM_API_CALL__'));
			const panel = types.filter((t) => t.name === 'n8n-nodes-panel.panel');
			expect(panel.length).toBeGreaterThan(0);
			expect(panel.filter(offersCustomCall)).toEqual([]);
			// Control: the same check does find it on n8n's own nodes whose credential has `authenticate`.
			expect(types.some(offersCustomCall)).toBe(true);
		});

		it('starts one execution per final status change the sandbox fires, with normalised items and the raw body', async () => {
			// An account of its own, so only this test's orders post to the trigger.
			const key = 'sandbox-trigger-key';
			sb.addAccount({ key, balance: '100.00', currency: 'USD' });
			sb.setWebhook(key, { url, token: TRIGGER_TOKEN, tokenIn: 'query' });
			const a = sb.seedOrder({ key, service: 3, link: 'https://youtube.com/watch?v=a', quantity: 1000 }).order;
			const b = sb.seedOrder({ key, service: 3, link: 'https://youtube.com/watch?v=b', quantity: 1000 }).order;
			// Each goes Pending → In progress (not final: filtered out) → Completed / Partial.
			await sb.setOutcome(a, 'complete');
			await sb.setOutcome(b, 'partial', { delivered: 400 });
			await sb.webhooksIdle();
			const fired = sb.deliveries().filter((d) => d.orderId === a || d.orderId === b);
			expect(fired.length).toBeGreaterThanOrEqual(3);
			expect(fired.every((d) => d.state === 'delivered')).toBe(true);

			const list = await executionsSettle(2);
			expect(list).toHaveLength(2);
			const received = list.map((e: any) => e.data.resultData.runData['Received'][0].data.main[0].map((i: Item) => i.json));
			expect(received.flat()).toEqual(
				expect.arrayContaining([
					expect.objectContaining({ order: String(a), status: 'Completed', final: true, remains: 0, raw: expect.objectContaining({ order_id: a }) }),
					expect.objectContaining({ order: String(b), status: 'Partial', final: true, remains: 600, raw: expect.objectContaining({ order_id: b }) }),
				]),
			);
			received.forEach((items: unknown[]) => expect(items).toHaveLength(1));
		});

		it('answers 401 to a wrong or missing secret and 400 to a malformed body, starting nothing; drops a duplicate', async () => {
			const before = executions().length;
			const body = JSON.stringify({ order_id: 424242, status: 'Completed', remains: 0, start_count: 10, charge: 1.5 });
			expect((await post('?token=wrong-secret', body)).status).toBe(401);
			expect((await post('', body)).status).toBe(401);
			expect((await post('', body, { 'x-panel-token': 'also-wrong' })).status).toBe(401);
			// Not an order update: the node answers 400.
			expect((await post(`?token=${TRIGGER_TOKEN}`, JSON.stringify({ status: 'Completed' }))).status).toBe(400);
			expect((await post(`?token=${TRIGGER_TOKEN}`, '{"order_id": 1, "status":', { 'content-type': 'text/plain' })).status).toBe(400);
			// Broken JSON declared as JSON never reaches the node: n8n's own body parser answers 422.
			expect((await post(`?token=${TRIGGER_TOKEN}`, '{"order_id": 1, "status":')).status).toBe(422);
			expect(await executionsSettle(before)).toHaveLength(before);

			expect((await post('', body, { 'x-panel-token': TRIGGER_TOKEN })).status).toBe(200);
			// n8n stores the remembered delivery once it has answered (within a second or so);
			// a Panel's retry comes later than that.
			const remembered = () => JSON.stringify(h.staticData('wfPanelTrigger01') ?? {}).includes('424242|Completed');
			for (const t = Date.now(); !remembered() && Date.now() - t < 30_000; ) await new Promise((r) => setTimeout(r, 250));
			expect(remembered()).toBe(true);
			expect((await post(`?token=${TRIGGER_TOKEN}`, body)).status).toBe(200); // the same delivery again
			const after = await executionsSettle(before + 1);
			expect(after).toHaveLength(before + 1);
		});
	});
});
