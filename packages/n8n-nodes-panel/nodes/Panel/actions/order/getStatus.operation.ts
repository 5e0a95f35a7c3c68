/**
 * Order → Get status: one order per item. Across many items the ids are collected and
 * fetched together (core batches ≤ 100 per request), so 1,000 items cost 10 requests.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { StatusResult } from '@panel/core';
import { acrossItems, oneResultOrFail } from '../../helpers/items';
import { orderIdField } from '../common.descriptions';
import { readId } from '../ids';
import type { OperationContext } from '../types';

export const description: INodeProperties[] = [
	orderIdField(
		{ show: { resource: ['order'], operation: ['getStatus'] } },
		'The ID of the order, as returned when it was created',
	),
];

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
		([result]) => oneResultOrFail(result as StatusResult, 'Order', (result as StatusResult).order),
	);
}
