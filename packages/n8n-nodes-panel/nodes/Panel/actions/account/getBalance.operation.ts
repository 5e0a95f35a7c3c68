/** Account → Get balance: one request per run, the same balance on every input item. */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { errorItem, outputItems } from '../../helpers/items';
import { toNodeError } from '../../helpers/errors';
import type { OperationContext } from '../types';

export const description: INodeProperties[] = [];

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	{ client }: OperationContext,
): Promise<INodeExecutionData[]> {
	try {
		const balance = await client.balance();
		return items.flatMap((_, i) => outputItems({ ...balance }, i));
	} catch (error) {
		if (!this.continueOnFail()) throw toNodeError(this.getNode(), error, 0);
		return items.map((_, i) => errorItem(this, error, i));
	}
}
