/** Service → Get (actions/service/get.operation.ts). */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { failure, rl, run, useSandbox } from '../../harness.cjs';

const h = useSandbox();
const get = (id: string) => ({ resource: 'service', operation: 'get', service: rl(id) });

describe('Service → Get', () => {
	it('returns the service; type_raw only when the catalog spells the type differently', async () => {
		const { out } = await run(h, get('5'));
		expect(out[0]?.json).toMatchObject({ service: '5', type: 'Custom Comments' });
		expect(out[0]?.json).not.toHaveProperty('type_raw');
	});

	it('an id not in the catalog: a not-found error naming the id, without a made-up HTTP code', async () => {
		const err = await failure(h, get('4040'));
		expect(err).toBeInstanceOf(NodeApiError);
		expect(err.message).toBe(
			`Service 4040 is not in the Panel's catalog (${h.sb.catalog().length} services listed). Pick a service from the list, or check the ID with Service → Get Many.`,
		);
		expect((err as NodeApiError).httpCode).toBeNull();
		expect(err.description).toBe('Panel error code: not_found');
		expect(err.context.itemIndex).toBe(0);
	});

	it('two ids where one is expected: an input error naming the field', async () => {
		const err = await failure(h, get('1,2'));
		expect(err).toBeInstanceOf(NodeOperationError);
		expect(err.message).toBe('Service holds a comma ("1,2"): give one id here, or several as a list.');
	});
});
