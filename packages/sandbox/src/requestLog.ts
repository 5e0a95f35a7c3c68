/** The request log: one entry per API request (never the key), bounded. */
import type { RequestLogEntry } from './types';

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 1;

  constructor(private readonly limit = 100_000) {}

  add(e: Omit<RequestLogEntry, 'seq'>): void {
    this.entries.push({ seq: this.seq++, ...e });
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  /** Entries, optionally only those after `since` (a seq) and/or of one action. */
  list(filter: { since?: number; action?: string } = {}): RequestLogEntry[] {
    return this.entries.filter((e) => (filter.since === undefined || e.seq > filter.since) && (filter.action === undefined || e.action === filter.action)).map((e) => ({ ...e }));
  }

  clear(): void {
    this.entries = [];
  }
}
