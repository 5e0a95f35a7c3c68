import type { INodeProperties } from 'n8n-workflow';
import * as cancel from './cancel.operation';
import * as create from './create.operation';
import * as getManyStatuses from './getManyStatuses.operation';
import * as getStatus from './getStatus.operation';
import * as refill from './refill.operation';

export { cancel, create, getManyStatuses, getStatus, refill };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{
				name: 'Cancel',
				value: 'cancel',
				description: 'Cancel one or more orders that have not started',
				action: 'Cancel orders',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Place an order for a service, or validate and price it without placing (dry run)',
				action: 'Create an order',
			},
			{
				name: 'Get Many Statuses',
				value: 'getManyStatuses',
				description: 'Get the statuses of many orders at once, up to 100 per request',
				action: 'Get many order statuses',
			},
			{
				name: 'Get Status',
				value: 'getStatus',
				description: 'Get the status, charge, start count and remains of an order',
				action: 'Get the status of an order',
			},
			{
				name: 'Refill',
				value: 'refill',
				description: 'Ask the Panel to refill an order whose count dropped',
				action: 'Refill an order',
			},
		],
		default: 'create',
	},
	...create.description,
	...getStatus.description,
	...getManyStatuses.description,
	...cancel.description,
	...refill.description,
];
