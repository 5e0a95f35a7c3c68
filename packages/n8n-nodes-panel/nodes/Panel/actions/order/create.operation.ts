/**
 * Order → Create: validate and price with core (type, required fields, min/max), then place
 * it — or, as a dry run, only report what would be sent and what it would cost.
 * An order is sent once: a failure that may have placed it is reported, never retried here.
 *
 * Every item is validated first, in order; then the adds go out concurrently (Orders in
 * Flight, default 20; the client's limiter keeps them within the Panel's rate limit), each
 * sent once, results in item order. Without "continue on fail" the node stops like a loop
 * would: no add of a later item starts after a failure (items before it are still placed),
 * and adds already in flight are awaited and named in the error, never abandoned.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { orderTypeOf, PanelValidationError, settleConcurrent, type OrderTypeName, type PreparedOrder } from '@panel/core';
import { toNodeError } from '../../helpers/errors';
import { failItem, outputItems } from '../../helpers/items';
import { findService } from '../catalog';
import { serviceLocator } from '../common.descriptions';
import { readLocatorId } from '../ids';
import type { OperationContext } from '../types';
import { ORDER_TYPE_PARAMETER, orderTypeOptions, orderTypeProperties, readOrderInput } from './orderTypeFields';

const show = { resource: ['order'], operation: ['create'] };

export const DEFAULT_ADD_CONCURRENCY = 20;

export const description: INodeProperties[] = [
	{
		displayName: 'Order Type',
		name: ORDER_TYPE_PARAMETER,
		type: 'options',
		options: orderTypeOptions(),
		default: 'Default',
		description: 'The type of the service to order: it decides which fields the order needs',
		displayOptions: { show },
	},
	serviceLocator(
		{ show },
		'The service to order. The list shows only services of the chosen Order Type; changing the type clears the service (an ID or expression of another type is refused before anything is sent).',
		[ORDER_TYPE_PARAMETER],
	),
	...orderTypeProperties(show),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Dry Run (Estimate Only)',
				name: 'dryRun',
				type: 'boolean',
				default: false,
				description:
					'Whether to only validate the order and estimate its charge, without placing it',
			},
			{
				displayName: 'Orders in Flight',
				name: 'concurrency',
				type: 'number',
				default: DEFAULT_ADD_CONCURRENCY,
				typeOptions: { minValue: 1, maxValue: 50 },
				description:
					'How many orders of this run are sent to the Panel at once (1 = one after another). The Panel\'s rate limit is kept either way.',
			},
			{
				displayName: 'Refresh Catalog',
				name: 'refreshCatalog',
				type: 'boolean',
				default: false,
				description:
					'Whether to read the service catalog from the Panel for this run instead of the copy cached for up to 5 minutes (the cached copy is replaced)',
			},
		],
	},
];

/** How the billed quantity was worked out, in the form's own words (core names the rule). */
function summary(prepared: PreparedOrder): IDataObject {
	const out: IDataObject = {
		service: prepared.service.service,
		service_name: prepared.service.name,
		type: prepared.type,
		quantity: prepared.quantity,
		// n8n has always shown the rule in words under this name; the words are core's.
		quantity_rule: prepared.quantity_explained,
		charge_estimate: prepared.charge,
	};
	if (prepared.currency !== undefined) out.currency = prepared.currency;
	return out;
}

interface CreateOptions {
	dryRun?: boolean;
	concurrency?: number;
	refreshCatalog?: boolean;
}

/** One item, validated: its output (dry run), the form to send, or why it failed. */
type Prepared = { index: number; out: IDataObject } | { index: number; form: Record<string, string>; summary: IDataObject } | { index: number; error: unknown };

async function prepareItem(ctx: IExecuteFunctions, i: number, { client, catalog }: OperationContext, refresh: boolean): Promise<Prepared> {
	try {
		const selected = ctx.getNodeParameter(ORDER_TYPE_PARAMETER, i) as OrderTypeName;
		const service = findService(await catalog({ refresh }), readLocatorId(ctx, 'service', i, 'Service'));
		const actual = orderTypeOf(service);
		if (actual !== selected) {
			throw new PanelValidationError(
				`Service ${service.service} ("${service.name}") has order type ${actual}, but Order Type is set to ${selected}: set Order Type to ${actual}, or pick another service (the Service list shows only ${selected} services).`,
				{ field: ORDER_TYPE_PARAMETER },
			);
		}
		const prepared = await client.prepareOrder(service, readOrderInput(ctx, selected, i));
		const { dryRun } = ctx.getNodeParameter('options', i, {}) as CreateOptions;
		if (dryRun) return { index: i, out: { dry_run: true, ...summary(prepared), request: { ...prepared.form } } };
		return { index: i, form: prepared.form, summary: summary(prepared) };
	} catch (error) {
		return { index: i, error };
	}
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	op: OperationContext,
): Promise<INodeExecutionData[]> {
	const stopOnFailure = !this.continueOnFail();
	const first = (items.length > 0 ? this.getNodeParameter('options', 0, {}) : {}) as CreateOptions;
	const concurrency = Math.max(1, Math.floor(Number(first.concurrency ?? DEFAULT_ADD_CONCURRENCY)) || 1);
	const prepared: Prepared[] = [];
	for (let i = 0; i < items.length; i++) {
		const p = await prepareItem(this, i, op, first.refreshCatalog === true);
		prepared.push(p);
		// As in a loop: nothing after the first failure is sent when the node is to stop there.
		if ('error' in p && stopOnFailure) break;
	}
	const toSend = prepared.filter((p): p is Extract<Prepared, { form: unknown }> => 'form' in p);
	const sent = await settleConcurrent(toSend, async (p) => await op.client.add(p.form), { concurrency, stopAfterFailure: stopOnFailure });
	const outcome = new Map<number, { json: IDataObject } | { error: unknown }>();
	for (const p of prepared) {
		if ('out' in p) outcome.set(p.index, { json: p.out });
		else if ('error' in p) outcome.set(p.index, { error: p.error });
	}
	toSend.forEach((p, k) => {
		const s = sent[k];
		if (s?.status === 'fulfilled') outcome.set(p.index, { json: { order: s.value.order, ...p.summary } });
		else if (s?.status === 'rejected') outcome.set(p.index, { error: s.reason });
	});
	if (stopOnFailure) {
		const failed = [...outcome.entries()].filter(([, o]) => 'error' in o).sort(([a], [b]) => a - b)[0];
		if (failed) throw stoppedAt(this, failed[0], (failed[1] as { error: unknown }).error, outcome);
	}
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		const o = outcome.get(i);
		if (!o) continue;
		out.push(...('json' in o ? outputItems(o.json, i) : [failItem(this, o.error, i)]));
	}
	return out;
}

/** The node error for the first failed item, naming the orders this run did place (so nobody re-sends them). */
function stoppedAt(ctx: IExecuteFunctions, index: number, error: unknown, outcome: Map<number, { json: IDataObject } | { error: unknown }>) {
	const nodeError = toNodeError(ctx.getNode(), error, index);
	const placed = [...outcome.entries()]
		.filter(([, o]) => 'json' in o && o.json.order !== undefined)
		.sort(([a], [b]) => a - b)
		.map(([i, o]) => `item ${i} → order ${String((o as { json: IDataObject }).json.order)}`);
	if (placed.length > 0) {
		nodeError.description = `${nodeError.description ?? ''}\nPlaced in this run before it stopped (do not send these again): ${placed.join(', ')}.`.trim();
	}
	return nodeError;
}
