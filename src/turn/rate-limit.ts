/** Per-user sliding window (1 minute): at most `perMinute` messages; holds only users active in the last minute. */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly perMinute: number,
    private readonly maxUsers = 50_000,
  ) {}

  /** Records one message; false when the user is over the limit. */
  allow(userId: string, now: number): boolean {
    const recent = this.hits.get(userId) ?? [];
    // Oldest first: drop what left the window.
    while (recent.length > 0 && recent[0]! <= now - 60_000) recent.shift();
    const allowed = recent.length < this.perMinute;
    if (allowed) recent.push(now);
    this.hits.delete(userId);
    this.hits.set(userId, recent);
    // Least recently active first: forget users quiet for a whole window, and the oldest beyond the bound.
    for (const [id, times] of this.hits) {
      if ((times.at(-1) ?? 0) > now - 60_000 && this.hits.size <= this.maxUsers) break;
      this.hits.delete(id);
    }
    return allowed;
  }

  get size(): number {
    return this.hits.size;
  }
}
