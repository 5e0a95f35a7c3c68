/**
 * Integration harness: a real sandbox Panel on loopback and a real client over the undici
 * runtime. Only the runtime's sleep is replaced (recorded, not waited), so retries that
 * honour a Retry-After of seconds do not slow the suite; every byte still crosses HTTP.
 */
import { startSandbox, type Sandbox, type SandboxOptions } from '@panel/sandbox';
import { PanelClient, type ClientOptions } from '../../src/client';
import { createNodeRuntime, type NodeRuntime } from '../../src/node';

export const KEY = 'sandbox-demo-key';

export interface Harness {
  sb: Sandbox;
  runtime: NodeRuntime;
  sleeps: number[];
  client(extra?: Partial<ClientOptions>): PanelClient;
  stop(): Promise<void>;
}

export async function startHarness(options: SandboxOptions = {}): Promise<Harness> {
  const sb = await startSandbox({ port: 0, host: '127.0.0.1', admin: true, clock: 'manual', ...options });
  const node = createNodeRuntime({ apiKey: KEY, timeoutMs: 5000 });
  const sleeps: number[] = [];
  const runtime: NodeRuntime = {
    ...node,
    sleep: async (ms: number) => {
      sleeps.push(ms);
    },
    // No jitter: backoff delays become exact figures a test can check.
    random: () => 0.5,
  };
  return {
    sb,
    runtime,
    sleeps,
    client: (extra = {}) => new PanelClient({ apiUrl: sb.apiUrl, runtime, secrets: [KEY], rateLimit: false, ...extra }),
    async stop() {
      await node.close();
      await sb.stop();
    },
  };
}

/** Requests the sandbox logged for one action. */
export function logged(sb: Sandbox, action: string) {
  return sb.requests().filter((r) => r.action === action);
}
