/** The request log: one entry per API request (never the key), bounded. */
import type { RequestLogEntry } from './types';

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 1;

  constructor(private readonly limit = 100_000) {}

  add(e: Omit<RequestLogEntry, 'seq'>): void {
    this.entries.push({ seq: this.seq++, ...e });
    // Trim in batches (a splice per request would cost O(limit) each time).
    if (this.entries.length > this.limit + Math.max(100, this.limit >> 4)) this.entries.splice(0, this.entries.length - this.limit);
  }

  /** Entries, optionally only those after `since` (a seq) and/or of one action. Entries are
   * in seq order, so `since` is a binary search: cheap on a log of a million entries. */
  list(filter: { since?: number; action?: string } = {}): RequestLogEntry[] {
    let lo = 0;
    if (filter.since !== undefined) {
      let hi = this.entries.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.entries[mid]!.seq <= filter.since) lo = mid + 1;
        else hi = mid;
      }
    }
    const out: RequestLogEntry[] = [];
    for (let i = lo; i < this.entries.length; i++) {
      const e = this.entries[i]!;
      if (filter.action === undefined || e.action === filter.action) out.push({ ...e });
    }
    return out;
  }

  /** The seq of the last entry (0 when none): a cheap "since" mark for counting later requests. */
  lastSeq(): number {
    return this.seq - 1;
  }

  clear(): void {
    this.entries = [];
  }
}
