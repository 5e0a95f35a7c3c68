/**
 * Where a per-item id comes from: the ID parameter (usually an expression, which n8n
 * evaluates once per item — most of the node's time over 1,000 items), or, the fast path, a
 * field of the input item named once (as n8n's own nodes name a binary property).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { normalizeId, PanelValidationError } from '@panel/core';
import { readId } from './ids';

export interface IdSource {
	/** The ID parameter ('orderId'). */
	parameter: string;
	/** What the id is called in messages ('Order ID'). */
	label: string;
	/** The source switch ('orderIdSource') and the field-name parameter ('orderIdFieldName'). */
	sourceParameter: string;
	fieldParameter: string;
	/** The field the Panel's own replies use ('order'). */
	defaultField: string;
}

export const ORDER_ID_SOURCE: IdSource = {
	parameter: 'orderId',
	label: 'Order ID',
	sourceParameter: 'orderIdSource',
	fieldParameter: 'orderIdFieldName',
	defaultField: 'order',
};

export const REFILL_ID_SOURCE: IdSource = {
	parameter: 'refillId',
	label: 'Refill ID',
	sourceParameter: 'refillIdSource',
	fieldParameter: 'refillIdFieldName',
	defaultField: 'refill',
};

/** The switch and the field name (literal descriptions, as the n8n linter wants); the ID parameter shows only with source = parameter. */
export function idSourceProperties(src: IdSource, show: Record<string, string[]>): INodeProperties[] {
	const [source, field] = src === REFILL_ID_SOURCE ? refillSourceProperties() : orderSourceProperties();
	return [
		{ ...source, displayOptions: { show } },
		{ ...field, displayOptions: { show: { ...show, [src.sourceParameter]: ['field'] } } },
	];
}

function orderSourceProperties(): [INodeProperties, INodeProperties] {
	return [
		{
			displayName: 'Take Order ID From',
			name: 'orderIdSource',
			type: 'options',
			options: [
				{ name: 'Order ID Parameter', value: 'parameter', description: 'The Order ID parameter below (a value or an expression)' },
				{ name: 'Input Field', value: 'field', description: 'A field of each input item: no expression per item, the fastest for many items' },
			],
			default: 'parameter',
		},
		{
			displayName: 'Input Field Name',
			name: 'orderIdFieldName',
			type: 'string',
			default: 'order',
			required: true,
			placeholder: 'e.g. order',
			description: 'The field of each input item that holds the order ID; a dot path (e.g. data.order) reaches into objects',
		},
	];
}

function refillSourceProperties(): [INodeProperties, INodeProperties] {
	return [
		{
			displayName: 'Take Refill ID From',
			name: 'refillIdSource',
			type: 'options',
			options: [
				{ name: 'Refill ID Parameter', value: 'parameter', description: 'The Refill ID parameter below (a value or an expression)' },
				{ name: 'Input Field', value: 'field', description: 'A field of each input item: no expression per item, the fastest for many items' },
			],
			default: 'parameter',
		},
		{
			displayName: 'Input Field Name',
			name: 'refillIdFieldName',
			type: 'string',
			default: 'refill',
			required: true,
			placeholder: 'e.g. refill',
			description: 'The field of each input item that holds the refill ID; a dot path (e.g. data.refill) reaches into objects',
		},
	];
}

/** The display options of the ID parameter itself: shown unless the id comes from a field. */
export function idParameterShow(src: IdSource, show: Record<string, string[]>): INodeProperties['displayOptions'] {
	return { show: { ...show, [src.sourceParameter]: ['parameter'] } };
}

function fieldValue(json: IDataObject, name: string): unknown {
	if (name in json) return json[name];
	let at: unknown = json;
	for (const part of name.split('.')) {
		if (at === null || typeof at !== 'object' || !(part in (at as object))) return undefined;
		at = (at as IDataObject)[part];
	}
	return at;
}

/** The id of item `i`, from the parameter or from the named input field. */
export function readIdFromSource(ctx: IExecuteFunctions, items: INodeExecutionData[], i: number, src: IdSource): string {
	if (ctx.getNodeParameter(src.sourceParameter, i, 'parameter') !== 'field') return readId(ctx, src.parameter, i, src.label);
	const name = String(ctx.getNodeParameter(src.fieldParameter, i, src.defaultField)).trim();
	const json = items[i]?.json ?? {};
	const value = name === '' ? undefined : fieldValue(json, name);
	if (value === undefined || value === null || value === '') {
		const fields = Object.keys(json).slice(0, 10).join(', ') || 'none';
		throw new PanelValidationError(
			`Item ${i} has no value in field "${name}": set Input Field Name to the field that holds the ${src.label.toLowerCase()} (this item's fields: ${fields}).`,
			{ field: src.fieldParameter },
		);
	}
	return normalizeId(value, src.label);
}
