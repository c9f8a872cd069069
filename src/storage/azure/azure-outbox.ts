import type { ContainerClient } from '@azure/storage-blob';
import type { QueueClient } from '@azure/storage-queue';
import type { DeliveryJob, DeliveryReport } from '../../broadcast/model';
import { summarize } from '../../broadcast/delivery-report';
import type { Outbox } from '../../broadcast/ports';
import { listBlobs, mapLimit, readJson, writeJson } from './blob-json';
import { deliveriesOf, jobBlob } from './blob-names';
import { JobLease } from './job-lease';
import { encodeKey, jobMetadata, secondsUntil, toJob, toRecord, type JobRecord } from './job-record';

const PARALLEL = 16;

/**
 * Jobs as blobs (`deliveries/<broadcastId>/<action>/<conversationId>.json`) plus one queue message per job.
 * Messages never expire; one that arrives before its job is due is hidden again until then.
 */
export class AzureOutbox implements Outbox {
  private readonly lease: JobLease;

  constructor(
    private readonly container: ContainerClient,
    private readonly queue: QueueClient,
  ) {
    this.lease = new JobLease(container, queue);
  }

  async enqueue(jobs: readonly DeliveryJob[], opts: { reopen?: boolean } = {}): Promise<void> {
    await mapLimit(jobs, PARALLEL, async (job) => {
      const record = toRecord(job);
      const created = await writeJson(this.container, jobBlob(job), record, {
        create: true,
        metadata: jobMetadata(record),
      });
      // Already there: if still pending, its message may have been lost (crash after the blob was
      // written), so send another; a duplicate is harmless because claims are decided on the blob.
      const existing = created ? undefined : await readJson<JobRecord>(this.container.getBlobClient(jobBlob(job)));
      let stored = created ? record : existing?.value;
      if (opts.reopen && existing && existing.value.state !== 'pending') {
        const options = { ifMatch: existing.etag, metadata: jobMetadata(record) };
        if (await writeJson(this.container, jobBlob(job), record, options)) stored = record;
      }
      if (stored?.state !== 'pending') return;
      await this.queue.sendMessage(encodeKey(stored), {
        messageTimeToLive: -1,
        visibilityTimeout: secondsUntil(stored.notBefore, Date.now()),
      });
    });
  }

  claim(now: number, max: number, leaseMs: number, owner: string): Promise<DeliveryJob[]> {
    return max < 1 ? Promise.resolve([]) : this.lease.claim(now, max, leaseMs, owner);
  }

  finish(job: DeliveryJob, owner: string): Promise<void> {
    return this.lease.finish(job, owner);
  }

  /**
   * Rewrites each pending job's blob (If-Match: a job finished meanwhile is left alone) and sends a fresh
   * message visible at the new time; the old message is harmless, claims are decided on the blob. A job under a
   * live lease is left to its worker, which sets its next time itself (held, sent, retried): rewriting it raced
   * the worker's finish, whose result could be lost for a whole lease (a send counted as cancelled).
   */
  async reschedule(broadcastId: string, action: DeliveryJob['action'], notBefore: number): Promise<number> {
    const pending = (await listBlobs(this.container, deliveriesOf(broadcastId, action))).filter(
      (b) => b.metadata.state === 'pending',
    );
    const moved = await mapLimit(pending, PARALLEL, async (blob) => {
      const current = await readJson<JobRecord>(this.container.getBlobClient(blob.name));
      if (!current || current.value.state !== 'pending') return false;
      if (current.value.lease && current.value.lease.until >= Date.now()) return false;
      const record: JobRecord = { ...current.value, notBefore };
      const written = await writeJson(this.container, blob.name, record, {
        ifMatch: current.etag,
        metadata: jobMetadata(record),
      });
      if (!written) return false;
      await this.queue.sendMessage(encodeKey(record), {
        messageTimeToLive: -1,
        visibilityTimeout: secondsUntil(notBefore, Date.now()),
      });
      return true;
    });
    return moved.filter(Boolean).length;
  }

  async jobsFor(broadcastId: string): Promise<DeliveryJob[]> {
    const blobs = await listBlobs(this.container, deliveriesOf(broadcastId));
    const read = await mapLimit(blobs, PARALLEL, (b) => readJson<JobRecord>(this.container.getBlobClient(b.name)));
    return read.flatMap((r) => (r ? [toJob(r.value)] : []));
  }

  async report(broadcastId: string, action?: DeliveryJob['action']): Promise<DeliveryReport> {
    const blobs = await listBlobs(this.container, deliveriesOf(broadcastId, action));
    return summarize(
      blobs.map(({ metadata }) => ({
        state: metadata.state as DeliveryJob['state'],
        reason: metadata.reason && decodeURIComponent(metadata.reason),
        count: 1,
      })),
    );
  }
}
