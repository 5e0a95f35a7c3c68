/**
 * Order → Get status: one order per item. Across many items the ids are collected and
 * fetched together (core batches ≤ 100 per request), so 1,000 items cost 10 requests.
 * Take Order ID From → Input Field reads each item's field without an expression (fast path).
 */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { StatusResult } from '@panel/core';
import { acrossItems, oneResultOrFail } from '../../helpers/items';
import { orderIdField } from '../common.descriptions';
import { idParameterShow, idSourceProperties, ORDER_ID_SOURCE, readIdFromSource } from '../idSource';
import type { OperationContext } from '../types';

const show = { resource: ['order'], operation: ['getStatus'] };

export const description: INodeProperties[] = [
	...idSourceProperties(ORDER_ID_SOURCE, show),
	orderIdField(idParameterShow(ORDER_ID_SOURCE, show), 'The ID of the order, as returned when it was created'),
];

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	{ client }: OperationContext,
): Promise<INodeExecutionData[]> {
	return await acrossItems(
		this,
		items,
		(i) => [readIdFromSource(this, items, i, ORDER_ID_SOURCE)],
		async (ids) => await client.statuses(ids),
		([result]) => oneResultOrFail(result as StatusResult, 'Order', (result as StatusResult).order),
	);
}
