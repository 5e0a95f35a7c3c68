/**
 * Order → Get many statuses: each item gives a list of ids; every id of every item goes out
 * in as few requests as the Panel allows (≤ 100 ids each). One output item per id; an id
 * the Panel does not know comes back as data (`error` set), not as a failed item.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { acrossItems } from '../../helpers/items';
import { resultOutput } from '../../helpers/output';
import { orderIdsField } from '../common.descriptions';
import { readIdList } from '../ids';
import type { OperationContext } from '../types';

export const description: INodeProperties[] = [
	orderIdsField(
		{ show: { resource: ['order'], operation: ['getManyStatuses'] } },
		'Order IDs separated by commas, spaces or new lines (or an array from an expression); any number, fetched 100 per request',
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
		(i) => readIdList(this, 'orderIds', i, 'Order IDs'),
		async (ids) => await client.statuses(ids),
		(results) => results.map(resultOutput),
	);
}
