/** Service → Get: one service of the catalog by id. */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { forEachItem } from '../../helpers/items';
import { serviceOutput } from '../../helpers/output';
import { serviceLocator } from '../common.descriptions';
import { findService } from '../catalog';
import { readLocatorId } from '../ids';
import type { OperationContext } from '../types';

export const description: INodeProperties[] = [serviceLocator({ show: { resource: ['service'], operation: ['get'] } })];

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	{ catalog }: OperationContext,
): Promise<INodeExecutionData[]> {
	return await forEachItem(
		this,
		items,
		async (i) => serviceOutput(findService(await catalog(), readLocatorId(this, 'service', i, 'Service'))),
	);
}
