/** Per-IP sliding-window rate limit (default 1000 requests per 60 s, as the spec says). */
export interface RateLimitOptions { limit: number; windowMs: number }

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly opts: RateLimitOptions, private readonly now: () => number = Date.now) {
    if (!(opts.limit >= 1) || !(opts.windowMs >= 1)) throw new Error('rateLimit: limit and windowMs must be positive');
  }

  /** Count a request; returns null when allowed, else the seconds to wait (Retry-After). */
  hit(ip: string): number | null {
    const t = this.now();
    const from = t - this.opts.windowMs;
    let list = this.hits.get(ip);
    if (!list) this.hits.set(ip, (list = []));
    let drop = 0;
    while (drop < list.length && list[drop]! <= from) drop++;
    if (drop) list.splice(0, drop);
    if (list.length >= this.opts.limit) {
      return Math.max(1, Math.ceil((list[0]! + this.opts.windowMs - t) / 1000));
    }
    list.push(t);
    return null;
  }

  reset(): void {
    this.hits.clear();
  }
}
