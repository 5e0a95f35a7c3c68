/**
 * PanelError → n8n error. Core's messages already say what to fix and never hold the key;
 * this only picks n8n's class (API errors vs. input errors), attaches the item index and
 * passes core's scrubbed JSON form as the error's details (never the raw cause).
 *
 * Two n8n habits are kept from rewording core's errors:
 * - NodeApiError takes its `httpCode` from any `code` field of the details, so core's code
 *   (e.g. "not_found") goes in as `panelCode`, and httpCode is the real HTTP status or none;
 * - n8n's constructors swap a message that mentions a Node error code (ECONNRESET,
 *   ETIMEDOUT…) for a generic text ("The connection to the server was closed unexpectedly…");
 *   core's message says more (which call, whether an order may have been placed, what to
 *   do), so it is put back after construction. n8n's text stays in `messages`.
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

/** Core's JSON form with `code` renamed, so n8n does not read it as an HTTP status. */
function details(error: PanelError): JsonObject {
	const { code, ...rest } = error.toJSON();
	return { ...rest, panelCode: code } as JsonObject;
}

/** Puts core's message back where n8n's constructor replaced it. */
function withMessage<E extends PanelNodeError>(nodeError: E, message: string): E {
	nodeError.message = message;
	return nodeError;
}

export function toNodeError(node: INode, error: unknown, itemIndex: number): PanelNodeError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	if (error instanceof PanelError) {
		if (INPUT_ERROR_CODES.has(error.code)) {
			return withMessage(new NodeOperationError(node, error.message, { itemIndex, description: describe(error) }), error.message);
		}
		const apiError = new NodeApiError(node, details(error), {
			itemIndex,
			message: error.message,
			description: describe(error),
			...(error.httpStatus ? { httpCode: String(error.httpStatus) } : {}),
		});
		return withMessage(apiError, error.message);
	}
	return new NodeOperationError(node, error instanceof Error ? error : String(error), { itemIndex });
}
