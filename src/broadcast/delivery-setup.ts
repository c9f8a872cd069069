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
import type { Telemetry } from '../telemetry/telemetry';
import type { DeliveryWorkerOptions, Sender } from './delivery-options';
import { gateFor, scheduler } from './broadcast-lifecycle';
import type { BroadcastStatus } from './model';

/** How long the gate trusts a broadcast's status it read (pause and cancel take effect within this). */
const STATUS_CACHE_MS = 1_000;

/** The delivery gate: the broadcast's status decides whether its sends go, wait or are dropped. */
function statusGate(get: (id: string) => Promise<Broadcast | undefined>, now: () => number) {
  const seen = new Map<string, { at: number; status: BroadcastStatus | undefined }>();
  return async (job: { broadcastId: string }) => {
    let entry = seen.get(job.broadcastId);
    if (!entry || now() - entry.at > STATUS_CACHE_MS) {
      entry = { at: now(), status: (await get(job.broadcastId))?.status };
      seen.set(job.broadcastId, entry);
      if (seen.size > 100) seen.delete(seen.keys().next().value!);
    }
    return gateFor(entry.status);
  };
}

/** Headroom (real ms) for the jitter between our send and Teams' count of it. */
export const SEND_MARGIN_MS = 20;

/** What tests may shorten (leases, polling) or a scaled-time bench converts (margin); production keeps the defaults. */
export type DeliveryTuning = Pick<DeliveryWorkerOptions, 'leaseMs' | 'pollMs' | 'concurrency'> & {
  /** The pacing margin in clock ms (default SEND_MARGIN_MS). */
  marginMs?: number;
};

/** The sender, telling telemetry how each attempt ended. */
function observed(sender: Sender, telemetry: Pick<Telemetry, 'deliveryAttempt'> | undefined): Sender {
  if (!telemetry) return sender;
  return {
    send: async (job, subscription, signal) => {
      const outcome = await sender.send(job, subscription, signal);
      telemetry.deliveryAttempt(outcome.kind);
      return outcome;
    },
  };
}

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
  /** Scheduled news start by the wall clock (tests pass a fake one). */
  now?: () => number;
  logger: Logger;
  recorder?: Recorder;
  /** Each send attempt's outcome (429s as 'throttled') for the operator's telemetry. */
  telemetry?: Pick<Telemetry, 'deliveryAttempt'>;
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
  const clock = opts.clock ?? new RealClock();
  const now = opts.now ?? Date.now;
  const startDue = scheduler({
    stores,
    now,
    logger,
    started: (id) => {
      worker.wake();
      update(id);
    },
  });
  const worker: DeliveryWorker = new DeliveryWorker({
    outbox: stores.outbox,
    subscriptions: stores.subscriptions,
    sender: observed(
      new ConnectorSender({
        adapter,
        botAppId,
        getBroadcast: (id) => stores.broadcasts.get(id),
        activityFor: newsActivity,
        timeoutMs: opts.timeoutMs,
      }),
      opts.telemetry,
    ),
    pacer: new Pacer({
      perTenantPerSecond: config.SEND_PER_TENANT_PER_SECOND,
      perConversation: TEAMS_CONVERSATION_WINDOWS.map((w) =>
        w.ms === 1_000 ? { ...w, limit: config.SEND_PER_CONVERSATION_PER_SECOND } : w,
      ),
      // Sends leave a little after their slot: without it the window edges cause 429s of our own.
      marginMs: opts.tuning?.marginMs ?? SEND_MARGIN_MS,
    }),
    clock,
    role: stores.senderRole(),
    gate: statusGate(
      (id) => stores.broadcasts.get(id),
      () => clock.now(),
    ),
    // The scheduler's round runs beside the worker's loop: queuing a large item must not stop the sends.
    onTick: async () =>
      void startDue
        .tick()
        .catch((err: unknown) => logger.warn({ intent: 'broadcast', err: String(err) }, 'scheduler round failed')),
    leaseMs: opts.tuning?.leaseMs,
    pollMs: opts.tuning?.pollMs,
    concurrency: opts.tuning?.concurrency,
    owner: `bot-${randomUUID()}`,
    logger,
    onProgress: (id) => update(id),
    // News delivered per week, by action and outcome (no conversation ids).
    onFinished: (job) => opts.recorder?.count('news', `${job.action}|${job.state}`),
  });
  /** `refresh` re-draws a coordinator's card after a change outside delivery (approve, pause, a new time). */
  const wake = () => {
    startDue.soon();
    worker.wake();
  };
  return { worker, wake, refresh: (id: string) => update(id) };
}
