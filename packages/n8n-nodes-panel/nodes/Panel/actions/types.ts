import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { PanelClient, Service } from '@panel/core';

/** What every operation gets: the client, and the catalog fetched at most once per run. */
export interface OperationContext {
	client: PanelClient;
	catalog: () => Promise<Service[]>;
}

export type OperationExecute = (
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	op: OperationContext,
) => Promise<INodeExecutionData[]>;
