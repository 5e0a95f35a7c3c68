/** Options loaded from the Panel (methods/loadOptions.ts). */
import { loadOptionsContext } from '../context.cjs';
import { node, useSandbox } from '../harness.cjs';

const h = useSandbox();
const { getCategories } = node.methods.loadOptions;

describe('getCategories', () => {
	it('the distinct categories, sorted', async () => {
		const categories = await getCategories.call(loadOptionsContext({ creds: h.creds }).ctx);
		expect(categories.map((c) => c.value)).toEqual([...new Set(h.sb.catalog().map((s) => s.category))].sort((a, b) => a.localeCompare(b)));
	});

	it('a wrong key: the Panel\'s refusal, said plainly', async () => {
		await expect(getCategories.call(loadOptionsContext({ creds: { ...h.creds, apiKey: 'test-key-wrong' } }).ctx)).rejects.toThrow(
			'The Panel rejected the API key (HTTP 401): "Invalid API key". Check the API key in your Panel credentials (copy it again from your Panel account) and that the API URL is the right Panel.',
		);
	});
});
