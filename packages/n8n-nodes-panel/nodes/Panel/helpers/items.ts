/**
 * Per-item processing as n8n expects it: every output item carries `pairedItem`, and a
 * failed item either stops the node (with its index) or, under "continue on fail", becomes
 * an item n8n routes to the error output (`json` holding only `error`).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { PanelNotFoundError } from '@panel/core';
import { toNodeError } from './errors';
import { resultOutput } from './output';

export function errorItem(ctx: IExecuteFunctions, error: unknown, itemIndex: number): INodeExecutionData {
	const nodeError = toNodeError(ctx.getNode(), error, itemIndex);
	return { json: { error: nodeError.message }, error: nodeError, pairedItem: { item: itemIndex } };
}

/** Turns a failure of item `itemIndex` into an error item, or throws it when the node must stop. */
export function failItem(ctx: IExecuteFunctions, error: unknown, itemIndex: number): INodeExecutionData {
	if (ctx.continueOnFail()) return errorItem(ctx, error, itemIndex);
	throw toNodeError(ctx.getNode(), error, itemIndex);
}

export function outputItems(json: IDataObject | IDataObject[], itemIndex: number): INodeExecutionData[] {
	return (Array.isArray(json) ? json : [json]).map((j) => ({ json: j, pairedItem: { item: itemIndex } }));
}

/** Runs `fn` for each input item in turn; results and failures keep their item's index. */
export async function forEachItem(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	fn: (itemIndex: number) => Promise<IDataObject | IDataObject[]>,
): Promise<INodeExecutionData[]> {
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			out.push(...outputItems(await fn(i), i));
		} catch (error) {
			out.push(failItem(ctx, error, i));
		}
	}
	return out;
}

/**
 * Batched lookups across items: each item names some ids; all ids of all items go to the
 * Panel in one batched call (core chunks it ≤ 100 per request), and the results, one per
 * id in input order, are handed back to their items. `readIds` failing fails only its item;
 * the batch call failing fails every item that had ids.
 */
export async function acrossItems<R>(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	readIds: (itemIndex: number) => string[],
	fetchAll: (ids: string[]) => Promise<R[]>,
	toOutput: (results: R[], itemIndex: number) => IDataObject | IDataObject[],
): Promise<INodeExecutionData[]> {
	const perItem: Array<{ ids: string[] } | { failed: INodeExecutionData }> = [];
	for (let i = 0; i < items.length; i++) {
		try {
			perItem.push({ ids: readIds(i) });
		} catch (error) {
			perItem.push({ failed: failItem(ctx, error, i) });
		}
	}
	const all = perItem.flatMap((p) => ('ids' in p ? p.ids : []));
	let results: R[] = [];
	if (all.length > 0) {
		try {
			results = await fetchAll(all);
		} catch (error) {
			const first = perItem.findIndex((p) => 'ids' in p);
			if (!ctx.continueOnFail()) throw toNodeError(ctx.getNode(), error, first);
			return perItem.map((p, i) => ('failed' in p ? p.failed : errorItem(ctx, error, i)));
		}
	}
	const out: INodeExecutionData[] = [];
	let offset = 0;
	perItem.forEach((p, i) => {
		if ('failed' in p) {
			out.push(p.failed);
			return;
		}
		const mine = results.slice(offset, offset + p.ids.length);
		offset += p.ids.length;
		try {
			out.push(...outputItems(toOutput(mine, i), i));
		} catch (error) {
			out.push(failItem(ctx, error, i));
		}
	});
	return out;
}

/**
 * A per-id error is data in a batch, but an item that asked for that one id fails with it.
 * `noun` names the id for the message ("Order", "Refill").
 */
export function oneResultOrFail(result: { error: string | null }, noun: string, id: string): IDataObject {
	if (result.error !== null) {
		throw new PanelNotFoundError(`${noun} ${id}: ${result.error}. Check the ${noun.toLowerCase()} ID.`, { id });
	}
	return resultOutput(result);
}
