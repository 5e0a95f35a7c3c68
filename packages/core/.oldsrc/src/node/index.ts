/**
 * `@panel/core/node`: the pieces that need Node itself (undici, timers). Kept out of the
 * main entry so hosts like n8n and Zapier, which bring their own HTTP, never load them.
 */
import { PanelClient, type ClientOptions } from '../client';
import { createNodeRuntime, type NodeRuntime, type NodeRuntimeOptions } from './undici-runtime';

export { createNodeRuntime };
export type { NodeRuntime, NodeRuntimeOptions };

export interface NodeClientOptions extends Omit<ClientOptions, 'runtime'> {
  apiKey: string;
  /** Keep-alive connections per origin (default 8). */
  connections?: number;
  /** Use this runtime instead of a new undici one (e.g. a shared pool). */
  runtime?: NodeRuntime;
}

/** A PanelClient on its own undici runtime; `close()` releases the pool. */
export interface NodePanelClient extends PanelClient {
  close(): Promise<void>;
}

/**
 * The one-liner for Node: `createPanelClient({ apiUrl, apiKey })`. The key goes into the
 * runtime (which adds it to each form) and into `secrets` (scrubbed from every error).
 */
export function createPanelClient(options: NodeClientOptions): NodePanelClient {
  const { apiKey, connections, runtime: given, secrets, ...clientOptions } = options;
  const runtimeOptions: NodeRuntimeOptions = { apiKey };
  if (connections !== undefined) runtimeOptions.connections = connections;
  if (clientOptions.timeoutMs !== undefined) runtimeOptions.timeoutMs = clientOptions.timeoutMs;
  if (clientOptions.maxResponseBytes !== undefined) runtimeOptions.maxResponseBytes = clientOptions.maxResponseBytes;
  const runtime = given ?? createNodeRuntime(runtimeOptions);
  const client = new PanelClient({ ...clientOptions, runtime, secrets: [apiKey, ...(secrets ?? [])] }) as NodePanelClient;
  client.close = () => runtime.close();
  return client;
}
