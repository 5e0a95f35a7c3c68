import { CatalogCache, DEFAULT_CATALOG_TTL_MS } from '../src/catalog-cache';

/** A clock the test moves by hand, and a loader that counts its reads. */
function setup(options: { ttlMs?: number; maxEntries?: number } = {}) {
  let now = 1_000_000;
  const cache = new CatalogCache<string[]>({ now: () => now, ...options });
  const reads: string[] = [];
  const loader = (key: string) => async () => {
    reads.push(key);
    return [`catalog of ${key} #${reads.length}`];
  };
  return { cache, reads, loader, advance: (ms: number) => (now += ms) };
}

describe('CatalogCache', () => {
  it('reads once per key while fresh, again after the TTL', async () => {
    const { cache, reads, loader, advance } = setup({ ttlMs: 1000 });
    expect(await cache.get('a', loader('a'))).toEqual(['catalog of a #1']);
    advance(999);
    expect(await cache.get('a', loader('a'))).toEqual(['catalog of a #1']);
    expect(reads).toEqual(['a']);
    advance(1);
    expect(await cache.get('a', loader('a'))).toEqual(['catalog of a #2']);
    expect(reads).toEqual(['a', 'a']);
  });

  it('keeps keys apart', async () => {
    const { cache, reads, loader } = setup();
    await cache.get('a', loader('a'));
    expect(await cache.get('b', loader('b'))).toEqual(['catalog of b #2']);
    expect(await cache.get('a', loader('a'))).toEqual(['catalog of a #1']);
    expect(reads).toEqual(['a', 'b']);
  });

  it('concurrent callers of one key share one read', async () => {
    const { cache, reads, loader } = setup();
    const got = await Promise.all(Array.from({ length: 10 }, () => cache.get('a', loader('a'))));
    expect(reads).toEqual(['a']);
    expect(new Set(got.map((g) => g[0]))).toEqual(new Set(['catalog of a #1']));
  });

  it('refresh reads afresh and the fresh copy is what later callers get', async () => {
    const { cache, reads, loader } = setup();
    await cache.get('a', loader('a'));
    expect(await cache.get('a', loader('a'), { refresh: true })).toEqual(['catalog of a #2']);
    expect(await cache.get('a', loader('a'))).toEqual(['catalog of a #2']);
    expect(reads).toEqual(['a', 'a']);
  });

  it('a failed read is not kept: the error reaches every waiting caller, the next call reads again', async () => {
    const { cache, loader } = setup();
    let calls = 0;
    const failing = async () => {
      calls++;
      throw new Error('Panel down');
    };
    const both = [cache.get('a', failing), cache.get('a', failing)];
    await expect(both[0]).rejects.toThrow('Panel down');
    await expect(both[1]).rejects.toThrow('Panel down');
    expect(calls).toBe(1);
    expect(cache.size).toBe(0);
    expect(await cache.get('a', loader('a'))).toEqual(['catalog of a #1']);
  });

  it('is bounded: beyond maxEntries the least recently used key goes', async () => {
    const { cache, reads, loader } = setup({ maxEntries: 2 });
    await cache.get('a', loader('a'));
    await cache.get('b', loader('b'));
    await cache.get('a', loader('a')); // a is now the most recently used
    await cache.get('c', loader('c')); // evicts b
    expect(cache.size).toBe(2);
    await cache.get('a', loader('a'));
    expect(reads).toEqual(['a', 'b', 'c']);
    await cache.get('b', loader('b'));
    expect(reads).toEqual(['a', 'b', 'c', 'b']);
  });

  it('invalidate and clear forget entries', async () => {
    const { cache, reads, loader } = setup();
    await cache.get('a', loader('a'));
    await cache.get('b', loader('b'));
    cache.invalidate('a');
    await cache.get('a', loader('a'));
    cache.clear();
    expect(cache.size).toBe(0);
    await cache.get('b', loader('b'));
    expect(reads).toEqual(['a', 'b', 'a', 'b']);
  });

  it('defaults to five minutes and refuses bad options', () => {
    expect(new CatalogCache({ now: () => 0 }).ttlMs).toBe(DEFAULT_CATALOG_TTL_MS);
    expect(DEFAULT_CATALOG_TTL_MS).toBe(300_000);
    expect(() => new CatalogCache({ now: () => 0, ttlMs: -1 })).toThrow(RangeError);
    expect(() => new CatalogCache({ now: () => 0, maxEntries: 0 })).toThrow(RangeError);
    expect(() => new CatalogCache({} as never)).toThrow(TypeError);
  });
});
