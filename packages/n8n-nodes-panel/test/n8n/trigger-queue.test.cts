/**
 * REAL n8n 2.41.1 in queue mode (Redis, Postgres, main, 2 workers, 2 webhook processors, all
 * started here by scripts/n8n/queue.js and stopped after) and the published Panel Trigger.
 * What the node README promises there, with the figures logged:
 * - one webhook processor: 1,000 status changes, each delivered twice at once (8 lanes), then
 *   every one again → exactly 1,000 executions (the process-wide memory is the authority);
 * - two webhook processors, the two copies of each change sent to different processors at
 *   once, then every change again: nothing lost (every change starts at least one execution),
 *   and a Postgres guard keyed on the trigger's delivery_key (INSERT … ON CONFLICT DO NOTHING)
 *   passes each change exactly once. n8n's Remove Duplicates node on the same key is measured
 *   beside it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startQueueMode } = require('../../../../scripts/n8n/queue.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const harness = require('../../../../scripts/n8n/harness.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const W = require('../../../../scripts/n8n/workflows.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pack } = require('../../scripts/pack.js');

const PKG = path.resolve(__dirname, '../..');
const TOKEN = 'queue-test-token-0123456789';
const ORDERS = 500; // × (In progress, Completed) = 1,000 status changes
const LANES = 8;
const ONE = { id: 'wfPanelTrigQueue1', hook: '7b2e8d3f-4c5a-4f6b-9d0e-1a2b3c4d5e6f' };
const TWO = { id: 'wfPanelTrigQueue2', hook: '8c3f9e4a-5d6b-4a7c-8e1f-2b3c4d5e6f70' };
const SETUP = { id: 'wfPanelQueueSetup', path: 'panel-queue-setup' };
const PG_CREDENTIAL = { id: 'panelQueuePgCred1', name: 'Postgres (queue test)' };

jest.setTimeout(40 * 60_000);

let q: any;
let work: string;
const log = (m: string) => process.stderr.write(`[trigger-queue] ${m}\n`);

const trueIf = (name: string, expr: string) =>
	W.node(
		name,
		'n8n-nodes-base.filter',
		{
			conditions: {
				options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
				conditions: [{ id: 'f1', leftValue: expr, rightValue: '', operator: { type: 'boolean', operation: 'true', singleValue: true } }],
				combinator: 'and',
			},
			options: {},
		},
		{ typeVersion: 2.2 },
	);
const pgQuery = (name: string, query: string, replacement?: string) =>
	W.node(name, 'n8n-nodes-base.postgres', { operation: 'executeQuery', query, options: replacement ? { queryReplacement: replacement } : {} }, { typeVersion: 2.6, credentials: { postgres: PG_CREDENTIAL } });

function triggerNode(hook: string) {
	return W.node('Panel Trigger', W.PANEL_TRIGGER, { options: {} }, { typeVersion: 1.1, webhookId: hook, credentials: { panelWebhookApi: W.WEBHOOK_CREDENTIAL } });
}

function workflows() {
	const one = W.workflow(ONE.id, 'queue: Panel Trigger alone', [triggerNode(ONE.hook)], []);
	const two = W.workflow(
		TWO.id,
		'queue: Panel Trigger, Postgres guard, Remove Duplicates',
		[
			triggerNode(TWO.hook),
			pgQuery('Guard', 'INSERT INTO panel_deliveries (delivery_key) VALUES ($1) ON CONFLICT DO NOTHING RETURNING delivery_key', '={{ $json.delivery_key }}'),
			trueIf('First Time?', '={{ !!$json.delivery_key }}'),
			W.noOp('Once (Postgres guard)'),
			W.node('Remove Duplicates', 'n8n-nodes-base.removeDuplicates', { operation: 'removeItemsSeenInPreviousExecutions', logic: 'removeItemsWithAlreadySeenKeyValues', dedupeValue: '={{ $json.delivery_key }}', options: {} }, { typeVersion: 2 }),
			W.noOp('Once (Remove Duplicates)'),
		],
		[
			['Panel Trigger', 'Guard'],
			['Guard', 'First Time?'],
			['First Time?', 'Once (Postgres guard)'],
			['Panel Trigger', 'Remove Duplicates'],
			['Remove Duplicates', 'Once (Remove Duplicates)'],
		],
	);
	const setup = W.workflow(SETUP.id, 'queue: guard table', [W.webhookStart('Setup', { path: SETUP.path, webhookId: '9d4a0f5b-6e7c-4b8d-9f20-3c4d5e6f7081' }), pgQuery('Create Table', 'CREATE TABLE IF NOT EXISTS panel_deliveries (delivery_key text PRIMARY KEY)')], [['Setup', 'Create Table']]);
	return [one, two, setup];
}

const body = (order: number, status: string) => `{"order_id":${order},"status":${JSON.stringify(status)},"remains":${status === 'Completed' ? 0 : 400},"start_count":120,"charge":0.9}`;
const CHANGES: Array<[number, string]> = [];
for (let i = 0; i < ORDERS; i++) for (const s of ['In progress', 'Completed']) CHANGES.push([700_000 + i, s]);

/** Sends every change `copies(i)` (URLs, all at once), LANES changes in flight; returns the answers' statuses. */
async function fire(copies: (i: number) => string[]): Promise<number[]> {
	const statuses: number[] = [];
	let next = 0;
	await Promise.all(
		Array.from({ length: LANES }, async () => {
			for (let i = next++; i < CHANGES.length; i = next++) {
				const [order, status] = CHANGES[i]!;
				const res = await Promise.all(copies(i).map((u) => fetch(u, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(order, status) }).then(async (r) => (await r.arrayBuffer(), r.status))));
				statuses.push(...res);
			}
		}),
	);
	return statuses;
}

/** The workflow's executions once they stop coming (finished, or none new for 20 s). */
async function settled(workflowId: string, atLeast: number): Promise<any[]> {
	let last = -1;
	let since = Date.now();
	for (const deadline = Date.now() + 900_000; ; ) {
		const list = await q.executions(workflowId);
		const done = list.filter((e: any) => !['new', 'running', 'waiting'].includes(e.status)).length;
		if (done !== last) [last, since] = [done, Date.now()];
		if ((done >= atLeast && done === list.length && Date.now() - since > 4000) || Date.now() - since > 20_000 || Date.now() > deadline) return list;
		await new Promise((r) => setTimeout(r, 1000));
	}
}

const ran = (e: any, node: string) => ((e.data?.resultData?.runData ?? {})[node]?.[0]?.data?.main?.[0] ?? []).length > 0;
const changeOf = (e: any) => {
	const j = (e.data?.resultData?.runData ?? {})['Panel Trigger']?.[0]?.data?.main?.[0]?.[0]?.json;
	return j ? `${j.order}:${j.status}` : undefined;
};
function perChange(list: any[], node: string): Map<string, number> {
	const m = new Map<string, number>();
	for (const e of list) if (ran(e, node)) m.set(changeOf(e)!, (m.get(changeOf(e)!) ?? 0) + 1);
	return m;
}

beforeAll(async () => {
	work = fs.mkdtempSync(path.join(os.tmpdir(), 'panel-trigger-queue-'));
	execFileSync(process.execPath, [path.join(PKG, 'scripts/build.js'), '--no-typecheck'], { stdio: 'inherit' });
	const tarball = pack(path.join(work, 'pack'));
	q = await startQueueMode({
		tarball,
		workers: 2,
		webhooks: 2,
		credentials: (pg: { host: string; port: number; database: string; user: string; password: string }) => [
			...W.credentials({ apiUrl: 'http://127.0.0.1:9/api/v2', apiKey: 'unused-in-this-suite', webhookToken: TOKEN }),
			{ ...PG_CREDENTIAL, type: 'postgres', data: { ...pg, ssl: 'disable' } },
		],
		workflows: workflows(),
		publish: [ONE.id, TWO.id, SETUP.id],
		log,
	});
	// Every processor has registered the webhooks once an unauthenticated probe gets 401.
	for (const wp of q.webhooks) {
		for (const hook of [ONE.hook, TWO.hook]) {
			const deadline = Date.now() + 120_000;
			while (Date.now() < deadline) {
				const s = (await fetch(`${wp.baseUrl}/webhook/${hook}/panel`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).catch(() => null))?.status;
				if (s === 401) break;
				await new Promise((r) => setTimeout(r, 500));
			}
		}
	}
	const setup = await fetch(`${q.webhooks[0].baseUrl}/webhook/${SETUP.path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
	expect(setup.status).toBe(200);
});

afterAll(async () => {
	await q?.stop();
	if (work) fs.rmSync(work, { recursive: true, force: true });
});

const url = (wp: number, hook: string) => `${q.webhooks[wp].baseUrl}/webhook/${hook}/panel?token=${TOKEN}`;

describe('the Panel Trigger in queue mode (main, 2 workers, 2 webhook processors)', () => {
	it('one webhook processor: 1,000 changes delivered twice at once, then again → exactly 1,000 executions', async () => {
		const t0 = Date.now();
		const first = await fire(() => [url(0, ONE.hook), url(0, ONE.hook)]);
		const again = await fire(() => [url(0, ONE.hook)]);
		expect([...first, ...again].filter((s) => s !== 200)).toEqual([]);
		const list = await settled(ONE.id, CHANGES.length);
		const per = perChange(list, 'Panel Trigger');
		const workers = new Set(list.slice(0, 50).map((e: any) => q.workerOf(e.id)).filter(Boolean));
		log(`one processor: ${first.length + again.length} deliveries → ${list.length} executions, ${per.size} changes, ${[...per.values()].filter((n) => n > 1).length} duplicated, ${((Date.now() - t0) / 1000).toFixed(0)} s, ran on ${[...workers].join(', ')}`);
		expect(list.filter((e: any) => e.status !== 'success')).toEqual([]);
		expect(list).toHaveLength(CHANGES.length);
		expect(per.size).toBe(CHANGES.length);
	});

	it('two webhook processors, copies split between them: nothing lost; the Postgres guard on delivery_key passes each change exactly once', async () => {
		const t0 = Date.now();
		const first = await fire(() => [url(0, TWO.hook), url(1, TWO.hook)]);
		const again = await fire((i) => [url(i % 2, TWO.hook)]);
		expect([...first, ...again].filter((s) => s !== 200)).toEqual([]);
		const list = await settled(TWO.id, CHANGES.length);
		const trig = perChange(list, 'Panel Trigger');
		const guard = perChange(list, 'Once (Postgres guard)');
		const removeDup = perChange(list, 'Once (Remove Duplicates)');
		const dup = (m: Map<string, number>) => [...m.values()].reduce((a, n) => a + n - 1, 0);
		log(
			`two processors: ${first.length + again.length} deliveries → ${list.length} executions (${list.filter((e: any) => e.status !== 'success').length} not successful); ` +
				`trigger: ${trig.size} changes, ${dup(trig)} extra executions; Postgres guard: ${guard.size} changes, ${dup(guard)} extra; ` +
				`Remove Duplicates: ${removeDup.size} changes, ${dup(removeDup)} extra; ${((Date.now() - t0) / 1000).toFixed(0)} s`,
		);
		expect(trig.size).toBe(CHANGES.length); // nothing lost
		expect(guard.size).toBe(CHANGES.length);
		expect(dup(guard)).toBe(0); // exactly once past the guard
	});
});
