/** Parameters shared by several operations. */
import type { INodeProperties } from 'n8n-workflow';

/** The service picker: a searchable list of the Panel's catalog, an id, or an expression. */
export function serviceLocator(
	displayOptions: INodeProperties['displayOptions'],
	description = 'The service from the Panel\'s catalog',
	dependsOn?: string[],
): INodeProperties {
	return {
		displayName: 'Service',
		name: 'service',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		displayOptions,
		// n8n's editor empties a resource locator when a parameter it depends on changes, so a
		// service of the old Order Type cannot stay selected (and its list reloads).
		...(dependsOn ? { typeOptions: { loadOptionsDependsOn: dependsOn } } : {}),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Search by name, category or ID…',
				typeOptions: { searchListMethod: 'searchServices', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 1',
				// Ids are opaque (core's parseId): anything but empty text or a comma.
				validation: [{ type: 'regex', properties: { regex: '^[^,]*[^,\\s][^,]*$', errorMessage: 'A service ID is one id, without commas' } }],
			},
		],
	};
}

export function orderIdField(displayOptions: INodeProperties['displayOptions'], description: string): INodeProperties {
	return {
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 23501',
		description,
		displayOptions,
	};
}

export function orderIdsField(displayOptions: INodeProperties['displayOptions'], description: string): INodeProperties {
	return {
		displayName: 'Order IDs',
		name: 'orderIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 23501, 23502, 23503',
		description,
		displayOptions,
	};
}
