/**
 * REAL n8n (2.41.1, single instance, `n8n start`) and the published Panel Trigger, with the
 * sandbox firing its webhooks at it:
 * - hostile requests (≥ 30: secret shapes, bodies, encodings, sizes) start nothing and none
 *   gets a 500;
 * - 10 identical deliveries at once start one execution, and the 200 comes only once it exists;
 * - 1,000 status changes fired in 8 lanes start exactly 1,000 executions; n8n restarts; every
 *   delivery fired again starts nothing more (the remembered set survived the restart).
 * One n8n home, two starts (the restart is part of the proof).
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

const PKG = path.resolve(__dirname, '../..');
const WORKFLOW_ID = 'wfPanelTrigDeliv';
const WEBHOOK_ID = '6a1d7c2e-3b4f-4e5a-8c9d-0e1f2a3b4c5d';
const TOKEN = 'delivery-test-token-0123456789';
const ORDERS = 500; // × (In progress, Completed) = 1,000 status changes
const LANES = 8;

jest.setTimeout(30 * 60_000);

let sb: Sandbox;
let h: any;
let server: any;
let work: string;
let url: string;
const log = (m: string) => process.stderr.write(`[trigger-delivery] ${m}\n`);

/** Executions of the workflow, counted in n8n's database. */
function executionCount(): number {
	const { DatabaseSync } = require('node:sqlite');
	const db = new DatabaseSync(path.join(h.home, '.n8n', 'database.sqlite'), { readOnly: true });
	try {
		return (db.prepare('SELECT COUNT(*) AS n FROM execution_entity WHERE workflowId = ?').get(WORKFLOW_ID) as { n: number }).n;
	} finally {
		db.close();
	}
}

/** Waits until the count stops moving (or reaches `atLeast`), then a little longer so an unwanted one can show up. */
async function settle(atLeast = 0, quietMs = 3000): Promise<number> {
	const deadline = Date.now() + 600_000;
	let last = -1;
	let since = Date.now();
	for (;;) {
		const n = executionCount();
		if (n !== last) {
			last = n;
			since = Date.now();
		}
		if (n >= atLeast && Date.now() - since >= quietMs) return n;
		if (Date.now() > deadline) return n;
		await new Promise((r) => setTimeout(r, 250));
	}
}

const post = (query: string, body: string | Buffer, headers: Record<string, string> = {}, method = 'POST') =>
	fetch(`${url}${query}`, { method, headers: { 'content-type': 'application/json', ...headers }, ...(method === 'GET' ? {} : { body }) });

async function startN8n(): Promise<void> {
	server = await h.start();
	// n8n answers /healthz before it has activated the workflows: wait for the webhook
	// (an unauthenticated probe gets 401 once it is registered, 404 before).
	const deadline = Date.now() + 120_000;
	while ((await post('', '{}')).status === 404 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
}

beforeAll(async () => {
	work = fs.mkdtempSync(path.join(os.tmpdir(), 'panel-trigger-test-'));
	execFileSync(process.execPath, [path.join(PKG, 'scripts/build.js'), '--no-typecheck'], { stdio: 'inherit' });
	const tarball = pack(path.join(work, 'pack'));
	sb = await startSandbox({ port: 0, clock: 'manual', rateLimit: false, webhookRetry: { concurrency: LANES } });
	h = await harness.createN8nHome({ tarball, userFolder: path.join(work, 'home'), log });
	await h.importCredentials(W.credentials({ apiUrl: sb.apiUrl, apiKey: sb.key, webhookToken: TOKEN }));
	await h.importWorkflows([W.trigger({ webhookId: WEBHOOK_ID, id: WORKFLOW_ID, name: 'Panel trigger deliveries', options: { onlyFinal: false } })]);
	await h.publishWorkflow(WORKFLOW_ID);
	url = `${h.baseUrl}/webhook/${WEBHOOK_ID}/panel`;
	await startN8n();
});

afterAll(async () => {
	await server?.stop();
	await sb?.stop();
	if (work) fs.rmSync(work, { recursive: true, force: true });
});

const good = (o: Record<string, unknown> = {}) => JSON.stringify({ order_id: 77, status: 'Completed', remains: 0, start_count: 5, charge: '1.20', ...o });
const T = `?token=${TOKEN}`;

// [what, query, body, headers, expected status (or statuses), method]
type Hostile = [string, string, string | Buffer, Record<string, string>, number | number[], string?];
const HOSTILE: Hostile[] = [
	// Secret shapes, in the query
	['no secret at all', '', good(), {}, 401],
	['a wrong token', '?token=wrong', good(), {}, 401],
	['the token in another case', `?token=${TOKEN.toUpperCase()}`, good(), {}, 401],
	['the parameter name in another case', `?TOKEN=${TOKEN}`, good(), {}, 401],
	['a bracketed token (an object)', `?token[a]=${TOKEN}`, good(), {}, 401],
	['an array token', `?token[]=${TOKEN}`, good(), {}, 401],
	['a repeated token, both right', `?token=${TOKEN}&token=${TOKEN}`, good(), {}, 401],
	['a repeated token, one right', `?token=wrong&token=${TOKEN}`, good(), {}, 401],
	['an indexed token', `?token[0]=${TOKEN}`, good(), {}, 401],
	['an empty token', '?token=', good(), {}, 401],
	['the token with a trailing NUL', `?token=${TOKEN}%00`, good(), {}, 401],
	['the token with a space', `?token=${TOKEN}%20`, good(), {}, 401],
	['a huge token (5,000 characters)', `?token=${'a'.repeat(5000)}`, good(), {}, 401],
	['a prefix of the token', `?token=${TOKEN.slice(0, -1)}`, good(), {}, 401],
	// ... in a header
	['a wrong header', '', good(), { 'x-panel-token': 'wrong' }, 401],
	['a header in another case', '', good(), { 'x-panel-token': TOKEN.toUpperCase() }, 401],
	['a header repeated (joined by commas)', '', good(), { 'x-panel-token': `${TOKEN}, ${TOKEN}` }, 401],
	['a huge header (8,000 characters)', '', good(), { 'x-panel-token': 'b'.repeat(8000) }, 401],
	['a right header beside a wrong query (the query decides)', '?token=wrong', good(), { 'x-panel-token': TOKEN }, 401],
	['a right header beside a malformed query', `?token[x]=1`, good(), { 'x-panel-token': TOKEN }, 401],
	['the token as a bearer header', '', good(), { authorization: `Bearer ${TOKEN}` }, 401],
	// Bodies, with the right token
	['an empty body', T, '', {}, 400],
	['an empty object', T, '{}', {}, 400],
	['a JSON array', T, '[{"order_id":1,"status":"Completed"}]', {}, 400],
	['JSON null', T, 'null', {}, 400],
	['a JSON string', T, '"Completed"', {}, 400],
	['broken JSON declared as JSON (n8n\'s parser answers)', T, '{"order_id": 1, "status":', {}, [400, 422]],
	['broken JSON as text', T, '{"order_id": 1, "status":', { 'content-type': 'text/plain' }, 400],
	['a negative order id', T, good({ order_id: -5 }), {}, 400],
	['a negative order id as text', T, good({ order_id: '-5' }), {}, 400],
	['a fractional order id', T, good({ order_id: 1.5 }), {}, 400],
	['an object as order id', T, good({ order_id: { $gt: 1 } }), {}, 400],
	['no status', T, JSON.stringify({ order_id: 77 }), {}, 400],
	['a null status', T, good({ status: null }), {}, 400],
	['a body over 64 KB', T, good({ pad: 'x'.repeat(70_000) }), {}, [400, 413]],
	['HTML', T, '<html><body>hi</body></html>', { 'content-type': 'text/html' }, 400],
	['XML', T, '<order><order_id>1</order_id><status>Completed</status></order>', { 'content-type': 'application/xml' }, 400],
	['a form without an order id', T, 'status=Completed&remains=0', { 'content-type': 'application/x-www-form-urlencoded' }, 400],
	['binary noise', T, Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80, 0x7b]), { 'content-type': 'application/octet-stream' }, 400],
	['multipart form data', T, '--b\r\nContent-Disposition: form-data; name="order_id"\r\n\r\n1\r\n--b--\r\n', { 'content-type': 'multipart/form-data; boundary=b' }, 400],
	['GET instead of POST', T, '', {}, [404, 405], 'GET'],
];

describe('the published Panel Trigger in real n8n', () => {
	it(`answers ${HOSTILE.length} hostile requests with 4xx (never 500) and starts nothing`, async () => {
		const answers: Array<[string, number]> = [];
		for (const [what, query, body, headers, , method] of HOSTILE) answers.push([what, (await post(query, body, headers, method)).status]);
		log(`hostile answers: ${answers.map(([w, s]) => `${s} ${w}`).join(' | ')}`);
		const unexpected = answers.filter(([, s], i) => ![HOSTILE[i]![4]].flat().includes(s));
		expect(unexpected).toEqual([]);
		expect(answers.filter(([, s]) => s >= 500)).toEqual([]);
		expect(await settle(0)).toBe(0);
	});

	it('starts one execution for 10 identical deliveries at once, and answers 200 only once it exists', async () => {
		const answers = await Promise.all(Array.from({ length: 10 }, () => post(T, good())));
		expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
		// Every 200 has come back: the execution is already in the database, no waiting.
		expect(executionCount()).toBe(1);
		expect(await settle(1)).toBe(1);
	});

	it('takes a delivery whatever content type the Panel declares, or none (1.1 reads the bytes n8n leaves unread)', async () => {
		const before = executionCount();
		const send = (body: string, headers: Record<string, string>) => fetch(`${url}${T}`, { method: 'POST', headers, body: Buffer.from(body) });
		const answers = [
			await send(good({ order_id: 78 }), { 'content-type': 'application/octet-stream' }),
			await send(good({ order_id: 79 }), {}),
			await send(good({ order_id: 80, charge: '2.5' }), { 'content-type': 'application/vnd.panel+json' }),
		];
		expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
		expect(executionCount() - before).toBe(3);
	});

	it('turns 1,000 status changes fired in 8 lanes into exactly 1,000 executions; after a restart, firing them all again starts none', async () => {
		const before = executionCount();
		const key = 'sandbox-trigger-waves';
		sb.addAccount({ key, balance: '100000.00', currency: 'USD' });
		sb.setWebhook(key, { url, token: TOKEN, tokenIn: 'query' });
		for (let i = 0; i < ORDERS; i++) sb.seedOrder({ key, service: 1, link: `https://instagram.com/p/wave-${i}`, quantity: 1000 });
		const t0 = Date.now();
		// Pending → In progress after the start delay, → Completed a simulated minute later;
		// further steps give any failed attempt its retries.
		await sb.advance(61_000);
		await sb.advance(61_000);
		for (let i = 0; i < 6; i++) await sb.advance(5_000 * 2 ** i);
		await sb.webhooksIdle();
		const fired = sb.deliveries().filter((d) => d.url === url);
		const changes = new Set(fired.map((d) => `${d.orderId}:${d.status}`));
		expect(changes.size).toBe(2 * ORDERS);
		expect(fired.filter((d) => d.state !== 'delivered')).toEqual([]);
		const attempts = fired.reduce((n, d) => n + d.attempts.length, 0);
		const wave1 = (await settle(before + changes.size)) - before;
		log(`wave 1: ${changes.size} changes, ${attempts} attempts, ${wave1} executions in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
		expect(wave1).toBe(changes.size);

		// The remembered set n8n persisted is complete (whichever request it saved last).
		await server.stop();
		const seen = Object.keys((h.staticData(WORKFLOW_ID) ?? {})['node:Panel Trigger']?.seen ?? {});
		log(`persisted keys after wave 1: ${seen.length}`);
		// One key per execution: this wave's and the earlier tests'.
		expect(seen.length).toBe(changes.size + before);
		await startN8n();

		// Wave 2: every delivery again, 8 at a time, as a Panel re-sending after a restart would.
		const queue = [...fired];
		const statuses: number[] = [];
		await Promise.all(
			Array.from({ length: LANES }, async () => {
				for (let d = queue.shift(); d; d = queue.shift()) statuses.push((await post(T, d.body)).status);
			}),
		);
		expect(statuses.filter((s) => s !== 200)).toEqual([]);
		const total = (await settle(0, 5000)) - before;
		log(`wave 2 (after a restart): ${statuses.length} deliveries again → ${total - wave1} new executions`);
		expect(total).toBe(changes.size);
	});
});
