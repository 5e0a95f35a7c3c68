/**
 * The bridge between core's protocol logic and n8n: a PanelRuntime whose HTTP goes through
 * one of n8n's own helpers (so proxies, SSRF rules and n8n's HTTP client apply), and a
 * client factory. Nothing here knows the protocol: actions, fields and parsing are core's.
 *
 * Why the key is added here and not by the credential's `authenticate`: n8n 2.41 offers a
 * "Custom API Call" operation on every node whose credential has `authenticate`
 * (load-nodes-and-credentials' injectCustomApiCallOptions); for this API (one POST endpoint,
 * the key in the form body) that operation cannot work, so the credential has none and the
 * runtime puts `key` into the form, exactly as core's undici runtime and the Zapier app do.
 * Core scrubs the key from every error it makes.
 */
import type {
	ICredentialTestFunctions,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { encodeForm, PanelClient, type ClientOptions, type PanelRuntime, type TransportRequest, type TransportResponse } from '@panel/core';

export const CREDENTIAL_NAME = 'panelApi';

type PanelContext = IExecuteFunctions | ILoadOptionsFunctions;

export interface PanelCredentials {
	apiUrl: string;
	apiKey: string;
}

/** One POST of a form; answers with n8n's full-response shape, never throwing on an HTTP status. */
type PostForm = (req: TransportRequest, form: Record<string, string>) => Promise<IN8nHttpFullResponse>;

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

const FORM_HEADERS = { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' };

/** A PanelRuntime over one of n8n's HTTP helpers; `key` is added to every form. */
export function createN8nRuntime(post: PostForm, apiKey: string): PanelRuntime {
	return {
		async request(req: TransportRequest): Promise<TransportResponse> {
			const res = await post(req, { key: apiKey, ...req.form });
			return { status: res.statusCode, headers: lowerCaseHeaders(res.headers), body: bodyText(res.body) };
		},
		sleep: async (ms: number) => await sleep(ms),
		now: () => Date.now(),
		random: () => Math.random(),
	};
}

/** Executions and list loaders: n8n's `httpRequest`. */
function httpRequestPost(ctx: PanelContext): PostForm {
	return async (req, form) => {
		const options: IHttpRequestOptions = {
			method: 'POST',
			url: req.url,
			body: form,
			headers: FORM_HEADERS,
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
		return (await ctx.helpers.httpRequest(options)) as IN8nHttpFullResponse;
	};
}

/**
 * Credential tests: n8n gives a credential-test function only its legacy `request` helper
 * (ICredentialTestFunctions), so the same form goes through that one.
 */
function legacyRequestPost(ctx: ICredentialTestFunctions): PostForm {
	return async (req, form) =>
		(await ctx.helpers.request({
			method: 'POST',
			uri: req.url,
			body: encodeForm(form),
			headers: FORM_HEADERS,
			timeout: req.timeoutMs,
			resolveWithFullResponse: true,
			simple: false,
			followRedirect: false,
			followAllRedirects: false,
			json: false,
		})) as IN8nHttpFullResponse;
}

/** The key as sent: trimmed, so a key pasted with a space or newline around it still works. */
const apiKeyOf = (credentials: PanelCredentials) => String(credentials.apiKey ?? '').trim();

function client(
	credentials: PanelCredentials,
	runtime: PanelRuntime,
	extra: Pick<ClientOptions, 'retry' | 'signal' | 'logger'> = {},
): PanelClient {
	return new PanelClient({
		apiUrl: String(credentials.apiUrl ?? '').trim(),
		runtime,
		secrets: [credentials.apiKey, apiKeyOf(credentials)],
		...extra,
	});
}

/**
 * Reads the credential and builds a client; the key is also passed so core scrubs it from
 * errors. n8n's execution-cancel signal stops waiting (and retrying) when the workflow is
 * stopped; retries are logged through n8n's logger.
 */
export async function createPanelClient(ctx: PanelContext): Promise<PanelClient> {
	const credentials = (await ctx.getCredentials(CREDENTIAL_NAME)) as unknown as PanelCredentials;
	// Only executions have one (list loaders do not).
	const signal = 'getExecutionCancelSignal' in ctx ? ctx.getExecutionCancelSignal() : undefined;
	return client(credentials, createN8nRuntime(httpRequestPost(ctx), apiKeyOf(credentials)), {
		...(signal ? { signal } : {}),
		logger: ctx.logger,
	});
}

/** A client for the credential dialog's Test: one attempt, so a dead host answers at once. */
export function createTestClient(ctx: ICredentialTestFunctions, credentials: PanelCredentials): PanelClient {
	return client(credentials, createN8nRuntime(legacyRequestPost(ctx), apiKeyOf(credentials)), { retry: false });
}
