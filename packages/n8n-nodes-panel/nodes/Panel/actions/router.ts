/** Dispatches resource × operation to its module, with one client and one lazy (cached) catalog per run. */
import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import type { Service } from '@panel/core';
import { toNodeError } from '../helpers/errors';
import { createPanelClient } from '../transport';
import { cachedCatalog } from './catalog';
import * as account from './account';
import * as order from './order';
import * as refill from './refill';
import * as service from './service';
import type { OperationExecute } from './types';

const OPERATIONS: Record<string, Record<string, { execute: OperationExecute }>> = {
	account: { getBalance: account.getBalance },
	service: { get: service.get, getMany: service.getMany },
	order: {
		create: order.create,
		getStatus: order.getStatus,
		getManyStatuses: order.getManyStatuses,
		cancel: order.cancel,
		refill: order.refill,
	},
	refill: { getStatus: refill.getStatus },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = OPERATIONS[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of resource "${resource}" is not supported`);
	}
	let client;
	try {
		client = await createPanelClient(this);
	} catch (error) {
		throw toNodeError(this.getNode(), error, 0);
	}
	let catalog: Promise<Service[]> | undefined;
	const op = {
		client,
		// One catalog per run, from the per-credential cache (or read afresh on `refresh`).
		catalog: async (options?: { refresh?: boolean }) => await (catalog ??= cachedCatalog(this, client, options)),
	};
	return [await handler.execute.call(this, items, op)];
}
