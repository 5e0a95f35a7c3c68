import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import * as account from './actions/account';
import * as order from './actions/order';
import * as refill from './actions/refill';
import * as service from './actions/service';
import { router } from './actions/router';
import { credentialTest, listSearch, loadOptions } from './methods';

/**
 * The Panel node. Layout after n8n's own Airtable v2: one file per operation under
 * actions/<resource>/, dispatched by actions/router.ts; HTTP and the client in transport/.
 */
export class Panel implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Panel',
		name: 'panel',
		icon: { light: 'file:panel.svg', dark: 'file:panel.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Place and track orders on an SMM reseller Panel (Panel API v2)',
		defaults: { name: 'Panel' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'panelApi', required: true, testedBy: 'panelApiTest' }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'Order', value: 'order' },
					{ name: 'Refill', value: 'refill' },
					{ name: 'Service', value: 'service' },
				],
				default: 'order',
			},
			...account.description,
			...service.description,
			...order.description,
			...refill.description,
		],
	};

	methods = { credentialTest, listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
