// Fixed one-minute windows per key (a token's officer, a client address). In memory, per api instance:
// several instances behind a balancer each allow the limit, which the README says.
export class RateLimiter {
  private window = 0;
  private counts = new Map<string, number>();

  constructor(private readonly perMinute: number) {}

  /** Seconds to wait when `key` is over its limit in the current minute, else 0. */
  take(key: string, nowMs: number): number {
    if (this.perMinute <= 0) return 0;
    const window = Math.floor(nowMs / 60_000);
    if (window !== this.window) {
      this.window = window;
      this.counts = new Map();
    }
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    return count > this.perMinute ? Math.max(1, Math.ceil(((window + 1) * 60_000 - nowMs) / 1000)) : 0;
  }
}
