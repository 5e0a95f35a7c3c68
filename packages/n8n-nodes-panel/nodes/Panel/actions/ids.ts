/** Reading ids from parameters through core's one id reader (opaque ids; lists as text or arrays). */
import type { IExecuteFunctions } from 'n8n-workflow';
import { parseId, parseIdList } from '@panel/core';

export function readId(ctx: IExecuteFunctions, parameter: string, itemIndex: number, label: string): string {
	return parseId(ctx.getNodeParameter(parameter, itemIndex), label);
}

export function readIdList(ctx: IExecuteFunctions, parameter: string, itemIndex: number, label: string): string[] {
	return parseIdList(ctx.getNodeParameter(parameter, itemIndex) as unknown, label);
}

/** The id held by a resource locator parameter (any mode). */
export function readLocatorId(ctx: IExecuteFunctions, parameter: string, itemIndex: number, label: string): string {
	return parseId(ctx.getNodeParameter(parameter, itemIndex, '', { extractValue: true }), label);
}
