/** Faults on demand. A fault is queued for the next N matching API requests (`times`, default
 * 1) or applied at a `rate` (0–1, seeded PRNG, until cleared). The first matching fault wins.
 *
 * | kind         | the client sees                                   | request processed? |
 * |--------------|---------------------------------------------------|--------------------|
 * | latency      | the normal answer after `ms`                      | yes                |
 * | status       | HTTP `status` (default 502; 429 adds Retry-After) | no                 |
 * | html         | an HTML error page (`status`, default 200)        | no (`processed`)   |
 * | truncated    | the JSON answer cut in half                       | yes (`processed`)  |
 * | body         | exactly `body` with `status` (default 200)        | no (`processed`)   |
 * | empty        | 200 with an empty body                            | no (`processed`)   |
 * | slow         | the answer in 8 chunks, `ms` apart                | yes                |
 * | reset_before | connection reset, nothing done                    | no                 |
 * | reset_after  | connection reset after the request took effect    | yes                |
 * | reset_mid    | status + headers + half the body, then a reset    | yes                |
 */
export type FaultKind = 'latency' | 'status' | 'html' | 'truncated' | 'body' | 'empty' | 'slow' | 'reset_before' | 'reset_after' | 'reset_mid';

export const FAULT_KINDS: readonly FaultKind[] = ['latency', 'status', 'html', 'truncated', 'body', 'empty', 'slow', 'reset_before', 'reset_after', 'reset_mid'];

export interface FaultSpec {
  kind: FaultKind;
  /** Only requests with this action (default: any). */
  action?: string;
  /** How many matching requests (default 1); ignored when `rate` is set. */
  times?: number;
  /** Probability per matching request, until cleared. */
  rate?: number;
  /** latency: delay; slow: delay between chunks (default 200). */
  ms?: number;
  status?: number;
  /** status 429: Retry-After seconds (default 1). */
  retryAfterSec?: number;
  body?: string;
  /** Override whether html / truncated / body / empty let the request take effect first. */
  processed?: boolean;
}

const PROCESSED_BY_DEFAULT: Record<FaultKind, boolean> = {
  latency: true, status: false, html: false, truncated: true, body: false, empty: false, slow: true, reset_before: false, reset_after: true, reset_mid: true,
};

export function faultProcesses(f: FaultSpec): boolean {
  if (f.kind === 'status' || f.kind === 'reset_before') return false;
  if (f.kind === 'reset_after' || f.kind === 'reset_mid' || f.kind === 'latency' || f.kind === 'slow') return true;
  return f.processed ?? PROCESSED_BY_DEFAULT[f.kind];
}

export function validateFault(f: FaultSpec): FaultSpec {
  if (!f || !FAULT_KINDS.includes(f.kind)) throw new Error(`fault.kind must be one of ${FAULT_KINDS.join(', ')}`);
  if (f.rate !== undefined && !(f.rate >= 0 && f.rate <= 1)) throw new Error('fault.rate must be between 0 and 1');
  if (f.times !== undefined && !(Number.isInteger(f.times) && f.times >= 1)) throw new Error('fault.times must be a positive integer');
  return { ...f };
}

/** mulberry32: a small seeded PRNG so rate faults are reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultQueue {
  private faults: Array<FaultSpec & { left: number }> = [];
  private random: () => number;

  constructor(seed = 1) {
    this.random = prng(seed);
  }

  add(spec: FaultSpec): void {
    const f = validateFault(spec);
    this.faults.push({ ...f, left: f.times ?? 1 });
  }

  list(): FaultSpec[] {
    return this.faults.map(({ left, ...f }) => (f.rate === undefined ? { ...f, times: left } : f));
  }

  clear(): void {
    this.faults = [];
  }

  /** The fault for a request with this action, if any (consumes one of its `times`). */
  take(action: string | null): FaultSpec | null {
    for (let i = 0; i < this.faults.length; i++) {
      const f = this.faults[i]!;
      if (f.action !== undefined && f.action !== action) continue;
      if (f.rate !== undefined) {
        if (this.random() < f.rate) return f;
        continue;
      }
      f.left -= 1;
      if (f.left <= 0) this.faults.splice(i, 1);
      return f;
    }
    return null;
  }
}
