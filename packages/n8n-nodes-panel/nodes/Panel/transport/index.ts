/**
 * The bridge between core's protocol logic and n8n: a PanelRuntime whose HTTP goes through
 * n8n's own `httpRequestWithAuthentication` (so proxies, logging and the credential's
 * `authenticate` apply: n8n adds the key, this code never puts it in a request), and a
 * client factory. Nothing here knows the protocol: actions, fields and parsing are core's.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { PanelClient, type PanelRuntime, type TransportRequest, type TransportResponse } from '@panel/core';

export const CREDENTIAL_NAME = 'panelApi';

type PanelContext = IExecuteFunctions | ILoadOptionsFunctions;

interface PanelCredentials {
	apiUrl: string;
	apiKey: string;
}

function lowerCaseHeaders(headers: IDataObject | undefined): Record<string, string | undefined> {
	const out: Record<string, string | undefined> = {};
	for (const [name, value] of Object.entries(headers ?? {})) {
		out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value === undefined ? undefined : String(value);
	}
	return out;
}

/** Core parses the body itself (tolerantly), so n8n must hand it over untouched, as text. */
function bodyText(body: unknown): string {
	if (typeof body === 'string') return body;
	if (body === undefined || body === null) return '';
	if (body instanceof Uint8Array) return new TextDecoder().decode(body);
	return JSON.stringify(body);
}

/** A PanelRuntime on n8n's helpers: HTTP through the credential, sleep from n8n-workflow. */
export function createN8nRuntime(ctx: PanelContext): PanelRuntime {
	return {
		async request(req: TransportRequest): Promise<TransportResponse> {
			const options: IHttpRequestOptions = {
				method: 'POST',
				url: req.url,
				body: { ...req.form },
				headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
				timeout: req.timeoutMs,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				// The key rides in the body: never follow a redirect with it.
				disableFollowRedirect: true,
				json: false,
				encoding: 'text',
			};
			// A stopped workflow stops the request in flight.
			if (req.signal) options.abortSignal = req.signal as IHttpRequestOptions['abortSignal'];
			const res = (await ctx.helpers.httpRequestWithAuthentication.call(
				ctx,
				CREDENTIAL_NAME,
				options,
			)) as IN8nHttpFullResponse;
			return { status: res.statusCode, headers: lowerCaseHeaders(res.headers), body: bodyText(res.body) };
		},
		sleep: async (ms: number) => await sleep(ms),
		now: () => Date.now(),
		random: () => Math.random(),
	};
}

/**
 * Reads the credential and builds a client; the key is passed only so core can scrub it from
 * errors. n8n's execution-cancel signal stops waiting (and retrying) when the workflow is
 * stopped; retries are logged through n8n's logger.
 */
export async function createPanelClient(ctx: PanelContext): Promise<PanelClient> {
	const credentials = (await ctx.getCredentials(CREDENTIAL_NAME)) as unknown as PanelCredentials;
	const signal = typeof ctx.getExecutionCancelSignal === 'function' ? ctx.getExecutionCancelSignal() : undefined;
	return new PanelClient({
		apiUrl: String(credentials.apiUrl ?? '').trim(),
		runtime: createN8nRuntime(ctx),
		secrets: [credentials.apiKey],
		...(signal ? { signal } : {}),
		...(typeof ctx.logger?.warn === 'function' ? { logger: ctx.logger } : {}),
	});
}
