import { randomUUID } from 'node:crypto';
import { CardFactory, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { Config } from '../config';
import type { Logger } from '../shared/logger';
import type { BroadcastStores, SenderRole } from './ports';
import { RealClock, type Clock } from './clock';
import { ConnectorSender } from './connector-sender';
import { DeliveryWorker } from './delivery-worker';
import type { Broadcast } from './model';
import { newsCard, newsSummary } from './news-cards';
import { Pacer, TEAMS_CONVERSATION_WINDOWS } from './pacing';
import { progressNotifier } from './progress-notifier';
import type { Recorder } from '../statistics/recorder';
import type { DeliveryWorkerOptions } from './delivery-options';

/** What tests may shorten (leases, polling); production keeps the worker's defaults. */
export type DeliveryTuning = Pick<DeliveryWorkerOptions, 'leaseMs' | 'pollMs' | 'concurrency'>;

/** The news message one subscriber receives (channelData lets tests spot duplicates). */
export const newsActivity = (broadcast: Broadcast) => ({
  type: 'message' as const,
  summary: newsSummary(broadcast.news),
  attachments: [CardFactory.adaptiveCard(newsCard(broadcast.news, broadcast.version, broadcast.id))],
  channelData: { broadcastId: broadcast.id, version: broadcast.version },
});

/** Worker + sender + progress updates of the coordinators' confirmation cards. */
export function createDelivery(opts: {
  config: Pick<Config, 'BOT_ID' | 'SEND_PER_TENANT_PER_SECOND' | 'SEND_PER_CONVERSATION_PER_SECOND'>;
  adapter: Pick<CloudAdapter, 'continueConversationAsync'>;
  stores: Pick<BroadcastStores, 'subscriptions' | 'broadcasts' | 'outbox'> & { senderRole(): SenderRole };
  logger: Logger;
  recorder?: Recorder;
  /** Real time unless a bench scales it (Teams' limits in scaled seconds). */
  clock?: Clock;
  tuning?: DeliveryTuning;
  /** Test hook: the sender's request timeout (default 15 s). */
  timeoutMs?: number;
}) {
  const { config, adapter, stores, logger } = opts;
  const botAppId = config.BOT_ID ?? '';
  const update = progressNotifier(
    stores,
    async (reference, activityId, card) => {
      await adapter.continueConversationAsync(
        botAppId,
        reference as Partial<ConversationReference>,
        async (context) => {
          await context.updateActivity({
            id: activityId,
            type: 'message',
            attachments: [CardFactory.adaptiveCard(card)],
          });
        },
      );
    },
    logger,
  );
  const worker = new DeliveryWorker({
    outbox: stores.outbox,
    subscriptions: stores.subscriptions,
    sender: new ConnectorSender({
      adapter,
      botAppId,
      getBroadcast: (id) => stores.broadcasts.get(id),
      activityFor: newsActivity,
      timeoutMs: opts.timeoutMs,
    }),
    pacer: new Pacer({
      perTenantPerSecond: config.SEND_PER_TENANT_PER_SECOND,
      perConversation: TEAMS_CONVERSATION_WINDOWS.map((w) =>
        w.ms === 1_000 ? { ...w, limit: config.SEND_PER_CONVERSATION_PER_SECOND } : w,
      ),
    }),
    clock: opts.clock ?? new RealClock(),
    role: stores.senderRole(),
    ...opts.tuning,
    owner: `bot-${randomUUID()}`,
    logger,
    onProgress: (id) => update(id),
    // News delivered per week, by action and outcome (no conversation ids).
    onFinished: (job) => opts.recorder?.count('news', `${job.action}|${job.state}`),
  });
  return { worker, wake: () => worker.wake() };
}
