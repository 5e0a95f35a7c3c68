/** Order → Refill: ask the Panel to refill one order; the output holds the refill's id. */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { PanelApiError } from '@panel/core';
import { forEachItem } from '../../helpers/items';
import { resultOutput } from '../../helpers/output';
import { orderIdField } from '../common.descriptions';
import { readId } from '../ids';
import type { OperationContext } from '../types';

export const description: INodeProperties[] = [
	orderIdField(
		{ show: { resource: ['order'], operation: ['refill'] } },
		'The ID of the order to refill (the service must offer refills)',
	),
];

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	{ client }: OperationContext,
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (i) => {
		const result = await client.refill(readId(this, 'orderId', i, 'Order ID'));
		if (result.error !== null) {
			throw new PanelApiError(`The Panel refused to refill order ${result.order}: ${result.error}`, { panelMessage: result.error });
		}
		return resultOutput(result);
	});
}
