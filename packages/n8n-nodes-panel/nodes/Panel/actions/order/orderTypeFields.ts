/**
 * The Create form, generated from core's order-type table: each type's fields appear only
 * when that type is selected. Required fields are top-level parameters; optional ones sit in
 * that type's "Additional Fields" collection, so an unset field is simply not sent.
 * Nothing here names a Panel field: names, labels, kinds and defaults all come from core.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import {
	ORDER_TYPES,
	ORDER_TYPE_NAMES,
	orderFields,
	type OrderField,
	type OrderInput,
	type OrderTypeName,
	type QuantityRule,
} from '@panel/core';

export const ORDER_TYPE_PARAMETER = 'orderType';
export const ADDITIONAL_FIELDS_PARAMETER = 'additionalFields';

/** The order types as n8n options (sorted by name, as n8n's UI guidelines ask). */
export function orderTypeOptions(): INodePropertyOptions[] {
	return ORDER_TYPE_NAMES.map((name) => ({ name, value: name, description: ORDER_TYPES[name].description })).sort(
		(a, b) => a.name.localeCompare(b.name),
	);
}

/** Field kind → n8n parameter shape (data over branches). */
const KIND: Record<OrderField['kind'], (f: OrderField) => Partial<INodeProperties>> = {
	url: () => ({ type: 'string', default: '', placeholder: 'https://…' }),
	string: (f) => ({ type: 'string', default: f.default === undefined ? '' : String(f.default) }),
	lines: (f) => ({ type: 'string', default: '', typeOptions: { rows: 4 }, placeholder: 'One per line', description: f.description }),
	list: () => ({ type: 'string', default: '', typeOptions: { rows: 3 }, placeholder: 'Comma-separated, or one per line' }),
	integer: (f) => ({
		type: 'number',
		default: typeof f.default === 'number' ? f.default : (f.min ?? 0),
		typeOptions: { minValue: f.min ?? 0, numberPrecision: 0 },
	}),
	date: () => ({ type: 'string', default: '', placeholder: 'YYYY-MM-DD' }),
};

/**
 * The field core checks against the service's min–max, by quantity rule. Its default (the
 * field's own minimum) cannot know the service, so the field says where the bounds are shown.
 */
const BOUNDED_FIELD: Record<QuantityRule, string | null> = {
	sent: 'quantity',
	posts_x_max: 'max',
	comment_lines: null,
	fixed: null,
};

export const BOUNDS_HINT =
	'Must lie within the service\'s min–max, shown beside each service in the Service list; checked before the order is sent';

function toProperty(field: OrderField, type?: OrderTypeName): INodeProperties {
	const bounded = type !== undefined && BOUNDED_FIELD[ORDER_TYPES[type].quantityRule] === field.name;
	return {
		displayName: field.label,
		name: field.name,
		description: field.description,
		...KIND[field.kind](field),
		...(bounded ? { hint: BOUNDS_HINT } : {}),
	} as INodeProperties;
}

/** Every type's fields, each shown only for its type. */
export function orderTypeProperties(show: IDataObject): INodeProperties[] {
	const out: INodeProperties[] = [];
	for (const type of ORDER_TYPE_NAMES) {
		const displayOptions = { show: { ...show, [ORDER_TYPE_PARAMETER]: [type] } };
		const fields = orderFields(type);
		if (!ORDER_TYPES[type].creatable) {
			out.push({
				displayName: `${type} orders cannot be placed through the Panel API: create them on the Panel's website. Status, Cancel and Refill still work for them.`,
				name: `notice${type.replace(/\W/g, '')}`,
				type: 'notice',
				default: '',
				displayOptions,
			});
		}
		for (const field of fields.filter((f) => f.required)) {
			out.push({ ...toProperty(field, type), required: true, displayOptions });
		}
		const optional = fields.filter((f) => !f.required);
		if (optional.length > 0) {
			out.push({
				displayName: 'Additional Fields',
				name: ADDITIONAL_FIELDS_PARAMETER,
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				displayOptions,
				options: optional.map((f) => toProperty(f, type)).sort((a, b) => a.displayName.localeCompare(b.displayName)),
			});
		}
	}
	return out;
}

/** The user's input for one item, as core's prepareOrder takes it. */
export function readOrderInput(ctx: IExecuteFunctions, type: OrderTypeName, itemIndex: number): OrderInput {
	const input: OrderInput = {};
	const fields = orderFields(type);
	const additional = fields.some((f) => !f.required)
		? (ctx.getNodeParameter(ADDITIONAL_FIELDS_PARAMETER, itemIndex, {}) as IDataObject)
		: {};
	for (const field of fields) {
		const value = field.required ? ctx.getNodeParameter(field.name, itemIndex, '') : additional[field.name];
		if (value === undefined || value === null) continue;
		input[field.name] = Array.isArray(value) ? value.map((v) => String(v)) : (value as string | number | boolean);
	}
	return input;
}
