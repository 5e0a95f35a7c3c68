/**
 * The Panel API credential and its Test (the Panel node's `panelApiTest`, a balance call
 * through core), against the sandbox over loopback, a page that is not the API, and a port
 * where nothing listens. The context's `request` emulates n8n's legacy helper, the only
 * HTTP helper a credential test gets.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mock } from 'jest-mock-extended';
import type { ICredentialTestFunctions } from 'n8n-workflow';
import { startSandbox, type Sandbox } from '@panel/sandbox';
import { PanelApi } from '../../../credentials/PanelApi.credentials';
import { Panel } from '../../../nodes/Panel/Panel.node';

let sb: Sandbox;
let page: http.Server;
let pageUrl: string;
const cred = new PanelApi();
const node = new Panel();

beforeAll(async () => {
	sb = await startSandbox({ port: 0, clock: 'manual' });
	page = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Welcome</html>'));
	await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
	pageUrl = `http://127.0.0.1:${(page.address() as AddressInfo).port}/`;
});
afterAll(async () => {
	await sb.stop();
	await new Promise((resolve) => page.close(resolve));
});

/** A loopback port nobody listens on (one just released). */
async function closedPort(): Promise<number> {
	const server = http.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return port;
}

interface LegacyOptions {
	method: string;
	uri: string;
	body: string;
	headers: Record<string, string>;
	resolveWithFullResponse: boolean;
	simple: boolean;
	followRedirect: boolean;
}

function testContext(sent: LegacyOptions[] = []) {
	const ctx = mock<ICredentialTestFunctions>();
	(ctx.helpers as unknown as Record<string, unknown>).request = async (options: LegacyOptions) => {
		sent.push(options);
		let res: Response;
		try {
			res = await fetch(options.uri, { method: options.method, headers: options.headers, body: options.body, redirect: 'manual' });
		} catch (error) {
			// n8n's helper (axios) throws the socket error's code on the error itself.
			const cause = (error as { cause?: { code?: string; errors?: Array<{ code?: string }> } }).cause;
			const code = cause?.code ?? cause?.errors?.[0]?.code;
			throw Object.assign(new Error(`connect ${code} ${options.uri}`), { code });
		}
		const headers: Record<string, string> = {};
		res.headers.forEach((v, k) => (headers[k] = v));
		return { statusCode: res.status, headers, body: await res.text() };
	};
	return ctx;
}

const runTest = async (data: Record<string, string>, sent?: LegacyOptions[]) =>
	await node.methods.credentialTest.panelApiTest.call(testContext(sent), { id: '1', name: 'Panel', type: 'panelApi', data });

describe('PanelApi credential', () => {
	it('has a URL and a password-typed key, no authenticate (so n8n adds no "Custom API Call"), and is tested by the Panel node', () => {
		expect(cred.properties.map((p) => [p.name, p.required, p.typeOptions])).toEqual([
			['apiUrl', true, undefined],
			['apiKey', true, { password: true }],
		]);
		expect('authenticate' in cred).toBe(false);
		expect('test' in cred).toBe(false);
		expect(node.description.credentials).toEqual([{ name: 'panelApi', required: true, testedBy: 'panelApiTest' }]);
	});
});

describe('Test (panelApiTest)', () => {
	it('a good key: OK with the balance; one form POST with the key, redirects not followed', async () => {
		const sent: LegacyOptions[] = [];
		const result = await runTest({ apiUrl: sb.apiUrl, apiKey: sb.key }, sent);
		expect(result.status).toBe('OK');
		// The sandbox's 1000.00, in core's canonical spelling (1000) or as sent (1000.00).
		expect(result.message).toMatch(/^Connection successful: the balance is 1000(\.00)? USD$/);
		expect(sent).toEqual([
			{
				method: 'POST',
				uri: sb.apiUrl,
				body: `key=${encodeURIComponent(sb.key)}&action=balance`,
				headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
				timeout: 30000,
				resolveWithFullResponse: true,
				simple: false,
				followRedirect: false,
				followAllRedirects: false,
				json: false,
			},
		]);
	});

	it('a key pasted with spaces or a newline around it is trimmed', async () => {
		const sent: LegacyOptions[] = [];
		expect((await runTest({ apiUrl: sb.apiUrl, apiKey: ` ${sb.key}\n` }, sent)).status).toBe('OK');
		expect(sent[0]?.body).toBe(`key=${encodeURIComponent(sb.key)}&action=balance`);
	});

	it('a wrong key: says the Panel rejected it, without the key', async () => {
		const result = await runTest({ apiUrl: sb.apiUrl, apiKey: 'test-key-wrong' });
		expect(result.status).toBe('Error');
		expect(result.message).toBe(
			'The Panel rejected the API key (HTTP 401): "Invalid API key". Check the API key in your Panel credentials (copy it again from your Panel account) and that the API URL is the right Panel.',
		);
	});

	it('a URL that answers with a web page: says it is not the API endpoint', async () => {
		const result = await runTest({ apiUrl: pageUrl, apiKey: sb.key });
		expect(result.status).toBe('Error');
		expect(result.message).toBe(
			'The Panel answered "balance" with an HTML page instead of JSON. Check the API URL: it must be the Panel\'s API endpoint (e.g. https://your-panel/api/v2), not its website.',
		);
	});

	it('a host that is down: says to check host and port, not a bare ECONNREFUSED, and answers at once (no retries)', async () => {
		const started = Date.now();
		const result = await runTest({ apiUrl: `http://127.0.0.1:${await closedPort()}/api/v2`, apiKey: sb.key });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			/^Could not connect to the Panel for "balance" \(ECONNREFUSED connect ECONNREFUSED http:\/\/127\.0\.0\.1:\d+\/api\/v2\)\. Check the API URL's host and port and that the Panel is reachable from here\.$/,
		);
		expect(Date.now() - started).toBeLessThan(5000);
	});

	it('a URL that is not a URL: says what an API URL looks like', async () => {
		const result = await runTest({ apiUrl: 'panel.example', apiKey: sb.key });
		expect(result.status).toBe('Error');
		expect(result.message).toBe(
			'apiUrl must be the Panel\'s API endpoint starting with http:// or https:// (e.g. https://your-panel/api/v2); got "panel.example".',
		);
	});
});
