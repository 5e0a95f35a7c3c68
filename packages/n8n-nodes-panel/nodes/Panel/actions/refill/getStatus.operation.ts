/** Refill → Get status: one refill per item, all items' refills fetched together in batches. */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { RefillStatus } from '@panel/core';
import { acrossItems, oneResultOrFail } from '../../helpers/items';
import { readId } from '../ids';
import type { OperationContext } from '../types';

export const description: INodeProperties[] = [
	{
		displayName: 'Refill ID',
		name: 'refillId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 1',
		description: 'The ID of the refill, as returned by Order → Refill',
		displayOptions: { show: { resource: ['refill'], operation: ['getStatus'] } },
	},
];

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	{ client }: OperationContext,
): Promise<INodeExecutionData[]> {
	return await acrossItems(
		this,
		items,
		(i) => [readId(this, 'refillId', i, 'Refill ID')],
		async (ids) => await client.refillStatuses(ids),
		([result]) => oneResultOrFail(result as RefillStatus, 'Refill', (result as RefillStatus).refill),
	);
}
