import type { Logger } from '../shared/logger';
import { ConflictError } from '../shared/conflict';
import type { AdaptiveCard } from '../cards/adaptive';
import { TEXTS } from '../texts';
import { berlinLabel, plannedTime } from './berlin-time';
import { allowedIn, AT_ONCE, PAUSED_MS, type LifecycleStep } from './broadcast-lifecycle';
import type { CoordinatorPolicy } from '../roles/coordinators';
import type { Broadcast, Signature } from './model';
import type { BroadcastStores } from './ports';
import { approvalCard } from './progress-card';

const T = TEXTS.news;
/** Entra object ids are GUIDs: the same person whatever the case. */
const sameId = (a: string | undefined, b: string | undefined) => !!a && !!b && a.toLowerCase() === b.toLowerCase();
const field = (data: Record<string, unknown>, key: string) =>
  typeof data[key] === 'string' ? (data[key] as string).slice(0, 10) : undefined;

/** What the lifecycle steps need from the coordinator's turn. */
export interface StepTurn {
  readonly coordinator: string | undefined;
  text(words: string): Promise<void>;
  card(card: AdaptiveCard, summary?: string): Promise<void>;
}

/** After "Senden": approve, pause, resume, cancel, a new time; and the list of items awaiting approval. */
export function lifecycleSteps(deps: {
  stores: Pick<BroadcastStores, 'subscriptions' | 'broadcasts' | 'outbox'>;
  policy: CoordinatorPolicy;
  logger: Logger;
  wake: () => void;
  refresh: (id: string) => void;
  now: () => number;
}) {
  const { stores, logger, now } = deps;
  const signature = (turn: StepTurn): Signature => ({ id: turn.coordinator ?? '', at: now() });

  async function apply(turn: StepTurn, b: Broadcast, step: LifecycleStep, data: Record<string, unknown>) {
    const update = (next: Broadcast) => stores.broadcasts.update(next, b);
    const changed = (action: 'pause' | 'resume' | 'cancel') => ({ ...signature(turn), action });
    switch (step) {
      case 'approve': {
        if (sameId(b.authorId, turn.coordinator)) return turn.text(T.ownApproval);
        const approved = { ...b, approvedBy: signature(turn) };
        if (b.sendAt !== undefined && b.sendAt > now()) {
          await update({ ...approved, status: 'scheduled' });
          return turn.text(T.approved(berlinLabel(b.sendAt)));
        }
        // Scheduled for now: the sender's scheduler queues the jobs, outside this turn.
        await update({ ...approved, status: 'scheduled', sendAt: approved.approvedBy.at });
        deps.wake();
        return turn.text(T.approved(undefined));
      }
      case 'pause':
        await update({ ...b, status: 'paused', changedBy: changed('pause') });
        await stores.outbox.reschedule(b.id, 'send', now() + PAUSED_MS);
        return turn.text(T.paused);
      case 'resume':
        await update({ ...b, status: 'sending', changedBy: changed('resume') });
        await stores.outbox.reschedule(b.id, 'send', AT_ONCE);
        deps.wake();
        return turn.text(T.resumed);
      case 'cancel': {
        await update({ ...b, status: 'cancelled', changedBy: changed('cancel') });
        if (b.status !== 'sending' && b.status !== 'paused') return turn.text(T.cancelledBefore);
        // Due at once, so the worker marks every unsent job as cancelled and the report is complete.
        await stores.outbox.reschedule(b.id, 'send', AT_ONCE);
        deps.wake();
        return turn.text(T.cancelledDuring);
      }
      case 'reschedule': {
        const at = plannedTime(field(data, 'sendDate'), field(data, 'sendTime'), now());
        if (at === undefined || at === 'invalid') return turn.text(T.scheduleInvalid);
        await update({ ...b, sendAt: at });
        return turn.text(T.rescheduled(berlinLabel(at)));
      }
    }
  }

  return {
    /** One step on one item; `original` was checked for the coordinator's topic rights by the caller. */
    async step(turn: StepTurn, original: Broadcast, step: LifecycleStep, data: Record<string, unknown> = {}) {
      if (!allowedIn(original.status, step)) return turn.text(T.notNow(T.statusNames[original.status] ?? ''));
      // A card from before the end: a send that has gone out to everyone cannot be paused or cancelled any more.
      if ((step === 'pause' || step === 'cancel') && original.status === 'sending') {
        const { pending } = await stores.outbox.report(original.id, 'send');
        if (pending === 0) return turn.text(T.alreadyDelivered);
      }
      try {
        await apply(turn, original, step, data);
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err;
        return turn.text(T.changedMeanwhile);
      }
      logger.info({ intent: 'broadcast', id: original.id, step }, 'broadcast step');
      deps.refresh(original.id);
    },

    /** Items this coordinator may approve: their topics, written by someone else. */
    async approvals(turn: StepTurn) {
      const waiting = (await stores.broadcasts.newest(200)).filter(
        (b) =>
          b.status === 'awaiting-approval' &&
          !sameId(b.authorId, turn.coordinator) &&
          deps.policy.mayBroadcast(turn.coordinator, b.news.topic),
      );
      if (waiting.length === 0) return turn.text(T.noApprovals);
      await turn.text(T.approvalsTitle);
      for (const b of waiting.slice(0, 10)) await turn.card(approvalCard(b), T.statusAwaiting);
    },
  };
}
