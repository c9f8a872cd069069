import type { Logger } from '../shared/logger';
import type { Stores } from '../storage/ports';
import type { AdaptiveCard } from '../cards/adaptive';
import { progressCard } from './news-cards';

/** Replaces a card the bot sent earlier (outside a turn). */
export type CardUpdater = (reference: Record<string, unknown>, activityId: string, card: AdaptiveCard) => Promise<void>;

const MIN_INTERVAL_MS = 1500;

/**
 * Keeps each coordinator's confirmation card up to date: at most every 1.5 s while sending,
 * and always once more when nothing is pending.
 */
export function progressNotifier(
  stores: Pick<Stores, 'broadcasts' | 'outbox'>,
  update: CardUpdater,
  logger: Logger,
  now: () => number = Date.now,
) {
  const last = new Map<string, number>();
  const running = new Set<string>();
  return async function onProgress(broadcastId: string, force = false): Promise<void> {
    if (running.has(broadcastId)) return;
    const at = now();
    if (!force && at - (last.get(broadcastId) ?? 0) < MIN_INTERVAL_MS) {
      const sends = await stores.outbox.report(broadcastId, 'send');
      const deletes = await stores.outbox.report(broadcastId, 'delete');
      if (sends.pending > 0 || deletes.pending > 0) return;
    }
    running.add(broadcastId);
    try {
      const broadcast = await stores.broadcasts.get(broadcastId);
      if (!broadcast?.confirmation) return;
      const [sends, deletes] = await Promise.all([
        stores.outbox.report(broadcastId, 'send'),
        stores.outbox.report(broadcastId, 'delete'),
      ]);
      await update(
        broadcast.confirmation.reference,
        broadcast.confirmation.activityId,
        progressCard(broadcast, sends, deletes),
      );
      last.set(broadcastId, at);
      if (last.size > 500) last.delete(last.keys().next().value!);
    } catch (err) {
      logger.warn({ intent: 'broadcast-progress', id: broadcastId, err: String(err) }, 'progress card not updated');
    } finally {
      running.delete(broadcastId);
    }
  };
}
