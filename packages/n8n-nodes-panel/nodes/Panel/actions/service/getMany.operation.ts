/** Service → Get many: the catalog, filtered by category, type and name, with Return All / Limit. */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { Service } from '@panel/core';
import { forEachItem } from '../../helpers/items';
import { serviceOutput } from '../../helpers/output';
import { orderTypeOptions } from '../order/orderTypeFields';
import type { OperationContext } from '../types';

const show = { resource: ['service'], operation: ['getMany'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: { show },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { ...show, returnAll: [false] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Category Name or ID',
				name: 'category',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getCategories' },
				default: '',
				description:
					'Only services of this category. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Name Contains',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Only services whose name contains this text (case-insensitive)',
			},
			{
				displayName: 'Order Type',
				name: 'type',
				type: 'options',
				options: orderTypeOptions(),
				default: 'Default',
				description: 'Only services of this order type',
			},
		],
	},
];

interface ServiceFilters {
	category?: string;
	name?: string;
	type?: string;
}

function matches(service: Service, filters: ServiceFilters): boolean {
	if (filters.category && service.category !== filters.category) return false;
	if (filters.type && service.type !== filters.type) return false;
	if (filters.name && !service.name.toLowerCase().includes(filters.name.toLowerCase())) return false;
	return true;
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	{ catalog }: OperationContext,
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (i) => {
		const returnAll = this.getNodeParameter('returnAll', i) as boolean;
		const filters = this.getNodeParameter('filters', i, {}) as ServiceFilters;
		const found = (await catalog()).filter((s) => matches(s, filters));
		const list = returnAll ? found : found.slice(0, this.getNodeParameter('limit', i) as number);
		return list.map(serviceOutput);
	});
}
