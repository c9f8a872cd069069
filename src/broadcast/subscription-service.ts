import type { TurnContext } from 'botbuilder';
import type { Logger } from '../shared/logger';
import type { SubscriptionStore } from './ports';
import { TEXTS } from '../texts';
import { sendCard } from '../turn/reply';
import { conversationKey, subscriptionBase } from './conversation-key';
import { TOPIC_LABELS } from './labels';
import { SubscribePayload } from './payloads';
import { mySubscriptionsCard, subscribeCard } from './subscription-cards';

/** Installs, uninstalls, "Abonnieren", "Meine Abos", "Abbestellen". */
export function subscriptionService(
  subscriptions: SubscriptionStore,
  logger: Logger,
  forget?: (target: { conversationId: string }) => Promise<number>,
  now: () => number = Date.now,
) {
  const keyOf = (context: TurnContext) => conversationKey(context.activity.conversation?.id ?? '');

  return {
    /** On install: remember where to reach this conversation (nothing subscribed yet). */
    async installed(context: TurnContext): Promise<void> {
      const base = subscriptionBase(context.activity);
      const existing = await subscriptions.get(base.conversationId);
      await subscriptions.put({
        ...base,
        topics: existing?.topics ?? [],
        audience: existing?.audience ?? { schoolTypes: [], districts: [] },
        createdAt: existing?.createdAt ?? now(),
        updatedAt: now(),
      });
      logger.info({ intent: 'install', conversationType: base.conversationType }, 'conversation reference stored');
    },

    async uninstalled(context: TurnContext): Promise<void> {
      const removed = await subscriptions.remove(keyOf(context));
      const erased = (await forget?.({ conversationId: keyOf(context) })) ?? 0;
      logger.info({ intent: 'uninstall', removed, erased }, 'conversation reference and data removed');
    },

    form: async (context: TurnContext) =>
      sendCard(context, subscribeCard(await subscriptions.get(keyOf(context))), 'Abonnieren'),
    mine: async (context: TurnContext) =>
      sendCard(context, mySubscriptionsCard(await subscriptions.get(keyOf(context))), 'Meine Abos'),

    async subscribe(context: TurnContext, data: unknown): Promise<void> {
      const parsed = SubscribePayload.safeParse(data);
      if (!parsed.success) return void (await context.sendActivity(TEXTS.staleAction));
      const { topics, schoolTypes, districts } = parsed.data;
      if (topics.length === 0) return void (await context.sendActivity(TEXTS.news.noTopics));
      const existing = await subscriptions.get(keyOf(context));
      await subscriptions.put({
        ...subscriptionBase(context.activity),
        topics,
        audience: { schoolTypes, districts },
        createdAt: existing?.createdAt ?? now(),
        updatedAt: now(),
      });
      logger.info({ intent: 'subscribe', topics, filters: schoolTypes.length + districts.length }, 'subscribed');
      await context.sendActivity(TEXTS.news.saved(topics.map((t) => TOPIC_LABELS[t]).join(', ')));
    },

    async unsubscribe(context: TurnContext): Promise<void> {
      const existing = await subscriptions.get(keyOf(context));
      if (!existing || existing.topics.length === 0) return void (await context.sendActivity(TEXTS.news.notSubscribed));
      await subscriptions.put({ ...existing, topics: [], updatedAt: now() });
      logger.info({ intent: 'unsubscribe' }, 'unsubscribed');
      await context.sendActivity(TEXTS.news.unsubscribed);
    },
  };
}

export type SubscriptionService = ReturnType<typeof subscriptionService>;
