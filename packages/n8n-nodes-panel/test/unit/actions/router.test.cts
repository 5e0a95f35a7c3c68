/**
 * The router and transport (actions/router.ts, transport/, helpers/errors.ts): dispatch,
 * the request n8n is asked to send, and failures that happen before or around any operation.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { closedPort, failure, run, useSandbox } from '../harness.cjs';

const h = useSandbox();
const balance = { resource: 'account', operation: 'getBalance' };

describe('router', () => {
	it('refuses an unknown operation, naming it and its resource', async () => {
		const err = await failure(h, { resource: 'order', operation: '__CUSTOM_API_CALL__' });
		expect(err).toBeInstanceOf(NodeOperationError);
		expect(err.message).toBe('The operation "__CUSTOM_API_CALL__" of resource "order" is not supported');
	});

	it('refuses a credential without a usable API URL, saying what to fix', async () => {
		const err = await failure(h, balance, { creds: { apiUrl: 'not a url', apiKey: 'k' } });
		expect(err).toBeInstanceOf(NodeOperationError);
		expect(err.message).toBe('apiUrl must be the Panel\'s API endpoint starting with http:// or https:// (e.g. https://your-panel/api/v2); got "not a url".');
	});
});

describe('transport', () => {
	it('posts a form through n8n\'s httpRequest with the key in the body, never following redirects', async () => {
		const { calls } = await run(h, balance);
		expect(calls).toEqual([
			{
				options: {
					method: 'POST',
					url: h.sb.apiUrl,
					body: { key: h.sb.key, action: 'balance' },
					headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
					timeout: 30000,
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
					disableFollowRedirect: true,
					json: false,
					encoding: 'text',
				},
			},
		]);
	});

	it('a read that meets a 502 once is retried and succeeds', async () => {
		h.sb.fault({ kind: 'status', status: 502, action: 'balance' });
		const { out } = await run(h, balance);
		expect(out[0]?.json.currency).toBe('USD');
		expect(h.sb.requests({ action: 'balance' }).map((r) => r.status)).toEqual([502, 200]);
	});
});

describe('network failures keep core\'s message (not n8n\'s generic text) and a real HTTP code or none', () => {
	it('connection reset on every try', async () => {
		h.sb.fault({ kind: 'reset_before', action: 'balance', rate: 1 });
		const err = await failure(h, balance);
		expect(err).toBeInstanceOf(NodeApiError);
		expect(err.message).toBe(
			'The connection to the Panel broke during "balance" (ECONNRESET ECONNRESET). Try again; if it keeps happening, check the network path to the Panel (proxy, firewall).',
		);
		expect((err as NodeApiError).httpCode).toBeNull();
		expect(err.description).toBe('Panel error code: network');
	});

	it('a Panel that is down', async () => {
		const port = await closedPort();
		const err = await failure(h, balance, { creds: { apiUrl: `http://127.0.0.1:${port}/api/v2`, apiKey: 'sandbox-unused-key' } });
		expect(err).toBeInstanceOf(NodeApiError);
		expect(err.message).toBe(
			`Could not connect to the Panel for "balance" (ECONNREFUSED connect ECONNREFUSED). Check the API URL's host and port and that the Panel is reachable from here.`,
		);
		expect(err.description).toBe('Panel error code: network');
	});
});
