/** At most `size` sends at once, handed out first come, first served; once `closed` aborts, nobody gets one. */
export class SendSlots {
  private taken = 0;
  private readonly waiters: ((granted: boolean) => void)[] = [];

  constructor(
    private readonly size: number,
    private readonly closed: AbortSignal,
  ) {
    closed.addEventListener('abort', () => this.waiters.splice(0).forEach((w) => w(false)));
  }

  /** Resolves true with a slot taken, or false when closed. */
  acquire(): Promise<boolean> {
    if (this.closed.aborted) return Promise.resolve(false);
    if (this.taken < this.size) {
      this.taken++;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Hands the slot to the next waiter, or frees it. */
  release(): void {
    const next = this.waiters.shift();
    if (next) next(true);
    else this.taken--;
  }
}
