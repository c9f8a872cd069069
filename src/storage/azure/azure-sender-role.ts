import { randomUUID } from 'node:crypto';
import type { ContainerClient } from '@azure/storage-blob';
import type { SenderRole } from '../../broadcast/ports';
import type { Logger } from '../../shared/logger';

/** Azure's shortest blob lease: a dead sender is replaced within this time. */
export const SENDER_LEASE_SECONDS = 15;
/** Renewed when a third of the lease has passed, so one slow or failed renewal does not lose it. */
const RENEW_AFTER_MS = (SENDER_LEASE_SECONDS * 1000) / 3;
const ROLE_BLOB = 'roles/delivery-sender';

const status = (err: unknown) => (err as { statusCode?: number }).statusCode;

/**
 * The sender's role as a lease on one blob: the instance holding it sends, the others keep trying and take
 * over within 15 s when it dies (or at once when it stops cleanly and releases it).
 */
export function azureSenderRole(container: ContainerClient, logger: Pick<Logger, 'info' | 'warn'>): SenderRole {
  const blob = container.getBlockBlobClient(ROLE_BLOB);
  const lease = blob.getBlobLeaseClient(randomUUID());
  let renewedAt: number | undefined;

  async function acquire(): Promise<boolean> {
    try {
      await lease.acquireLease(SENDER_LEASE_SECONDS);
    } catch (err) {
      if (status(err) !== 404) throw err;
      await blob.upload('', 0, { conditions: { ifNoneMatch: '*' } }).catch((e: unknown) => {
        if (status(e) !== 409 && status(e) !== 412) throw e;
      });
      await lease.acquireLease(SENDER_LEASE_SECONDS);
    }
    logger.info({ intent: 'delivery', role: 'sender', lease: 'taken' }, 'this instance sends the news');
    return true;
  }

  return {
    exclusive: false,
    async hold() {
      const now = Date.now();
      if (renewedAt !== undefined && now - renewedAt < RENEW_AFTER_MS) return true;
      try {
        if (renewedAt === undefined) await acquire();
        else await lease.renewLease();
        renewedAt = now;
        return true;
      } catch (err) {
        if (renewedAt !== undefined)
          logger.warn({ intent: 'delivery', role: 'sender', status: status(err) }, 'sender lease lost');
        else if (status(err) !== 409)
          logger.warn({ intent: 'delivery', role: 'sender', status: status(err) }, 'sender lease not taken');
        renewedAt = undefined;
        return false;
      }
    },
    async release() {
      if (renewedAt === undefined) return;
      renewedAt = undefined;
      await lease.releaseLease().catch(() => undefined); // it runs out by itself
    },
  };
}
