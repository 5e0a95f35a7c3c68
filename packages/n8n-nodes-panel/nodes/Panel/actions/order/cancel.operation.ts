/** Order → Cancel: the listed orders of one item in one request; one output item per order. */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { forEachItem } from '../../helpers/items';
import { resultOutput } from '../../helpers/output';
import { orderIdsField } from '../common.descriptions';
import { readIdList } from '../ids';
import type { OperationContext } from '../types';

export const description: INodeProperties[] = [
	orderIdsField(
		{ show: { resource: ['order'], operation: ['cancel'] } },
		'Order IDs to cancel, separated by commas, spaces or new lines; an order that cannot be canceled is reported in its output item',
	),
];

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	{ client }: OperationContext,
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (i) =>
		(await client.cancel(readIdList(this, 'orderIds', i, 'Order IDs'))).map(resultOutput),
	);
}
