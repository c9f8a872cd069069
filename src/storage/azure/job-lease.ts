import type { ContainerClient } from '@azure/storage-blob';
import type { DequeuedMessageItem, QueueClient } from '@azure/storage-queue';
import type { DeliveryJob } from '../../broadcast/model';
import { logger } from '../../shared/logger';
import { readJson, unless, writeJson } from './blob-json';
import { jobBlob } from './blob-names';
import {
  decodeKey,
  jobMetadata,
  leaseToken,
  parseLeaseToken,
  secondsUntil,
  toJob,
  toRecord,
  type JobRecord,
} from './job-record';

/** Joins the lease token (stored in the blob) with the claim's ETag and owner (only in the caller's copy). */
const CLAIMED_AS = '#';

/** How often `finish` re-reads a blob that changed under it while its lease is still ours. */
const FINISH_ATTEMPTS = 3;
/** A stale pop receipt answers 404 (message gone) or 400 (receipt mismatch): someone else moved on. */
const STALE = [400, 404];

/**
 * Claims and finishes jobs. The queue spreads work and times leases out; the job blob decides:
 * a claim is won only by writing the lease into the blob under If-Match, so duplicate messages
 * or slow clocks can never hand one job to two instances within a lease.
 */
export class JobLease {
  constructor(
    private readonly container: ContainerClient,
    private readonly queue: QueueClient,
  ) {}

  async claim(now: number, max: number, leaseMs: number, owner: string): Promise<DeliveryJob[]> {
    const claimed: DeliveryJob[] = [];
    const limit = Math.floor(max);
    const visibilityTimeout = Math.max(1, Math.ceil(leaseMs / 1000));
    // Receive only as many as may still be returned; skipped messages do not count, so try a few rounds.
    for (let round = 0; round < 4 && claimed.length < limit; round++) {
      const numberOfMessages = Math.min(32, limit - claimed.length);
      const { receivedMessageItems } = await this.queue.receiveMessages({ numberOfMessages, visibilityTimeout });
      if (receivedMessageItems.length === 0) break;
      const won = await Promise.all(receivedMessageItems.map((m) => this.take(m, now, leaseMs, owner)));
      for (const job of won) if (job) claimed.push(job);
    }
    return claimed;
  }

  private async take(m: DequeuedMessageItem, now: number, leaseMs: number, owner: string) {
    const key = decodeKey(m.messageText);
    const stored = key && (await readJson<JobRecord>(this.container.getBlobClient(jobBlob(key))));
    if (!key || !stored || stored.value.state !== 'pending') {
      if (!key) logger.warn({ messageId: m.messageId }, 'outbox: unreadable queue message dropped');
      await unless(STALE, this.queue.deleteMessage(m.messageId, m.popReceipt));
      return undefined;
    }
    const job = stored.value;
    // Not due yet, or leased by another instance: hide the message until then instead of returning it.
    const leasedUntil = job.lease && job.lease.until >= now ? job.lease.until + 1000 : 0;
    const hideUntil = Math.max(job.notBefore, leasedUntil);
    if (hideUntil > now) {
      await unless(STALE, this.queue.updateMessage(m.messageId, m.popReceipt, undefined, secondsUntil(hideUntil, now)));
      return undefined;
    }
    const token = leaseToken(m.messageId, m.popReceipt);
    const leased = toRecord(job, { owner, until: now + leaseMs, token });
    const written = await writeJson(this.container, jobBlob(key), leased, {
      ifMatch: stored.etag,
      metadata: jobMetadata(leased),
    });
    // Lost the race for the blob: the winner holds the job; our message reappears after the lease.
    // The caller's token carries the ETag of our claim, so `finish` can write without reading first.
    return written ? toJob(leased, [token, written, owner].join(CLAIMED_AS)) : undefined;
  }

  async finish(job: DeliveryJob, owner: string): Promise<void> {
    const name = jobBlob(job);
    const [token, claimedEtag, ...claimer] = (job.leaseToken ?? '').split(CLAIMED_AS);
    const receipt = token ? parseLeaseToken(token) : undefined;
    const record = toRecord(job);
    const metadata = jobMetadata(record);
    // Unchanged since our claim (same ETag): the lease is still ours. Otherwise (a pause moved it, the lease ran
    // out and someone else took it) read and check the lease as before.
    let written =
      receipt && claimedEtag && claimer.join(CLAIMED_AS) === owner
        ? await writeJson(this.container, name, record, { ifMatch: claimedEtag, metadata })
        : undefined;
    // Another writer may change the blob between our read and write (a reschedule): try again while the lease
    // is still ours.
    for (let attempt = 0; !written && attempt < FINISH_ATTEMPTS; attempt++) {
      const stored = await readJson<JobRecord>(this.container.getBlobClient(name));
      const lease = stored?.value.lease;
      if (!stored || !receipt || !lease || lease.token !== token || lease.owner !== owner) break;
      written = await writeJson(this.container, name, record, { ifMatch: stored.etag, metadata });
    }
    if (!written || !receipt) {
      logger.debug({ broadcastId: job.broadcastId, action: job.action }, 'outbox: lease lost, result ignored');
      return;
    }
    // Done: the message goes. Retry: it comes back when the job is due again.
    await unless(
      STALE,
      record.state === 'pending'
        ? this.queue.updateMessage(
            receipt.messageId,
            receipt.popReceipt,
            undefined,
            secondsUntil(record.notBefore, Date.now()),
          )
        : this.queue.deleteMessage(receipt.messageId, receipt.popReceipt),
    );
  }
}
