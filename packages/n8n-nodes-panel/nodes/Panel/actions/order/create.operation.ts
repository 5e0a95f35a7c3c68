/**
 * Order → Create: validate and price with core (type, required fields, min/max), then place
 * it — or, as a dry run, only report what would be sent and what it would cost.
 * An order is sent once: a failure that may have placed it is reported, never retried here.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { orderTypeOf, PanelValidationError, type OrderTypeName, type PreparedOrder, type QuantityRule } from '@panel/core';
import { forEachItem } from '../../helpers/items';
import { findService } from '../catalog';
import { serviceLocator } from '../common.descriptions';
import { readLocatorId } from '../ids';
import type { OperationContext } from '../types';
import { ORDER_TYPE_PARAMETER, orderTypeOptions, orderTypeProperties, readOrderInput } from './orderTypeFields';

const show = { resource: ['order'], operation: ['create'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Order Type',
		name: ORDER_TYPE_PARAMETER,
		type: 'options',
		options: orderTypeOptions(),
		default: 'Default',
		description: 'The type of the service to order: it decides which fields the order needs',
		displayOptions: { show },
	},
	serviceLocator(
		{ show },
		'The service to order. The list shows only services of the chosen Order Type; a service picked before the type changed is refused before anything is sent.',
	),
	...orderTypeProperties(show),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Dry Run (Estimate Only)',
				name: 'dryRun',
				type: 'boolean',
				default: false,
				description:
					'Whether to only validate the order and estimate its charge, without placing it',
			},
		],
	},
];

/** How the billed quantity was worked out, in the form's own words (core names the rule). */
const QUANTITY_RULE_TEXT: Record<QuantityRule, (form: Record<string, string>) => string> = {
	sent: (f) => (Number(f.runs ?? 1) > 1 ? `Quantity ${f.quantity} × ${f.runs} runs` : `Quantity ${f.quantity}`),
	comment_lines: (f) => `${(f.comments ?? '').split('\n').filter((l) => l.trim() !== '').length} comments, one per line`,
	posts_x_max: (f) => `Posts ${f.posts ?? 1} × Max ${f.max}`,
	fixed: () => 'Fixed by the service',
};

function summary(prepared: PreparedOrder): IDataObject {
	const out: IDataObject = {
		service: prepared.service.service,
		service_name: prepared.service.name,
		type: prepared.type,
		quantity: prepared.quantity,
		quantity_rule: QUANTITY_RULE_TEXT[prepared.quantity_rule](prepared.form),
		charge_estimate: prepared.charge,
	};
	if (prepared.currency !== undefined) out.currency = prepared.currency;
	return out;
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	{ client, catalog }: OperationContext,
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (i) => {
		const selected = this.getNodeParameter(ORDER_TYPE_PARAMETER, i) as OrderTypeName;
		const service = findService(await catalog(), readLocatorId(this, 'service', i, 'Service'));
		const actual = orderTypeOf(service);
		if (actual !== selected) {
			throw new PanelValidationError(
				`Service ${service.service} ("${service.name}") has order type ${actual}, but Order Type is set to ${selected}: set Order Type to ${actual}, or pick another service (the Service list shows only ${selected} services).`,
				{ field: ORDER_TYPE_PARAMETER },
			);
		}
		const prepared = await client.prepareOrder(service, readOrderInput(this, selected, i));
		const { dryRun } = this.getNodeParameter('options', i, {}) as { dryRun?: boolean };
		if (dryRun) {
			const request = { ...prepared.form };
			return { dry_run: true, ...summary(prepared), request };
		}
		const placed = await client.add(prepared.form);
		return { order: placed.order, ...summary(prepared) };
	});
}
