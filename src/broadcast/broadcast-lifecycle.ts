import type { Logger } from '../shared/logger';
import { ConflictError } from '../shared/conflict';
import type { Broadcast, BroadcastStatus } from './model';
import { pendingJob } from './outbox-orders';
import type { BroadcastStores } from './ports';

/** What a coordinator can do with a news item after "Senden", and from which states. */
export type LifecycleStep = 'approve' | 'pause' | 'resume' | 'cancel' | 'reschedule';
const FROM: Readonly<Record<LifecycleStep, readonly BroadcastStatus[]>> = {
  approve: ['awaiting-approval'],
  pause: ['sending'],
  resume: ['paused'],
  cancel: ['awaiting-approval', 'scheduled', 'sending', 'paused'],
  reschedule: ['awaiting-approval', 'scheduled'],
};

export const allowedIn = (status: BroadcastStatus, step: LifecycleStep) => FROM[step].includes(status);

/** notBefore of jobs that are due at once on every instance, whatever its clock (started, resumed, cancelled news). */
export const AT_ONCE = 0;

/** Paused jobs sleep this long (the queue's longest hide); "Fortsetzen" moves them back at once. */
export const PAUSED_MS = 7 * 24 * 3600 * 1000;

/** The delivery gate's answer for a broadcast in this state. */
export function gateFor(status: BroadcastStatus | undefined): 'go' | 'hold' | 'drop' {
  if (status === 'paused' || status === 'scheduled' || status === 'awaiting-approval') return 'hold';
  return status === 'cancelled' ? 'drop' : 'go';
}

type LifecycleStores = Pick<BroadcastStores, 'subscriptions' | 'broadcasts' | 'outbox'>;

/**
 * Queues one send per matching subscription, then marks the broadcast as sending. In this order a crash
 * in between leaves jobs the gate holds until the scheduler's next round marks it (enqueue is idempotent).
 */
export async function startSending(stores: LifecycleStores, broadcast: Broadcast, now: number): Promise<number> {
  const recipients = await stores.subscriptions.matching(broadcast.news.topic, broadcast.news.audience);
  await stores.outbox.enqueue(
    recipients.map((r) => ({ ...pendingJob(broadcast.id, r.conversationId, 'send', now), notBefore: AT_ONCE })),
  );
  await stores.broadcasts.update({ ...broadcast, status: 'sending' }, broadcast);
  return recipients.length;
}

/**
 * Starts scheduled broadcasts whose time has come; runs on the sender instance, at most every `everyMs`.
 * "Senden" and an approval schedule for now and call `soon()`: queuing the jobs (one per recipient, minutes at
 * 200,000 on Azure) runs here, never inside the coordinator's turn, and a crash midway is taken up by the next round.
 */
export function scheduler(deps: {
  stores: LifecycleStores;
  now: () => number;
  logger: Logger;
  /** Wakes the worker and refreshes the coordinator's card after a start. */
  started: (id: string) => void;
  everyMs?: number;
}) {
  const every = deps.everyMs ?? 5_000;
  let next = -Infinity;
  let running: Promise<void> | undefined;
  /** One round at a time: a call while a round runs (queuing 200,000 jobs takes minutes) gets that round. */
  const tick = (): Promise<void> => (running ??= round().finally(() => (running = undefined)));
  const round = async function startDue(): Promise<void> {
    const now = deps.now();
    if (now < next) return;
    next = now + every;
    for (const broadcast of await deps.stores.broadcasts.due(now)) {
      try {
        const recipients = await startSending(deps.stores, broadcast, now);
        deps.logger.info({ intent: 'broadcast', id: broadcast.id, recipients }, 'scheduled broadcast started');
        deps.started(broadcast.id);
      } catch (err) {
        // Changed meanwhile (cancelled, moved, corrected): the next round decides on the new state.
        if (!(err instanceof ConflictError))
          deps.logger.warn({ intent: 'broadcast', id: broadcast.id, err: String(err) }, 'scheduled start failed');
      }
    }
  };
  /** The next round runs at once (something was scheduled for now). */
  const soon = () => void (next = -Infinity);
  return { tick, soon };
}

/** Scheduled for now: the scheduler queues the jobs. Shown as starting, not as planned. */
export const startsNow = (b: Broadcast): boolean =>
  b.status === 'scheduled' && b.sendAt !== undefined && b.sendAt <= (b.approvedBy?.at ?? b.createdAt);
