/** The Panel node's description: what the editor shows (Panel.node.ts, actions/ * /index.ts, orderTypeFields.ts). */
import { ORDER_TYPE_NAMES, ORDER_TYPES, orderFields } from '@panel/core';
import { BOUNDS_HINT } from '../../nodes/Panel/actions/order/orderTypeFields';
import { node } from './harness.cjs';

const d = node.description;

describe('Panel node description', () => {
	it('is usable as a tool, with a subtitle, two icons and the credential tested by panelApiTest', () => {
		expect(d.usableAsTool).toBe(true);
		expect(d.subtitle).toBe('={{$parameter["operation"] + ": " + $parameter["resource"]}}');
		expect(d.icon).toEqual({ light: 'file:panel.svg', dark: 'file:panel.dark.svg' });
		expect(d.credentials).toEqual([{ name: 'panelApi', required: true, testedBy: 'panelApiTest' }]);
	});

	it('has at most five operations per resource, each with a description and an action', () => {
		const ops = d.properties.filter((p) => p.name === 'operation');
		expect(ops.map((p) => p.displayOptions?.show?.resource)).toEqual([['account'], ['service'], ['order'], ['refill']]);
		for (const p of ops) {
			expect(p.options!.length).toBeLessThanOrEqual(5);
			for (const o of p.options as Array<{ description?: string; action?: string }>) {
				expect(o.description).toBeTruthy();
				expect(o.action).toBeTruthy();
			}
		}
	});

	it.each(ORDER_TYPE_NAMES)('shows the fields of %s only for that order type', (type) => {
		const mine = d.properties.filter((p) => (p.displayOptions?.show?.orderType as string[] | undefined)?.includes(type));
		const names = mine.flatMap((p) => (p.type === 'collection' ? (p.options as Array<{ name: string }>).map((o) => o.name) : p.type === 'notice' ? [] : [p.name]));
		expect(names.sort()).toEqual(orderFields(type).map((f) => f.name).sort());
		for (const p of mine) expect(p.displayOptions?.show?.orderType).toEqual([type]);
		for (const f of orderFields(type).filter((f) => f.required)) {
			expect(mine.find((p) => p.name === f.name)?.required).toBe(true);
		}
	});

	it('Create\'s service picker depends on Order Type (n8n clears it and reloads its list when the type changes), and says so', () => {
		const picker = d.properties.find((p) => p.name === 'service' && (p.displayOptions?.show?.operation as string[]).includes('create'));
		expect(picker?.typeOptions).toEqual({ loadOptionsDependsOn: ['orderType'] });
		expect(picker?.description).toBe(
			'The service to order. The list shows only services of the chosen Order Type; changing the type clears the service (an ID or expression of another type is refused before anything is sent).',
		);
		const getPicker = d.properties.find((p) => p.name === 'service' && (p.displayOptions?.show?.operation as string[]).includes('get'));
		expect(getPicker?.typeOptions).toBeUndefined();
	});

	it('the field checked against the service\'s min–max says so (its default cannot know the service)', () => {
		const hinted = d.properties
			.filter((p) => p.hint !== undefined)
			.map((p) => [(p.displayOptions?.show?.orderType as string[])[0], p.name, p.hint]);
		const expected = ORDER_TYPE_NAMES.flatMap((type) => {
			const rule = ORDER_TYPES[type].quantityRule;
			const field = rule === 'sent' ? 'quantity' : rule === 'posts_x_max' ? 'max' : null;
			return field && orderFields(type).some((f) => f.name === field && f.required) ? [[type, field, BOUNDS_HINT]] : [];
		});
		expect(hinted).toEqual(expected);
		expect(hinted.length).toBeGreaterThan(0);
	});
});
