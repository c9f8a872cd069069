import type { Logger } from '../shared/logger';
import type { SubscriptionStore } from './ports';
import { TEXTS } from '../texts';
import type { Reply } from '../turn/reply';
import type { Subscription } from './model';
import { TOPIC_LABELS } from './labels';
import { SubscribePayload } from './payloads';
import { mySubscriptionsCard, subscribeCard } from './subscription-cards';
import { NO_RECORDER, type Recorder } from '../statistics/recorder';

/** The conversation a turn came from, as the edge read it from the activity. */
export type Where = Pick<Subscription, 'conversationId' | 'reference' | 'conversationType' | 'tenantId'>;

const saying = (text: string): Reply => ({ text });

/** Installs, uninstalls, "Abonnieren", "Meine Abos", "Abbestellen": each decides what to say. */
export function subscriptionService(
  subscriptions: SubscriptionStore,
  logger: Logger,
  forget?: (target: { conversationId: string }) => Promise<number>,
  now: () => number = Date.now,
  recorder: Recorder = NO_RECORDER,
) {
  return {
    /** On install: remember where to reach this conversation (nothing subscribed yet). */
    async installed(where: Where): Promise<void> {
      const existing = await subscriptions.get(where.conversationId);
      await subscriptions.put({
        ...where,
        topics: existing?.topics ?? [],
        audience: existing?.audience ?? { schoolTypes: [], districts: [] },
        createdAt: existing?.createdAt ?? now(),
        updatedAt: now(),
      });
      logger.info({ intent: 'install', conversationType: where.conversationType }, 'conversation reference stored');
    },

    async uninstalled(where: Where): Promise<void> {
      const removed = await subscriptions.remove(where.conversationId);
      const erased = (await forget?.({ conversationId: where.conversationId })) ?? 0;
      logger.info({ intent: 'uninstall', removed, erased }, 'conversation reference and data removed');
    },

    form: async (where: Where): Promise<Reply> => ({
      card: subscribeCard(await subscriptions.get(where.conversationId)),
      summary: TEXTS.news.subscribeSummary,
    }),
    mine: async (where: Where): Promise<Reply> => ({
      card: mySubscriptionsCard(await subscriptions.get(where.conversationId)),
      summary: TEXTS.news.mineSummary,
    }),

    async subscribe(where: Where, data: unknown): Promise<Reply> {
      const parsed = SubscribePayload.safeParse(data);
      if (!parsed.success) return saying(TEXTS.staleAction);
      const { topics, schoolTypes, districts } = parsed.data;
      if (topics.length === 0) return saying(TEXTS.news.noTopics);
      const existing = await subscriptions.get(where.conversationId);
      await subscriptions.put({
        ...where,
        topics,
        audience: { schoolTypes, districts },
        createdAt: existing?.createdAt ?? now(),
        updatedAt: now(),
      });
      logger.info({ intent: 'subscribe', topics, filters: schoolTypes.length + districts.length }, 'subscribed');
      // Subscriptions made per week, by topic and by the filters chosen (no conversation id).
      for (const t of topics) recorder.count('subscription', `topic:${t}`);
      for (const t of schoolTypes) recorder.count('subscription', `schoolType:${t}`);
      for (const d of districts) recorder.count('subscription', `district:${d}`);
      return saying(TEXTS.news.saved(topics.map((t) => TOPIC_LABELS[t]).join(', ')));
    },

    async unsubscribe(where: Where): Promise<Reply> {
      const existing = await subscriptions.get(where.conversationId);
      if (!existing || existing.topics.length === 0) return saying(TEXTS.news.notSubscribed);
      await subscriptions.put({ ...existing, topics: [], updatedAt: now() });
      logger.info({ intent: 'unsubscribe' }, 'unsubscribed');
      return saying(TEXTS.news.unsubscribed);
    },
  };
}

export type SubscriptionService = ReturnType<typeof subscriptionService>;
