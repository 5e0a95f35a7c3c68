/**
 * Output schemas, as n8n's own nodes ship them: `nodes/Panel/__schema__/v1.0.0/<resource>/
 * <operation>.json` (JSON Schema + "version": 1), which n8n 2.41 serves at
 * /schemas/n8n-nodes-panel.panel/1.0.0/<resource>/<operation>.json so fields can be mapped
 * before a first run. Each file is derived here from real outputs of the operation (every
 * order type, every status outcome, per-id errors) against the sandbox, and must equal the
 * committed file: the test keeps them in sync. After a deliberate output change, rewrite
 * them with `UPDATE_SCHEMAS=1` and review the diff.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { IDataObject } from 'n8n-workflow';
import { run, rl, seed, useSandbox, node, type Harness } from './harness.cjs';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const W = require('../../../../scripts/n8n/workflows.js');
const SCHEMA_DIR = path.resolve(__dirname, '../../nodes/Panel/__schema__/v1.0.0');
const UPDATE = process.env.UPDATE_SCHEMAS === '1';

jest.setTimeout(60_000);

type Schema = { type: string | string[]; properties?: Record<string, Schema>; items?: Schema };

function typeOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	return typeof value;
}

/** The JSON Schema of every sample merged: object properties united, types listed when they vary. */
export function schemaOf(samples: unknown[]): Schema {
	const types = [...new Set(samples.map(typeOf))].sort();
	const schema: Schema = { type: types.length === 1 ? (types[0] as string) : types };
	const objects = samples.filter((s) => typeOf(s) === 'object') as IDataObject[];
	if (objects.length > 0) {
		const keys = [...new Set(objects.flatMap((o) => Object.keys(o)))].sort();
		schema.properties = Object.fromEntries(keys.map((k) => [k, schemaOf(objects.filter((o) => k in o).map((o) => o[k]))]));
	}
	const arrays = samples.filter(Array.isArray) as unknown[][];
	if (arrays.length > 0 && arrays.some((a) => a.length > 0)) schema.items = schemaOf(arrays.flat());
	return schema;
}

const h = useSandbox();
const json = async (params: Record<string, unknown>, h2: Harness = h) =>
	(await run(h2, params, { continueOnFail: true })).out.filter((o) => !o.error).map((o) => o.json);

/** Orders in every final and open state, for status samples. */
async function ordersInEveryState(): Promise<string[]> {
	const ids = [seed(h, 1), seed(h, 2), seed(h, 2), seed(h, 3), seed(h, 1)];
	await h.sb.setOutcome(ids[1]!, 'complete');
	await h.sb.setOutcome(ids[2]!, 'partial', { delivered: 40 });
	await h.sb.setOutcome(ids[3]!, 'cancel');
	await h.sb.setOutcome(ids[4]!, 'fail');
	return ids.map(String);
}

const SAMPLES: Record<string, Record<string, () => Promise<IDataObject[]>>> = {
	account: {
		getBalance: async () => await json({ resource: 'account', operation: 'getBalance' }),
	},
	service: {
		get: async () => (await Promise.all(h.sb.catalog().map((s) => json({ resource: 'service', operation: 'get', service: rl(String(s.service)) })))).flat(),
		getMany: async () => await json({ resource: 'service', operation: 'getMany', returnAll: true, filters: {} }),
	},
	order: {
		create: async () => {
			const out: IDataObject[] = [];
			for (const [type, service, fields] of W.ORDERS as Array<[string, number, IDataObject]>) {
				for (const dryRun of [false, true]) {
					const params = { resource: 'order', operation: 'create', orderType: type, service: rl(String(service)), additionalFields: {}, options: { dryRun }, ...fields };
					out.push(...(await json(params)));
				}
			}
			return out;
		},
		getStatus: async () => {
			const ids = await ordersInEveryState();
			return (await Promise.all(ids.map((orderId) => json({ resource: 'order', operation: 'getStatus', orderId })))).flat();
		},
		getManyStatuses: async () => {
			const ids = await ordersInEveryState();
			return await json({ resource: 'order', operation: 'getManyStatuses', orderIds: [...ids, '999999'].join(',') });
		},
		cancel: async () => {
			const open = seed(h);
			const done = seed(h);
			await h.sb.setOutcome(done, 'complete');
			return await json({ resource: 'order', operation: 'cancel', orderIds: `${open},${done}` });
		},
		refill: async () => {
			const done = seed(h, 1);
			await h.sb.setOutcome(done, 'complete');
			return await json({ resource: 'order', operation: 'refill', orderId: String(done) });
		},
	},
	refill: {
		getStatus: async () => {
			const done = seed(h, 1);
			await h.sb.setOutcome(done, 'complete');
			const [refill] = await json({ resource: 'order', operation: 'refill', orderId: String(done) });
			return await json({ resource: 'refill', operation: 'getStatus', refillId: refill?.refill });
		},
	},
};

/** Every resource × operation the node offers. */
const OPERATIONS = node.description.properties
	.filter((p) => p.name === 'operation')
	.flatMap((p) => (p.options as Array<{ value: string }>).map((o) => [(p.displayOptions!.show!.resource as string[])[0]!, o.value] as const));

describe('output schemas', () => {
	it('there is a sample run for every operation of the node, and a schema file for nothing else', () => {
		expect(OPERATIONS.map(([r, o]) => `${r}/${o}`).sort()).toEqual(Object.entries(SAMPLES).flatMap(([r, ops]) => Object.keys(ops).map((o) => `${r}/${o}`)).sort());
		if (UPDATE) return;
		const files = fs.readdirSync(SCHEMA_DIR).flatMap((r) => fs.readdirSync(path.join(SCHEMA_DIR, r)).map((f) => `${r}/${f.replace(/\.json$/, '')}`));
		expect(files.sort()).toEqual(OPERATIONS.map(([r, o]) => `${r}/${o}`).sort());
	});

	it.each(OPERATIONS)('%s → %s: the committed schema is the one its outputs have', async (resource, operation) => {
		const samples = await SAMPLES[resource]![operation]!();
		expect(samples.length).toBeGreaterThan(0);
		const schema = { ...schemaOf(samples), version: 1 };
		const file = path.join(SCHEMA_DIR, resource, `${operation}.json`);
		const text = `${JSON.stringify(schema, null, '\t')}\n`;
		if (UPDATE) {
			fs.mkdirSync(path.dirname(file), { recursive: true });
			fs.writeFileSync(file, text);
		}
		expect(fs.readFileSync(file, 'utf8')).toBe(text);
	});
});
