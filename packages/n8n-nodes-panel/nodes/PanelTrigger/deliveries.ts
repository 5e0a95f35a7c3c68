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
 *
 * n8n 2.41 saves a webhook request's static data when it answers, if the data is marked
 * changed. Answering only once the execution exists (responseMode onReceived, no answer of
 * our own), it first starts the run, which builds a `new Workflow(...)` over the same static
 * data object, and that resets the mark (ObservableObject.create); the change would never be
 * saved. Building a Workflow reads each node type's `description.properties` before it
 * resets the mark, in the same synchronous step: the trigger's description calls
 * remarkPending() on that read, which queues a microtask marking every unanswered request's
 * data changed again, after the reset and long before n8n's save.
 */
import { randomUUID } from 'node:crypto';
import { DeliveryMemory } from '@panel/core';

import type { IDataObject } from 'n8n-workflow';

/** Re-mark functions of requests that changed the memory and are not answered yet. */
const pendingMarks = new Set<() => void>();

/** Marks every unanswered request's static data changed again, once the current step is done. */
export function remarkPending(): void {
	if (pendingMarks.size === 0) return;
	void Promise.resolve().then(() => {
		for (const mark of pendingMarks) mark();
	});
}

/**
 * A node's memory as it goes into static data: serialises to the memory's `{key: ms}` at the
 * moment n8n saves, and counts what was saved, so a request whose key an earlier save already
 * carried need not save again (under a burst, one save covers many deliveries).
 */
class Persisted {
	version = 0;
	savedVersion = 0;
	constructor(readonly memory: DeliveryMemory) {}
	toJSON(): Record<string, number> {
		this.savedVersion = this.version;
		return this.memory.toJSON();
	}
}

/** Identifies this process in the static data, so it knows when another one saved last. */
const PROCESS_ID = randomUUID();

const memories = new Map<string, Persisted>();

/**
 * Record a delivery key for one workflow node; true the first time (start an execution),
 * false for a repeat. `nodeData` is the node's static data (n8n's getWorkflowStaticData);
 * `onAnswered` registers a callback for when n8n has answered the request, told whether the
 * answer says the execution was created.
 */
export function firstDelivery(nodeData: IDataObject, scope: string, key: string, now: number, onAnswered: (done: (executionStarted: boolean) => void) => void): boolean {
	let persisted = memories.get(scope);
	let absorbed = 0;
	if (!persisted) {
		persisted = new Persisted(new DeliveryMemory());
		memories.set(scope, persisted);
		absorbed = persisted.memory.absorb(nodeData.seen, now);
		// The first request after a start saves even a repeat: the set is ours from now on.
		absorbed = Math.max(absorbed, 1);
	} else if (nodeData.writer !== PROCESS_ID) {
		absorbed = persisted.memory.absorb(nodeData.seen, now);
	}
	const first = persisted.memory.remember(key, now);
	if (first || absorbed > 0) {
		const p = persisted;
		const mine = ++p.version;
		const mark = () => {
			// Another request's save has already carried this change: nothing left to save.
			if (p.savedVersion >= mine) {
				pendingMarks.delete(mark);
				return;
			}
			nodeData.writer = PROCESS_ID;
			nodeData.seen = p as unknown as IDataObject;
		};
		mark();
		pendingMarks.add(mark);
		onAnswered((executionStarted) => {
			pendingMarks.delete(mark);
			// n8n answered with an error: it did not create the execution (e.g. its database
			// timed out). Forget the key, so the Panel's retry of this change gets through.
			if (first && !executionStarted) {
				p.memory.forget(key);
				p.version++;
			}
		});
	}
	return first;
}

/** For tests: forget every process-wide memory (as a restart would). */
export function forgetDeliveryMemories(): void {
	memories.clear();
	pendingMarks.clear();
}
