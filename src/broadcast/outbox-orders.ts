import type { BroadcastStores } from './ports';
import type { Broadcast, DeliveryJob } from './model';

type OrderStores = Pick<BroadcastStores, 'broadcasts' | 'outbox'>;

export const pendingJob = (
  broadcastId: string,
  conversationId: string,
  action: DeliveryJob['action'],
  at: number,
  activityId?: string,
): DeliveryJob => ({
  broadcastId,
  conversationId,
  action,
  state: 'pending',
  attempts: 0,
  notBefore: at,
  updatedAt: at,
  activityId,
});

/** The conversations that received the broadcast, with the activity id Teams gave each message. */
export const delivered = async (stores: OrderStores, id: string): Promise<DeliveryJob[]> =>
  (await stores.outbox.jobsFor(id)).filter((j) => j.action === 'send' && j.state === 'sent');

/**
 * Changes a broadcast (correction or recall) and queues the matching update or delete for every
 * conversation that received it. Undefined when the broadcast is unknown or already recalled.
 */
export async function amend(
  stores: OrderStores,
  id: string,
  change: (current: Broadcast) => Broadcast,
  action: 'update' | 'delete',
  now: number,
): Promise<number | undefined> {
  const current = await stores.broadcasts.get(id);
  if (!current || current.status === 'recalled') return undefined;
  await stores.broadcasts.update(change(current), current);
  const received = await delivered(stores, id);
  // A second correction must reach everyone again: finished update jobs are reopened.
  await stores.outbox.enqueue(
    received.map((j) => pendingJob(id, j.conversationId, action, now, j.activityId)),
    { reopen: action === 'update' },
  );
  return received.length;
}
