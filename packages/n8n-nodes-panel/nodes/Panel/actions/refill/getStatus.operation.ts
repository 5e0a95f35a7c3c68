/** Refill → Get status: one refill per item, all items' refills fetched together in batches. */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { RefillStatus } from '@panel/core';
import { acrossItems, oneResultOrFail } from '../../helpers/items';
import { idParameterShow, idSourceProperties, readIdFromSource, REFILL_ID_SOURCE } from '../idSource';
import type { OperationContext } from '../types';

const show = { resource: ['refill'], operation: ['getStatus'] };

export const description: INodeProperties[] = [
	...idSourceProperties(REFILL_ID_SOURCE, show),
	{
		displayName: 'Refill ID',
		name: 'refillId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 1',
		description: 'The ID of the refill, as returned by Order → Refill',
		displayOptions: idParameterShow(REFILL_ID_SOURCE, show),
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
		(i) => [readIdFromSource(this, items, i, REFILL_ID_SOURCE)],
		async (ids) => await client.refillStatuses(ids),
		([result]) => oneResultOrFail(result as RefillStatus, 'Refill', (result as RefillStatus).refill),
	);
}
