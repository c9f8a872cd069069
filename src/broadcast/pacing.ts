/** At most `limit` sends within any `ms` milliseconds. */
export interface RateWindow {
  readonly limit: number;
  readonly ms: number;
}

/** Teams' published limits per bot and conversation. */
export const TEAMS_CONVERSATION_WINDOWS: readonly RateWindow[] = Object.freeze([
  { limit: 7, ms: 1_000 },
  { limit: 8, ms: 2_000 },
  { limit: 60, ms: 30_000 },
  { limit: 1_800, ms: 3_600_000 },
]);

export interface PacerOptions {
  readonly perConversation?: readonly RateWindow[];
  /** Sends per second per app and tenant (Teams: 50). */
  readonly perTenantPerSecond?: number;
  /** Added to every window: headroom for network jitter between us and Teams. */
  readonly marginMs?: number;
  /** Spaces tenant sends evenly (1 s / limit apart) instead of bursting the whole limit (default true). */
  readonly smooth?: boolean;
  /** Conversations remembered at most; the least recently used one is forgotten first. */
  readonly maxConversations?: number;
}

/** Round trips remembered for the fastest one: the steady latency to Teams. */
const ROUND_TRIPS = 64;

/** How many intervals a late caller may catch up at once (absorbs timer lateness, keeps bursts tiny). */
const CATCH_UP = 1;

/** Send times of one key, oldest first; only the newest `keep` within `horizon` matter. */
class History {
  readonly times: number[] = [];

  /** Theoretical time of the next send when spacing evenly (GCRA). */
  paced = -Infinity;

  /** Earliest time ≥ now at which one more send fits every window (and the even spacing, if any). */
  earliest(windows: readonly RateWindow[], margin: number, now: number, tolerance = Infinity): number {
    const n = this.times.length;
    let at = Math.max(now, this.paced - tolerance);
    for (const w of windows) {
      const oldest = this.times[n - w.limit];
      if (oldest !== undefined) at = Math.max(at, oldest + w.ms + margin);
    }
    return at;
  }

  /** The send recorded at `from` counts from `to` (later): times stay in order. */
  move(from: number, to: number): void {
    const i = this.times.lastIndexOf(from);
    if (i < 0 || to <= from) return;
    this.times.splice(i, 1);
    let j = this.times.length;
    while (j > 0 && this.times[j - 1]! > to) j--;
    this.times.splice(j, 0, to);
  }

  record(now: number, keep: number, horizon: number): void {
    this.times.push(now);
    let drop = Math.max(0, this.times.length - keep);
    while (drop < this.times.length && this.times[drop]! <= now - horizon) drop++;
    if (drop > 0) this.times.splice(0, drop);
  }
}

/**
 * Sliding-window limiter for one process: per conversation and per tenant. Only records a send
 * when it may happen now, so a caller that has to wait simply asks again later.
 */
export class Pacer {
  private readonly conversations = new Map<string, History>();
  /** The latest round trips (ms), to tell the steady latency from a delay. */
  private readonly roundTrips: number[] = [];
  private nextRoundTrip = 0;
  private readonly tenants = new Map<string, History>();
  private readonly conversationWindows: readonly RateWindow[];
  private readonly tenantWindows: readonly RateWindow[];
  private readonly margin: number;
  private readonly gap: number;
  private readonly maxConversations: number;
  private readonly keep: number;
  private readonly horizon: number;

  constructor(options: PacerOptions = {}) {
    this.conversationWindows = options.perConversation ?? TEAMS_CONVERSATION_WINDOWS;
    this.tenantWindows = [{ limit: options.perTenantPerSecond ?? 50, ms: 1_000 }];
    this.margin = options.marginMs ?? 0;
    this.gap = options.smooth === false ? 0 : (1_000 + this.margin) / this.tenantWindows[0]!.limit;
    this.maxConversations = options.maxConversations ?? 20_000;
    this.keep = Math.max(...this.conversationWindows.map((w) => w.limit));
    this.horizon = Math.max(...this.conversationWindows.map((w) => w.ms)) + this.margin;
  }

  /** The earliest time a send to this conversation may go out; recorded when that is `now`. */
  reserve(conversationId: string, tenantId: string | undefined, now: number): number {
    const tenantKey = tenantId ?? '';
    const conversation = this.conversations.get(conversationId);
    const tenant = this.tenants.get(tenantKey);
    const at = Math.max(
      conversation?.earliest(this.conversationWindows, this.margin, now) ?? now,
      tenant?.earliest(this.tenantWindows, this.margin, now, this.gap * CATCH_UP) ?? now,
    );
    if (at > now) return at;
    this.touch(conversationId, conversation, now).record(now, this.keep, this.horizon);
    let t = tenant;
    if (!t) this.tenants.set(tenantKey, (t = new History()));
    t.record(now, this.tenantWindows[0]!.limit, this.tenantWindows[0]!.ms + this.margin);
    if (this.gap > 0) t.paced = Math.max(t.paced, now) + this.gap;
    return now;
  }

  /**
   * A send reserved at `reservedAt` came back at `doneAt`. What its round trip took beyond the fastest recent one
   * was delay on its way (a busy event loop, a pause, the network), so it reached Teams that much later than
   * reserved: it counts from then on, and a delay can never bring sends closer together at Teams than paced. The
   * fastest round trip itself is not counted – a steady latency to Teams costs no rate.
   */
  settle(conversationId: string, tenantId: string | undefined, reservedAt: number, doneAt: number): void {
    const took = Math.max(0, doneAt - reservedAt);
    // The fastest of the sends before (none yet: all of it counts – the first send also waits for the token).
    const fastest = this.roundTrips.length > 0 ? Math.min(...this.roundTrips) : 0;
    this.roundTrips[this.nextRoundTrip++ % ROUND_TRIPS] = took;
    const late = took - Math.min(fastest, took);
    if (late <= 0) return;
    this.conversations.get(conversationId)?.move(reservedAt, reservedAt + late);
    this.tenants.get(tenantId ?? '')?.move(reservedAt, reservedAt + late);
  }

  /** Conversations currently remembered (for tests). */
  get tracked(): number {
    return this.conversations.size;
  }

  /** Moves the conversation to the most-recent end; forgets idle (> 1 h) and least recently used ones. */
  private touch(id: string, existing: History | undefined, now: number): History {
    const history = existing ?? new History();
    this.conversations.delete(id);
    this.conversations.set(id, history);
    for (const [key, h] of this.conversations) {
      if (key === id) break;
      const idle = (h.times[h.times.length - 1] ?? -Infinity) <= now - this.horizon;
      if (!idle && this.conversations.size <= this.maxConversations) break;
      this.conversations.delete(key);
    }
    return history;
  }
}
