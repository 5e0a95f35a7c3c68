/**
 * Order → Get status: one order per item. Across many items the ids are collected and
 * fetched together (core batches ≤ 100 per request), so 1,000 items cost 10 requests.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { PanelNotFoundError, type StatusResult } from '@panel/core';
import { acrossItems } from '../../helpers/items';
import { orderIdField } from '../common.descriptions';
import { readId } from '../ids';
import type { OperationContext } from '../types';

export const description: INodeProperties[] = [
	orderIdField(
		{ show: { resource: ['order'], operation: ['getStatus'] } },
		'The ID of the order, as returned when it was created',
	),
];

/** A per-id error is data in a batch, but here the item asked for that one order: it fails. */
export function statusOrFail(result: StatusResult): IDataObject {
	if (result.error !== null) {
		throw new PanelNotFoundError(`Order ${result.order}: ${result.error}. Check the order ID.`, { id: result.order });
	}
	return { ...result };
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	{ client }: OperationContext,
): Promise<INodeExecutionData[]> {
	return await acrossItems(
		this,
		items,
		(i) => [readId(this, 'orderId', i, 'Order ID')],
		async (ids) => await client.statuses(ids),
		(results) => statusOrFail(results[0] as StatusResult),
	);
}
