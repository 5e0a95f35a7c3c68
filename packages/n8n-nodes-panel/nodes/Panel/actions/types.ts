import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { PanelClient, Service } from '@panel/core';

/** What every operation gets: the client, and the catalog (cached per credential) at most once per run. */
export interface OperationContext {
	client: PanelClient;
	/** `refresh`: read the Panel afresh (and replace the cached copy), once per run. */
	catalog: (options?: { refresh?: boolean }) => Promise<Service[]>;
}

export type OperationExecute = (
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	op: OperationContext,
) => Promise<INodeExecutionData[]>;
