/** Account → Get Balance (actions/account/getBalance.operation.ts). */
import { NodeApiError } from 'n8n-workflow';
import { failure, run, useSandbox } from '../../harness.cjs';

const h = useSandbox();
const params = { resource: 'account', operation: 'getBalance' };

describe('Account → Get Balance', () => {
	it('returns the balance once per run, on every item, paired', async () => {
		const { out, calls } = await run(h, params, { items: 3 });
		expect(calls).toHaveLength(1);
		// The sandbox's 1000.00, in core's canonical spelling or as sent.
		expect(out[0]?.json).toMatchObject({ balance: expect.stringMatching(/^1000(\.00)?$/), currency: 'USD' });
		expect(out).toEqual([0, 1, 2].map((i) => ({ json: out[0]?.json, pairedItem: { item: i } })));
	});

	it('a wrong key fails with the Panel\'s 401, its message and real HTTP code', async () => {
		const err = await failure(h, params, { creds: { ...h.creds, apiKey: 'test-key-wrong' } });
		expect(err).toBeInstanceOf(NodeApiError);
		expect(err.message).toBe(
			'The Panel rejected the API key (HTTP 401): "Invalid API key". Check the API key in your Panel credentials (copy it again from your Panel account) and that the API URL is the right Panel.',
		);
		expect((err as NodeApiError).httpCode).toBe('401');
		expect(err.description).toBe('Panel error code: authentication');
	});

	it('continue-on-fail: every item gets the error, paired', async () => {
		const { out } = await run(h, params, { items: 2, continueOnFail: true, creds: { ...h.creds, apiKey: 'test-key-wrong' } });
		expect(out.map((o) => [Object.keys(o.json), o.pairedItem])).toEqual([
			[['error'], { item: 0 }],
			[['error'], { item: 1 }],
		]);
	});
});
