/**
 * What an output item shows: core's results, minus what only repeats or says nothing —
 * `error: null` on a result that succeeded, and `type_raw` when it equals `type` (it is kept
 * when the catalog spelled the type differently, which is then worth seeing).
 */
import type { IDataObject } from 'n8n-workflow';
import type { Service } from '@panel/core';

/** A per-id result (status, cancel, refill): `error` only when there is one. */
export function resultOutput(result: { error: string | null }): IDataObject {
	const { error, ...rest } = result;
	return error === null ? { ...rest } : { ...rest, error };
}

export function serviceOutput(service: Service): IDataObject {
	const { type_raw, ...rest } = service;
	return (type_raw === service.type ? { ...rest } : { ...rest, type_raw }) as IDataObject;
}
