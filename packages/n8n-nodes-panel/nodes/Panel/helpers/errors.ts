/**
 * PanelError → n8n error. Core's messages already say what to fix and never hold the key;
 * this only picks n8n's class (API errors vs. input errors), attaches the item index and
 * passes core's scrubbed JSON form as the error's details (never the raw cause).
 */
import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';
import { PanelError } from '@panel/core';

/** Codes that mean the input was wrong, found before or without a Panel reply. */
const INPUT_ERROR_CODES = new Set<string>(['validation', 'unsupported_order_type']);

export type PanelNodeError = NodeApiError | NodeOperationError;

function describe(error: PanelError): string {
	const json = error.toJSON();
	const field = typeof json.field === 'string' ? ` (field: ${json.field})` : '';
	return `Panel error code: ${error.code}${field}`;
}

export function toNodeError(node: INode, error: unknown, itemIndex: number): PanelNodeError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	if (error instanceof PanelError) {
		if (INPUT_ERROR_CODES.has(error.code)) {
			return new NodeOperationError(node, error.message, { itemIndex, description: describe(error) });
		}
		return new NodeApiError(node, error.toJSON() as JsonObject, {
			itemIndex,
			message: error.message,
			description: describe(error),
			...(error.httpStatus ? { httpCode: String(error.httpStatus) } : {}),
		});
	}
	return new NodeOperationError(node, error instanceof Error ? error : String(error), { itemIndex });
}
