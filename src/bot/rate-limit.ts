/** Per-user sliding window (1 minute): at most `perMinute` messages; bounded memory. */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly perMinute: number,
    private readonly maxUsers = 50_000,
  ) {}

  /** Records one message; false when the user is over the limit. */
  allow(userId: string, now: number): boolean {
    const since = now - 60_000;
    const recent = (this.hits.get(userId) ?? []).filter((t) => t > since);
    const allowed = recent.length < this.perMinute;
    if (allowed) recent.push(now);
    this.hits.delete(userId);
    this.hits.set(userId, recent);
    if (this.hits.size > this.maxUsers) this.hits.delete(this.hits.keys().next().value!);
    return allowed;
  }

  get size(): number {
    return this.hits.size;
  }
}
