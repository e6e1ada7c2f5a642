/**
 * A token bucket per sender, in this process: `rate` requests a second with bursts of twice
 * that. Answers how many seconds to wait (0: go), which the route sends as Retry-After — a
 * flood is told to slow down, never dropped in silence. Several app processes each keep their
 * own buckets: the limit is per process, which is what protects each one.
 */
export class SenderRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    private readonly rate: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  take(key: string): number {
    const t = this.now();
    const cap = this.rate * 2;
    const b = this.buckets.get(key) ?? { tokens: cap, at: t };
    b.tokens = Math.min(cap, b.tokens + ((t - b.at) / 1000) * this.rate);
    b.at = t;
    if (this.buckets.size > 50_000) this.buckets.clear();
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / this.rate));
  }
}
