/**
 * The node against both sandbox dialects (the spec, and a PerfectPanel-style Panel: multiStatus
 * refused, status&orders=, errors as HTTP 200, lower-case statuses, 0/1 catalog flags …) on
 * n8n's real engine in-process. Nothing about the dialect is configured: core learns it.
 */
import path from 'node:path';
import type { Sandbox } from '@panel/sandbox';
import { local, output, startSandboxEngine, type Engine } from './engine.cjs';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const W = require('../../../../scripts/n8n/workflows.js');
const PKG = path.resolve(__dirname, '../..');

jest.setTimeout(120_000);

let sb: Sandbox;
let engine: Engine;

beforeAll(async () => {
	({ sb, engine } = await startSandboxEngine(PKG));
});
afterAll(async () => await sb?.stop());

describe.each(['spec', 'perfectpanel'] as const)('dialect %s', (dialect) => {
	beforeEach(() => {
		sb.reset();
		sb.setDialect(dialect);
	});

	it('runs every operation with the same typed results', async () => {
		const toCancel = sb.seedOrder({ key: sb.key, service: 2, link: 'https://x.test/c', quantity: 100 }).order;
		const completed = sb.seedOrder({ key: sb.key, service: 1, link: 'https://x.test/r', quantity: 100 }).order;
		await sb.setOutcome(completed, 'complete');
		sb.clearRequests();
		const wf = local(W.allOperations({ toCancel, completed, statuses: [toCancel, completed] }));
		const run = await engine.run(wf.nodes, wf.connections);
		expect(run.data.resultData.error).toBeUndefined();
		expect(output(run, 'Balance')?.[0]?.json).toMatchObject({ balance: expect.stringMatching(/^\d+(\.\d*[1-9])?$/), currency: 'USD' });
		expect(output(run, 'Service')?.[0]?.json).toMatchObject({ service: '7', type: 'Poll', refill: expect.any(Boolean), cancel: expect.any(Boolean), dripfeed: expect.any(Boolean) });
		for (const [type] of W.ORDERS as Array<[string, number]>) expect(output(run, `Create ${type}`)?.[0]?.json.order).toEqual(expect.any(String));
		expect(output(run, 'Order Status')?.[0]?.json).toMatchObject({ status: 'Pending', final: false });
		expect(output(run, 'Unknown Order Error')?.[0]?.json.error).toMatch(/999999/);
		const many = output(run, 'Many Statuses')!.map((i) => [i.json.order, i.json.status ?? i.json.error]);
		expect(many).toEqual([
			[String(toCancel), 'Pending'],
			[String(completed), 'Completed'],
			['999999', expect.stringMatching(/Incorrect order ID/)],
		]);
		expect(output(run, 'Cancel')?.[0]?.json).toEqual({ order: String(toCancel), canceled: true });
		expect(output(run, 'Refill')?.[0]?.json).toMatchObject({ order: String(completed), refill: expect.stringMatching(/^\d+$/) });
		expect(output(run, 'Refill Status')?.[0]?.json).toMatchObject({ status: 'Pending' });
		const actions = sb.requests().map((r) => r.action);
		if (dialect === 'perfectpanel') expect(actions).toContain('multiStatus'); // asked once, refused, then learnt
		expect(JSON.stringify(run)).not.toContain(sb.key);
	});
});
