/**
 * Fixed one-minute windows per client address for anonymous resolution. Kept in-process (one map
 * lookup per request): a shared store would cost a network hop on the hot path, and each instance
 * limiting on its own is enough to stop one client from hogging it.
 */
export class WindowLimiter {
  private windowStart = 0;
  private counts = new Map<string, number>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number,
  ) {}

  /** Seconds to wait when over the limit, else 0 (and the request is counted). */
  take(client: string): number {
    const now = this.now();
    const window = now - (now % 60_000);
    if (window !== this.windowStart) {
      this.windowStart = window;
      this.counts = new Map();
    }
    const used = (this.counts.get(client) ?? 0) + 1;
    if (used > this.perMinute) return Math.ceil((window + 60_000 - now) / 1000);
    this.counts.set(client, used);
    return 0;
  }
}
