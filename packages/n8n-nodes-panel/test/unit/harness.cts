/**
 * What every operation test needs: a sandbox Panel over loopback (one per test file), the
 * Panel node run with a mocked n8n context (./context.cts) and a few shorthands.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { NodeApiError, NodeOperationError, type INodeExecutionData } from 'n8n-workflow';
import { startSandbox, type Sandbox } from '@panel/sandbox';
import { Panel } from '../../nodes/Panel/Panel.node';
import { catalogCache } from '../../nodes/Panel/actions/catalog';
import { executeContext, type Creds, type HttpCall } from './context.cjs';

export const node = new Panel();

export interface Harness {
	sb: Sandbox;
	creds: Creds;
}

/** Starts a sandbox for the file (manual clock: orders move only when a test says so). */
export function useSandbox(): Harness {
	const h = {} as Harness;
	beforeAll(async () => {
		h.sb = await startSandbox({ port: 0, clock: 'manual' });
		h.creds = { apiUrl: h.sb.apiUrl, apiKey: h.sb.key };
	});
	afterAll(async () => await h.sb.stop());
	beforeEach(() => {
		h.sb.clearRequests();
		h.sb.clearFaults();
		// The catalog cache lives as long as the process (as in n8n): each test starts cold.
		catalogCache.clear();
	});
	return h;
}

export type Params = Record<string, unknown> | ((i: number) => Record<string, unknown>);

export async function run(
	h: Harness,
	params: Params,
	opts: { items?: number; continueOnFail?: boolean; creds?: Creds } = {},
): Promise<{ out: INodeExecutionData[]; calls: HttpCall[] }> {
	const items: INodeExecutionData[] = Array.from({ length: opts.items ?? 1 }, (_, i) => ({ json: { i } }));
	const { ctx, calls } = executeContext({ creds: opts.creds ?? h.creds, params, items, continueOnFail: opts.continueOnFail });
	const [out] = await node.execute.call(ctx);
	return { out: out as INodeExecutionData[], calls };
}

/** The error the node throws for these parameters (fails the test if it does not throw). */
export async function failure(
	h: Harness,
	params: Params,
	opts: { creds?: Creds; items?: number } = {},
): Promise<NodeApiError | NodeOperationError> {
	try {
		await run(h, params, opts);
	} catch (error) {
		return error as NodeApiError | NodeOperationError;
	}
	throw new Error('expected the node to fail');
}

/** A loopback port nobody listens on (one just released). */
export async function closedPort(): Promise<number> {
	const server = http.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return port;
}

/** A resource locator value in "By ID" mode. */
export const rl = (value: string) => ({ __rl: true, mode: 'id', value });

/** An order placed in the sandbox directly (not through the node). */
export const seed = (h: Harness, service = 2) => h.sb.seedOrder({ key: h.sb.key, service, link: 'https://x.test/p', quantity: 100 }).order;
