/**
 * Workflows on n8n's real engine, in-process (published n8n-core 2.41.1), with the Panel
 * node loaded from the built package by n8n-core's PackageDirectoryLoader, against the
 * sandbox over HTTP. Faster than a real n8n, so it covers more permutations: every operation
 * and order type, per-item batching, and each way n8n routes a failure.
 */
import path from 'node:path';
import type { INode } from 'n8n-workflow';
import type { Sandbox } from '@panel/sandbox';
import { local, output, START, startSandboxEngine, type Engine } from './engine.cjs';

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

describe('n8n-core WorkflowExecute with the built package', () => {
	it('runs every operation and order type; refused orders reach the error output', async () => {
		const toCancel = sb.seedOrder({ key: sb.key, service: 2, link: 'https://x.test/c', quantity: 100 }).order;
		const completed = sb.seedOrder({ key: sb.key, service: 1, link: 'https://x.test/r', quantity: 100 }).order;
		await sb.setOutcome(completed, 'complete');
		sb.clearRequests();
		const wf = local(W.allOperations({ toCancel, completed, statuses: [toCancel, completed] }));
		const run = await engine.run(wf.nodes, wf.connections);
		expect(run.data.resultData.error).toBeUndefined();
		expect(output(run, 'Balance')?.[0]?.json).toEqual({ balance: expect.any(String), currency: 'USD' });
		expect(output(run, 'Services Filtered')?.map((i) => i.json.service)).toEqual(['7']);
		for (const [type, service] of W.ORDERS as Array<[string, number]>) {
			const order = sb.order(Number(output(run, `Create ${type}`)?.[0]?.json.order));
			expect(order).toMatchObject({ type, service });
		}
		expect(sb.requests({ action: 'add' })).toHaveLength(W.ORDERS.length);
		expect(output(run, 'Order Status')?.[0]?.json).toMatchObject({ status: 'Pending' });
		expect(output(run, 'Order Status')?.[0]?.json).not.toHaveProperty('error');
		expect(output(run, 'Dry Run')?.[0]?.json).toMatchObject({ dry_run: true, charge_estimate: '0.3355' });
		expect(output(run, 'Subscriptions Refused')?.map((i) => Object.keys(i.json))).toEqual([['error']]);
		expect(output(run, 'Wrong Type Refused')?.[0]?.json).toEqual({
			error: 'Service 1 ("Instagram Followers [Real, 30 days refill]") has order type Default, but Order Type is set to Poll: set Order Type to Default, or pick another service (the Service list shows only Poll services).',
		});
		expect(output(run, 'Quantity Refused')?.[0]?.json).toEqual({ error: 'Quantity ("quantity") must be between 50 and 10000 for service 1 (Default), got 1.' });
		expect(output(run, 'Unknown Order Error')?.[0]?.json).toEqual({ error: 'Order 999999: Incorrect order ID. Check the order ID.' });
		expect(output(run, 'Many Statuses')?.map((i) => i.json.order)).toEqual([String(toCancel), String(completed), '999999']);
		expect(output(run, 'Cancel')?.[0]?.json).toEqual({ order: String(toCancel), canceled: true });
		expect(output(run, 'Refill Status')?.[0]?.json).toMatchObject({ status: 'Pending' });
		expect(output(run, 'Refill Status')?.[0]?.json).not.toHaveProperty('error');
		expect(JSON.stringify(run)).not.toContain(sb.key);
	});

	it('batches Get Status across 300 input items into 3 requests, each result paired with its item', async () => {
		const ids = Array.from({ length: 300 }, (_, i) => sb.seedOrder({ key: sb.key, service: 11, link: `https://x.test/${i}`, quantity: 100 }).order);
		sb.clearRequests();
		const nodes: INode[] = [
			{ id: 's', name: 'Start', type: START, typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: 'p', name: 'Get Status', type: 'n8n-nodes-panel.panel', typeVersion: 1, position: [200, 0], parameters: { resource: 'order', operation: 'getStatus', orderId: '={{ $json.id }}' }, credentials: { panelApi: W.CREDENTIAL } },
		];
		const run = await engine.run(nodes, { Start: { main: [[{ node: 'Get Status', type: 'main', index: 0 }]] } } as never, ids.map((id) => ({ json: { id } })));
		const items = output(run, 'Get Status')!;
		expect(items).toHaveLength(300);
		items.forEach((item, i) => expect(item).toMatchObject({ json: { order: String(ids[i]) }, pairedItem: { item: i } }));
		expect(sb.requests().map((r) => r.action)).toEqual(['multiStatus', 'multiStatus', 'multiStatus']);
	});

	it.each([
		['continueErrorOutput', 1],
		['continueRegularOutput', 0],
	])('onError %s: the bad item goes to output %s, the good ones on', async (onError, errorOutput) => {
		const good = sb.seedOrder({ key: sb.key, service: 2, link: 'https://x.test/g', quantity: 100 }).order;
		const nodes: INode[] = [
			{ id: 's', name: 'Start', type: START, typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: 'p', name: 'Get Status', type: 'n8n-nodes-panel.panel', typeVersion: 1, position: [200, 0], parameters: { resource: 'order', operation: 'getStatus', orderId: '={{ $json.id }}' }, credentials: { panelApi: W.CREDENTIAL }, onError: onError as INode['onError'] },
		];
		const run = await engine.run(nodes, { Start: { main: [[{ node: 'Get Status', type: 'main', index: 0 }]] } } as never, [{ json: { id: good } }, { json: { id: 999999 } }]);
		const errors = output(run, 'Get Status', errorOutput as number)!.filter((i) => typeof i.json.error === 'string');
		expect(errors).toEqual([expect.objectContaining({ json: { error: expect.stringMatching(/999999/) }, pairedItem: { item: 1 } })]);
		const ok = output(run, 'Get Status', 0)!.filter((i) => !('error' in i.json));
		expect(ok).toEqual([expect.objectContaining({ json: expect.objectContaining({ order: String(good) }), pairedItem: { item: 0 } })]);
	});

	it('without onError the run stops with the node error, its item index and no key', async () => {
		const nodes: INode[] = [
			{ id: 's', name: 'Start', type: START, typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: 'p', name: 'Create', type: 'n8n-nodes-panel.panel', typeVersion: 1, position: [200, 0], parameters: { resource: 'order', operation: 'create', orderType: 'Default', service: { __rl: true, mode: 'id', value: '1' }, link: 'https://x.test', quantity: '={{ $json.q }}' }, credentials: { panelApi: W.CREDENTIAL } },
		];
		const run = await engine.run(nodes, { Start: { main: [[{ node: 'Create', type: 'main', index: 0 }]] } } as never, [{ json: { q: 100 } }, { json: { q: 1 } }]);
		const error = run.data.resultData.error as unknown as { message: string; context: { itemIndex: number }; description: string };
		expect(error.message).toMatch(/between 50 and 10000/);
		expect(error.context.itemIndex).toBe(1);
		expect(error.description).toMatch(/field: quantity/);
		expect(JSON.stringify(run)).not.toContain(sb.key);
	});
});
