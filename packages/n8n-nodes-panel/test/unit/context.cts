/**
 * Mocked n8n contexts (jest-mock-extended) for unit tests. The HTTP helper is the one piece
 * with behaviour: it does what n8n's `httpRequest` does with our options (a form-encoded POST,
 * no redirects followed, the full response without throwing on a status) against a real
 * sandbox Panel over loopback.
 */
import { mock } from 'jest-mock-extended';
import type { IExecuteFunctions, IHttpRequestOptions, ILoadOptionsFunctions, INode, INodeExecutionData } from 'n8n-workflow';

export const NODE: INode = {
	id: 'panel-node',
	name: 'Panel',
	type: 'n8n-nodes-panel.panel',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

export interface Creds {
	apiUrl: string;
	apiKey: string;
}

export interface HttpCall {
	options: IHttpRequestOptions;
}

/** n8n's helper, emulated: form-encoded POST of the body as given, full response. */
export function httpHelper(calls: HttpCall[]) {
	return jest.fn(async (options: IHttpRequestOptions) => {
		calls.push({ options: JSON.parse(JSON.stringify(options)) });
		const body = new URLSearchParams({ ...(options.body as Record<string, string>) });
		let res: Response;
		try {
			res = await fetch(options.url, { method: options.method, headers: options.headers as Record<string, string>, body, redirect: 'manual' });
		} catch (error) {
			// n8n's helper (axios) puts the socket error's code on the error itself.
			const cause = (error as { cause?: { code?: string; errors?: Array<{ code?: string }> } }).cause;
			const code = cause?.code ?? cause?.errors?.[0]?.code;
			throw Object.assign(new Error(code ? `${code === 'ECONNREFUSED' ? 'connect ' : ''}${code}` : 'request failed'), { code });
		}
		const headers: Record<string, string> = {};
		res.headers.forEach((v, k) => (headers[k] = v));
		return { statusCode: res.status, headers, body: await res.text() };
	});
}

type Params = Record<string, unknown>;

/** n8n's logger, recording (core logs retries through it). */
export function testLogger() {
	return { debug: jest.fn(), info: jest.fn(), warn: jest.fn(), error: jest.fn() };
}

function getParam(params: Params, name: string, fallback: unknown, opts?: { extractValue?: boolean }) {
	let value = name in params ? params[name] : fallback;
	if (value === undefined) throw new Error(`Could not get parameter "${name}"`);
	if (opts?.extractValue && value && typeof value === 'object' && '__rl' in (value as object)) value = (value as { value: unknown }).value;
	return value;
}

/** An execute context: `params` are the node's parameters, or a function of the item index. */
export function executeContext({
	creds,
	params,
	items = [{ json: {} }],
	continueOnFail = false,
	calls = [],
}: {
	creds: Creds;
	params: Params | ((i: number) => Params);
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	calls?: HttpCall[];
}) {
	const ctx = mock<IExecuteFunctions>();
	const byItem = typeof params === 'function' ? params : () => params;
	ctx.getInputData.mockReturnValue(items);
	ctx.getNode.mockReturnValue(NODE);
	ctx.continueOnFail.mockReturnValue(continueOnFail);
	ctx.getCredentials.mockResolvedValue({ ...creds });
	ctx.getNodeParameter.mockImplementation(((name: string, i: number, fallback?: unknown, opts?: { extractValue?: boolean }) =>
		getParam(byItem(i), name, fallback, opts)) as never);
	(ctx.helpers as unknown as Record<string, unknown>).httpRequest = httpHelper(calls);
	Object.assign(ctx, { logger: testLogger() });
	return { ctx, calls };
}

export function loadOptionsContext({ creds, current = {}, calls = [] }: { creds: Creds; current?: Params; calls?: HttpCall[] }) {
	const ctx = mock<ILoadOptionsFunctions>();
	ctx.getNode.mockReturnValue(NODE);
	ctx.getCredentials.mockResolvedValue({ ...creds });
	ctx.getCurrentNodeParameter.mockImplementation(((name: string) => current[name]) as never);
	(ctx.helpers as unknown as Record<string, unknown>).httpRequest = httpHelper(calls);
	Object.assign(ctx, { logger: testLogger() });
	return { ctx, calls };
}
