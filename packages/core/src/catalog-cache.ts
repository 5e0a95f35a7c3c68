/**
 * A bounded in-memory cache of Panel catalogs (or anything read per credential), shared by
 * every caller in one process: pickers, option lists and runs read the 4 MB `services`
 * reply at most once per key per `ttlMs`. Host-agnostic: time comes from the `now` the host
 * passes in (its runtime's clock); no timers.
 *
 * Keys are opaque strings chosen by the host. They must never be a credential in clear:
 * hosts pass a digest of the connection (e.g. sha256 of URL + key), so the cache holds no
 * secret and two accounts on one Panel never share an entry.
 */

export interface CatalogCacheOptions {
  /** Milliseconds since the epoch (the host runtime's clock). */
  now: () => number;
  /** How long a read stays fresh (default 5 minutes). */
  ttlMs?: number;
  /** Entries kept at most; the least recently used go first (default 16). */
  maxEntries?: number;
}

export const DEFAULT_CATALOG_TTL_MS = 5 * 60_000;
export const DEFAULT_CATALOG_MAX_ENTRIES = 16;

interface Entry<T> {
  /** When the read finished (fresh until at + ttlMs). */
  at: number;
  value: T;
}

export interface CatalogGetOptions {
  /** Read afresh even when a fresh copy is held (an explicit "refresh catalog"). */
  refresh?: boolean;
}

export class CatalogCache<T> {
  readonly ttlMs: number;
  readonly maxEntries: number;
  private readonly now: () => number;
  /** Map order is recency order: the first key is the least recently used. */
  private readonly entries = new Map<string, Entry<T>>();
  /** Reads in flight: concurrent callers of one key share one read. */
  private readonly reads = new Map<string, Promise<T>>();

  constructor(options: CatalogCacheOptions) {
    const ttlMs = options.ttlMs ?? DEFAULT_CATALOG_TTL_MS;
    const maxEntries = options.maxEntries ?? DEFAULT_CATALOG_MAX_ENTRIES;
    if (typeof options.now !== 'function') throw new TypeError('CatalogCache needs a now() clock');
    if (!Number.isFinite(ttlMs) || ttlMs < 0) throw new RangeError(`ttlMs must be a non-negative number, got ${ttlMs}`);
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError(`maxEntries must be a positive integer, got ${maxEntries}`);
    this.now = options.now;
    this.ttlMs = ttlMs;
    this.maxEntries = maxEntries;
  }

  /**
   * The value for `key`: the held copy while fresh, else `load()`'s result (kept for ttlMs).
   * A read already in flight for the key is joined, also by `refresh` (it is fresh by then).
   * A failed read is not kept: the next caller reads again.
   */
  get(key: string, load: () => Promise<T>, options: CatalogGetOptions = {}): Promise<T> {
    const held = this.entries.get(key);
    if (held && !options.refresh && this.now() - held.at < this.ttlMs) {
      this.entries.delete(key);
      this.entries.set(key, held);
      return Promise.resolve(held.value);
    }
    const inFlight = this.reads.get(key);
    if (inFlight) return inFlight;
    const read = (async () => {
      try {
        const value = await load();
        this.store(key, value);
        return value;
      } finally {
        this.reads.delete(key);
      }
    })();
    this.reads.set(key, read);
    return read;
  }

  /** Forgets `key` (the next get reads afresh). */
  invalidate(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  /** Entries held (fresh or stale). */
  get size(): number {
    return this.entries.size;
  }

  private store(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, { at: this.now(), value });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}
