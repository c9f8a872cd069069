/** Time as the delivery engine sees it: injectable so tests and benches control it. */
export interface Clock {
  /** Milliseconds since the epoch (or since a fixed origin for fake clocks). */
  now(): number;
  /** Resolves after `ms`, or early (never rejects) when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * The wall clock. `scale` < 1 runs time faster (0.02: one clock second passes in 20 real ms),
 * used by the bench to play Teams' limits in a few seconds.
 */
export class RealClock implements Clock {
  private readonly origin = Date.now();
  private readonly start = performance.now();
  constructor(private readonly scale = 1) {}

  now(): number {
    return this.origin + (performance.now() - this.start) / this.scale;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms * this.scale));
      signal?.addEventListener('abort', done, { once: true });
    });
  }
}

interface Sleeper {
  readonly at: number;
  readonly seq: number;
  readonly resolve: () => void;
}

/** A deterministic clock for tests: time moves only through `advance`. */
export class FakeClock implements Clock {
  private time: number;
  private seq = 0;
  private sleepers: Sleeper[] = [];

  constructor(start = 0) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const onAbort = () => {
        this.sleepers = this.sleepers.filter((s) => s !== sleeper);
        resolve();
      };
      const sleeper: Sleeper = {
        at: this.time + Math.max(0, ms),
        seq: this.seq++,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      this.sleepers.push(sleeper);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Number of pending sleepers (for tests). */
  get waiting(): number {
    return this.sleepers.length;
  }

  /** Moves time forward, waking sleepers in time order and letting each one's follow-up work run. */
  async advance(ms: number): Promise<void> {
    const target = this.time + ms;
    await settle();
    for (;;) {
      const next = this.earliest();
      if (!next || next.at > target) break;
      this.sleepers = this.sleepers.filter((s) => s !== next);
      this.time = Math.max(this.time, next.at);
      next.resolve();
      await settle();
    }
    this.time = target;
    await settle();
  }

  private earliest(): Sleeper | undefined {
    let best: Sleeper | undefined;
    for (const s of this.sleepers) if (!best || s.at < best.at || (s.at === best.at && s.seq < best.seq)) best = s;
    return best;
  }
}

/** Lets every queued promise continuation run (one macrotask turn). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
