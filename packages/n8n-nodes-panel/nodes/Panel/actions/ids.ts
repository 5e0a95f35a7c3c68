/** Reading ids from parameters: a single id, or a list given as text (commas, spaces, lines) or an array. */
import type { IExecuteFunctions } from 'n8n-workflow';
import { normalizeId, PanelValidationError } from '@panel/core';

export function readId(ctx: IExecuteFunctions, parameter: string, itemIndex: number, label: string): string {
	return normalizeId(ctx.getNodeParameter(parameter, itemIndex), label);
}

export function readIdList(ctx: IExecuteFunctions, parameter: string, itemIndex: number, label: string): string[] {
	const raw = ctx.getNodeParameter(parameter, itemIndex) as unknown;
	const parts = Array.isArray(raw) ? raw : String(raw ?? '').split(/[\s,;]+/).filter((p) => p !== '');
	if (parts.length === 0) {
		throw new PanelValidationError(`${label} is empty: give at least one ID, e.g. 23501, 23502.`, { field: parameter });
	}
	return parts.map((p) => normalizeId(p, label));
}

/** The id held by a resource locator parameter (any mode). */
export function readLocatorId(ctx: IExecuteFunctions, parameter: string, itemIndex: number, label: string): string {
	return normalizeId(ctx.getNodeParameter(parameter, itemIndex, '', { extractValue: true }), label);
}
