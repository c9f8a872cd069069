import type { Logger } from '../shared/logger';
import type { BroadcastStores } from './ports';
import type { AdaptiveCard } from '../cards/adaptive';
import { progressCard } from './progress-card';

/** Replaces a card the bot sent earlier (outside a turn). */
export type CardUpdater = (reference: Record<string, unknown>, activityId: string, card: AdaptiveCard) => Promise<void>;

const MIN_INTERVAL_MS = 1500;

/**
 * Keeps each coordinator's confirmation card up to date, at most every 1.5 s. Progress reported while
 * an update is scheduled only waits for it, without touching storage; as every finished job reports
 * progress, the last one always leads to a final update with the complete report.
 */
export function progressNotifier(
  stores: Pick<BroadcastStores, 'broadcasts' | 'outbox'>,
  update: CardUpdater,
  logger: Logger,
  now: () => number = Date.now,
) {
  const last = new Map<string, number>();
  const scheduled = new Set<string>();

  async function refresh(broadcastId: string): Promise<void> {
    last.set(broadcastId, now());
    if (last.size > 500) last.delete(last.keys().next().value!);
    try {
      const broadcast = await stores.broadcasts.get(broadcastId);
      if (!broadcast?.confirmation) return;
      const [sends, deletes] = await Promise.all([
        stores.outbox.report(broadcastId, 'send'),
        stores.outbox.report(broadcastId, 'delete'),
      ]);
      const { reference, activityId } = broadcast.confirmation;
      await update(reference, activityId, progressCard(broadcast, sends, deletes));
    } catch (err) {
      logger.warn({ intent: 'broadcast-progress', id: broadcastId, err: String(err) }, 'progress card not updated');
    }
  }

  return function onProgress(broadcastId: string): void {
    if (scheduled.has(broadcastId)) return;
    scheduled.add(broadcastId);
    const wait = Math.max(0, MIN_INTERVAL_MS - (now() - (last.get(broadcastId) ?? -Infinity)));
    setTimeout(() => {
      scheduled.delete(broadcastId);
      void refresh(broadcastId);
    }, wait).unref();
  };
}
