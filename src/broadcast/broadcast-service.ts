import { randomUUID } from 'node:crypto';
import type { Reply } from '../turn/reply';
import type { Logger } from '../shared/logger';
import type { BroadcastStores } from './ports';
import type { AdaptiveCard } from '../cards/adaptive';
import { TEXTS } from '../texts';
import type { CoordinatorPolicy } from '../roles/coordinators';
import { NewsTopic, type Broadcast, type NewsItem } from './model';
import { composeCard, previewCard, recallConfirmCard, scheduleFieldsOf } from './news-cards';
import { progressCard } from './progress-card';
import { lifecycleSteps } from './lifecycle-service';
import { berlinLabel, plannedTime } from './berlin-time';
import { amend, delivered } from './outbox-orders';
import { BroadcastPayload, Draft, NewsForm } from './payloads';

/** One coordinator turn as the edge hands it over: who, their stored draft, and a way to say something. */
export interface CoordinatorTurn {
  /** The coordinator's Entra object id, if Teams sent one. */
  readonly coordinator: string | undefined;
  /** Where this conversation can be reached again (the live delivery report is updated there). */
  readonly reference: Record<string, unknown>;
  readonly storedDraft: unknown;
  keepDraft(draft: Draft | undefined): void;
  /** Says something; resolves to the posted message's id. */
  say(reply: Reply): Promise<string | undefined>;
}

export interface BroadcastDeps {
  readonly stores: Pick<BroadcastStores, 'subscriptions' | 'broadcasts' | 'outbox'>;
  readonly policy: CoordinatorPolicy;
  readonly logger: Logger;
  /** Wakes the delivery worker after new jobs were queued. */
  readonly wake: () => void;
  /** Re-draws a coordinator's confirmation card after a step outside delivery. */
  readonly refresh?: (id: string) => void;
  /** BROADCAST_APPROVAL: a second coordinator approves every news item before it goes out. */
  readonly approval?: boolean;
  readonly now?: () => number;
}

const typed = (v: unknown) => (typeof v === 'string' ? v.slice(0, 2000) : undefined);
/** What the coordinator typed, to hand the form back unchanged when it does not validate. */
const typedDraft = (data: Record<string, unknown>): Partial<NewsItem> => {
  const topic = NewsTopic.safeParse(data.topic);
  return {
    title: typed(data.title),
    text: typed(data.text),
    link: typed(data.link),
    topic: topic.success ? topic.data : undefined,
  };
};

/** The coordinator's side: compose → preview → send; correct; recall. Every step re-checks rights. */
export function broadcastService(deps: BroadcastDeps) {
  const { stores, policy, logger, wake, now = Date.now, approval = false } = deps;
  const steps = lifecycleSteps({ stores, policy, logger, wake, refresh: deps.refresh ?? (() => undefined), now });
  const stepTurn = (turn: CoordinatorTurn) => ({
    coordinator: turn.coordinator,
    text: (words: string) => text(turn, words),
    card: (c: AdaptiveCard, summary?: string) => sendCard(turn, c, summary),
  });
  const aad = (turn: CoordinatorTurn) => turn.coordinator;
  const draftOf = (turn: CoordinatorTurn) => Draft.safeParse(turn.storedDraft);
  const text = (turn: CoordinatorTurn, words: string) => turn.say({ text: words }).then(() => undefined);
  const sendCard = (turn: CoordinatorTurn, card: AdaptiveCard, summary?: string) =>
    turn.say({ card, summary }).then(() => undefined);
  const keepDraft = (turn: CoordinatorTurn, draft: Draft | undefined) => turn.keepDraft(draft);
  const refuse = async (turn: CoordinatorTurn, why: string) => {
    logger.warn({ intent: 'broadcast', refused: why }, 'broadcast refused');
    await text(turn, why === 'topic' ? TEXTS.news.topicNotAllowed : TEXTS.news.notCoordinator);
  };

  /**
   * The original of a correction or recall, when this coordinator may change it: anyone entitled to
   * its topic (coordinators share a topic's desk), never on the strength of a new topic.
   */
  async function amendable(turn: CoordinatorTurn, id: string): Promise<Broadcast | undefined> {
    const original = await stores.broadcasts.get(id);
    if (!original || original.status === 'recalled') return void (await text(turn, TEXTS.news.unknownBroadcast));
    if (!policy.mayBroadcast(aad(turn), original.news.topic)) return void (await refuse(turn, 'topic'));
    return original;
  }

  async function preview(turn: CoordinatorTurn, data: Record<string, unknown>, correcting?: string) {
    const original = correcting ? await amendable(turn, correcting) : undefined;
    if (correcting && !original) return;
    // A correction keeps the original's topic, whatever the form says.
    if (original) data = { ...data, topic: original.news.topic, acknowledge: original.news.acknowledge ?? false };
    const form = NewsForm.safeParse(data);
    if (!form.success) {
      const fields = new Set(
        form.error.issues.map((i) => TEXTS.news.fieldNames[String(i.path[0])] ?? String(i.path[0])),
      );
      await text(turn, TEXTS.news.invalidNews([...fields].join(', ')));
      const when = { date: typed(data.sendDate), time: typed(data.sendTime) };
      return sendCard(turn, composeCard(policy.topicsOf(aad(turn)), typedDraft(data), correcting, when));
    }
    const { schoolTypes, districts, sendDate, sendTime, ...rest } = form.data;
    const news: NewsItem = { ...rest, audience: { schoolTypes, districts } };
    if (!policy.mayBroadcast(aad(turn), news.topic)) return refuse(turn, 'topic');
    const sendAt = correcting ? undefined : plannedTime(sendDate, sendTime, now());
    if (sendAt === 'invalid') {
      await text(turn, TEXTS.news.scheduleInvalid);
      // The typed date and time come back as typed, so nothing has to be entered again.
      return sendCard(
        turn,
        composeCard(policy.topicsOf(aad(turn)), news, correcting, { date: sendDate, time: sendTime }),
      );
    }
    const recipients = correcting
      ? (await delivered(stores, correcting)).length
      : (await stores.subscriptions.matching(news.topic, news.audience)).length;
    keepDraft(turn, { news: { ...news, audience: news.audience }, correcting, sendAt });
    await sendCard(turn, previewCard(news, recipients, correcting, { sendAt, approval }), TEXTS.news.previewTitle);
  }

  async function send(turn: CoordinatorTurn) {
    const draft = draftOf(turn);
    if (!draft.success) return void (await text(turn, TEXTS.news.noDraft));
    const { news, correcting, sendAt } = draft.data;
    if (correcting) {
      const original = await amendable(turn, correcting);
      if (!original) return;
      keepDraft(turn, undefined);
      return correct(turn, original, { ...news, topic: original.news.topic });
    }
    if (!policy.mayBroadcast(aad(turn), news.topic)) return refuse(turn, 'topic');
    keepDraft(turn, undefined);
    const at = now();
    // A time that passed between preview and click means: now.
    const later = sendAt !== undefined && sendAt > at ? sendAt : undefined;
    // "Senden" schedules for now: the sender's scheduler queues the jobs, outside this turn.
    const status = approval ? 'awaiting-approval' : 'scheduled';
    const recipients =
      later === undefined && !approval ? await stores.subscriptions.matching(news.topic, news.audience) : [];
    let broadcast: Broadcast = {
      id: randomUUID(),
      authorId: aad(turn)!,
      author: { id: aad(turn)!, at },
      news,
      version: 1,
      status,
      createdAt: at,
      ...(later !== undefined ? { sendAt: later } : approval ? {} : { sendAt: at }),
    };
    const empty = { total: recipients.length, sent: 0, pending: recipients.length, failed: 0, removed: 0, reasons: {} };
    // The notification says what the card says: waiting for approval, planned, or starting now.
    const summary = approval
      ? TEXTS.news.statusAwaiting
      : later !== undefined
        ? TEXTS.news.statusScheduled(berlinLabel(later))
        : TEXTS.news.statusStarting;
    const sentId = await turn.say({ card: progressCard(broadcast, empty), summary });
    if (sentId) broadcast = { ...broadcast, confirmation: { reference: turn.reference, activityId: sentId } };
    await stores.broadcasts.create(broadcast);
    logger.info(
      { intent: 'broadcast', id: broadcast.id, topic: news.topic, status, recipients: recipients.length },
      'broadcast created',
    );
    if (status === 'awaiting-approval') return text(turn, TEXTS.news.approvalRequested);
    if (later !== undefined) return text(turn, TEXTS.news.scheduledQueued(berlinLabel(later)));
    wake();
  }

  async function correct(turn: CoordinatorTurn, original: Broadcast, news: NewsItem) {
    const id = original.id;
    const before = original.status === 'awaiting-approval' || original.status === 'scheduled';
    // Under four-eyes a changed text needs a new approval; an unapproved one just waits on.
    const reapprove = approval && before;
    const change = (b: Broadcast): Broadcast => ({
      ...b,
      news,
      version: b.version + 1,
      ...(reapprove ? { status: 'awaiting-approval', approvedBy: undefined } : {}),
    });
    const count = await amend(stores, id, change, 'update', now());
    if (count === undefined) return void (await text(turn, TEXTS.news.unknownBroadcast));
    logger.info({ intent: 'broadcast-correct', id, recipients: count }, 'correction queued');
    wake();
    deps.refresh?.(id);
    if (before) return text(turn, reapprove ? TEXTS.news.changedNeedsApproval : TEXTS.news.changedBeforeStart);
    await text(turn, TEXTS.news.correctionQueued(count));
  }

  async function recall(turn: CoordinatorTurn, id: string) {
    const count = await amend(stores, id, (b) => ({ ...b, status: 'recalled' }), 'delete', now());
    if (count === undefined) return void (await text(turn, TEXTS.news.unknownBroadcast));
    logger.info({ intent: 'broadcast-recall', id, recipients: count }, 'recall queued');
    wake();
    await text(turn, TEXTS.news.recallStarted);
  }

  return {
    async compose(turn: CoordinatorTurn): Promise<void> {
      if (!policy.isCoordinator(aad(turn))) return refuse(turn, 'role');
      await sendCard(turn, composeCard(policy.topicsOf(aad(turn))), TEXTS.news.composeTitle);
    },

    /** Every button of the flow; rights are checked again on the server for each one. */
    async press(turn: CoordinatorTurn, data: unknown): Promise<void> {
      if (!policy.isCoordinator(aad(turn))) return refuse(turn, 'role');
      const parsed = BroadcastPayload.safeParse(data);
      if (!parsed.success) return void (await text(turn, TEXTS.staleAction));
      const payload = parsed.data;
      switch (payload.action) {
        case 'preview':
          return preview(turn, payload as Record<string, unknown>, payload.correcting);
        case 'edit': {
          const draft = draftOf(turn);
          return sendCard(
            turn,
            composeCard(
              policy.topicsOf(aad(turn)),
              draft.success ? draft.data.news : undefined,
              draft.success ? draft.data.correcting : undefined,
              draft.success ? scheduleFieldsOf(draft.data.sendAt) : undefined,
            ),
          );
        }
        case 'discard':
          keepDraft(turn, undefined);
          return void (await text(turn, TEXTS.news.discarded));
        case 'send':
          return send(turn);
        case 'correct': {
          const original = await amendable(turn, payload.id);
          if (!original) return;
          return sendCard(
            turn,
            composeCard([original.news.topic], original.news, original.id),
            TEXTS.news.correctTitle,
          );
        }
        case 'recall': {
          const original = await amendable(turn, payload.id);
          return original && sendCard(turn, recallConfirmCard(original));
        }
        case 'recall-confirm':
          return (await amendable(turn, payload.id)) && recall(turn, payload.id);
        case 'approvals':
          return steps.approvals(stepTurn(turn));
        case 'approve':
        case 'pause':
        case 'resume':
        case 'cancel':
        case 'reschedule': {
          const original = await amendable(turn, payload.id);
          return original && steps.step(stepTurn(turn), original, payload.action, payload as Record<string, unknown>);
        }
      }
    },
  };
}

export type BroadcastService = ReturnType<typeof broadcastService>;
