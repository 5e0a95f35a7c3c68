import type { INodeProperties } from 'n8n-workflow';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { get, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['service'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get one service of the catalog: name, type, rate per 1000, min and max',
				action: 'Get a service',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the services of the catalog, filtered by category, order type or name',
				action: 'Get many services',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
	...get.description,
];
