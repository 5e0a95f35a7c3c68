/**
 * Which deliveries this n8n process has already turned into executions. n8n hands each
 * webhook request its own copy of the workflow's static data and saves that copy whole, so
 * concurrent requests cannot see (and overwrite) each other's writes. The authority is
 * therefore one DeliveryMemory per workflow node in this process (JavaScript runs one
 * request's synchronous code at a time, so check-and-insert is atomic); static data only
 * carries it across restarts and between processes:
 * - each request that changes the memory assigns the memory object itself to the static
 *   data, so what n8n serialises when it saves is the memory as it is at that moment, with
 *   every key other requests have added (the last save cannot drop keys saved by others);
 * - the persisted keys are absorbed when this process first serves the node (a restart) and
 *   whenever another process saved last (several webhook processors).
 */
import { randomUUID } from 'node:crypto';
import { DeliveryMemory } from '@panel/core';
import type { IDataObject } from 'n8n-workflow';

/** Identifies this process in the static data, so it knows when another one saved last. */
const PROCESS_ID = randomUUID();

const memories = new Map<string, DeliveryMemory>();

/**
 * Record a delivery key for one workflow node; true the first time (start an execution),
 * false for a repeat. `nodeData` is the node's static data (n8n's getWorkflowStaticData).
 */
export function firstDelivery(nodeData: IDataObject, scope: string, key: string, now: number): boolean {
	let memory = memories.get(scope);
	let absorbed = 0;
	if (!memory) {
		memory = new DeliveryMemory();
		memories.set(scope, memory);
		absorbed = memory.absorb(nodeData.seen, now);
		// The first request after a start saves even a repeat: the set is ours from now on.
		absorbed = Math.max(absorbed, 1);
	} else if (nodeData.writer !== PROCESS_ID) {
		absorbed = memory.absorb(nodeData.seen, now);
	}
	const first = memory.remember(key, now);
	if (first || absorbed > 0) {
		nodeData.writer = PROCESS_ID;
		nodeData.seen = memory as unknown as IDataObject;
	}
	return first;
}

/** For tests: forget every process-wide memory (as a restart would). */
export function forgetDeliveryMemories(): void {
	memories.clear();
}
