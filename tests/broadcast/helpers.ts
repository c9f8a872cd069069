import { pendingJob } from '../../src/broadcast/outbox-orders';
import type { Clock, FakeClock } from '../../src/broadcast/clock';
import type { Sender } from '../../src/broadcast/delivery-worker';
import type { Broadcast, DeliveryJob, NewsTopic, SendOutcome, Subscription } from '../../src/broadcast/model';
import type { SubscriptionStore } from '../../src/broadcast/ports';

/** Subscriptions in memory (tests and the bench). */
export class MemorySubscriptions implements SubscriptionStore {
  readonly rows = new Map<string, Subscription>();
  async get(id: string) {
    return this.rows.get(id);
  }
  async put(s: Subscription) {
    const old = this.rows.get(s.conversationId);
    this.rows.set(s.conversationId, { ...s, createdAt: old?.createdAt ?? s.createdAt });
  }
  async remove(id: string) {
    return this.rows.delete(id);
  }
  async matching(topic: NewsTopic) {
    return [...this.rows.values()].filter((s) => s.topics.includes(topic));
  }
  async count() {
    return this.rows.size;
  }
}

export function subscription(
  conversationId: string,
  serviceUrl = 'http://127.0.0.1:1/',
  tenantId = 't1',
): Subscription {
  return {
    conversationId,
    reference: {
      channelId: 'msteams',
      serviceUrl,
      conversation: { id: conversationId, tenantId, conversationType: 'personal' },
      bot: { id: 'bot' },
      user: { id: `user-${conversationId}` },
    },
    conversationType: 'personal',
    tenantId,
    topics: ['fortbildungen'],
    audience: { schoolTypes: [], districts: [] },
    createdAt: 0,
    updatedAt: 0,
  };
}

export function broadcast(id: string): Broadcast {
  return {
    id,
    authorId: 'coordinator',
    news: {
      title: `News ${id}`,
      text: 'Text',
      topic: 'fortbildungen',
      audience: { schoolTypes: [], districts: [] },
    },
    version: 1,
    status: 'sending',
    createdAt: 0,
  };
}

/** A pending job due at once (the same factory the bot uses). */
export const job = (
  broadcastId: string,
  conversationId: string,
  action: DeliveryJob['action'] = 'send',
  activityId?: string,
) => pendingJob(broadcastId, conversationId, action, 0, activityId);

export interface SendRecord {
  readonly at: number;
  readonly job: DeliveryJob;
  readonly outcome: SendOutcome;
}

/** A Sender that answers from per-conversation scripts (default ok) after `latencyMs` on the clock. */
export class ScriptedSender implements Sender {
  readonly log: SendRecord[] = [];
  private readonly scripts = new Map<string, SendOutcome[]>();
  constructor(
    private readonly clock: Clock,
    private readonly latencyMs = 0,
  ) {}

  script(conversationId: string, ...outcomes: SendOutcome[]): void {
    this.scripts.set(conversationId, [...(this.scripts.get(conversationId) ?? []), ...outcomes]);
  }

  async send(job: DeliveryJob): Promise<SendOutcome> {
    const outcome = this.scripts.get(job.conversationId)?.shift() ?? {
      kind: 'ok',
      activityId: job.activityId ?? `act-${job.broadcastId}-${job.conversationId}`,
    };
    this.log.push({ at: this.clock.now(), job, outcome });
    if (this.latencyMs > 0) await this.clock.sleep(this.latencyMs);
    return outcome;
  }

  /** Successful deliveries per broadcast/conversation/action. */
  delivered(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const { job: j, outcome } of this.log) {
      if (outcome.kind !== 'ok') continue;
      const key = `${j.broadcastId}|${j.conversationId}|${j.action}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  }
}

/** Advances the fake clock in steps until the promise settles. */
export async function runUntil<T>(clock: FakeClock, promise: Promise<T>, stepMs = 50, maxMs = 3_600_000): Promise<T> {
  let done = false;
  const watched = promise.finally(() => (done = true));
  for (let t = 0; !done && t < maxMs; t += stepMs) await clock.advance(stepMs);
  if (!done) throw new Error(`still running after ${maxMs} ms of fake time`);
  return watched;
}

/** Most events within any window of `ms` (times sorted or not). */
export function maxInWindow(times: readonly number[], ms: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= ms) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}
