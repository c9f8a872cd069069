import type { Outbox } from './ports';
import type { DeliveryJob, DeliveryReport } from './model';

interface Row {
  job: DeliveryJob;
  lease?: { readonly owner: string; readonly token: string; readonly until: number };
}

const keyOf = (j: Pick<DeliveryJob, 'broadcastId' | 'conversationId' | 'action'>) =>
  `${j.broadcastId}\u0000${j.conversationId}\u0000${j.action}`;

/** Builds a report from jobs (shared by the in-memory outbox and tests). */
export function reportOf(jobs: readonly DeliveryJob[]): DeliveryReport {
  const count = { sent: 0, pending: 0, failed: 0, removed: 0 };
  const reasons: Record<string, number> = {};
  for (const j of jobs) {
    count[j.state]++;
    if (j.reason && (j.state === 'failed' || j.state === 'removed')) reasons[j.reason] = (reasons[j.reason] ?? 0) + 1;
  }
  return { total: jobs.length, ...count, reasons };
}

/**
 * The Outbox in memory: the reference semantics for the durable stores. Due jobs are handed out
 * in the order they were enqueued; a lease expires after `leaseMs`; `finish` needs the current lease.
 */
export class MemoryOutbox implements Outbox {
  private readonly rows = new Map<string, Row>();
  private readonly pending = new Map<string, Row>();
  private tokens = 0;

  async enqueue(jobs: readonly DeliveryJob[], opts: { reopen?: boolean } = {}): Promise<void> {
    for (const job of jobs) {
      const key = keyOf(job);
      const existing = this.rows.get(key);
      if (existing && !(opts.reopen && existing.job.state !== 'pending')) continue;
      const row: Row = { job: { ...job, leaseToken: undefined } };
      this.rows.set(key, row);
      if (job.state === 'pending') this.pending.set(key, row);
    }
  }

  async claim(now: number, max: number, leaseMs: number, owner: string): Promise<DeliveryJob[]> {
    const claimed: DeliveryJob[] = [];
    for (const row of this.pending.values()) {
      if (claimed.length >= max) break;
      if (row.job.notBefore > now || (row.lease && row.lease.until > now)) continue;
      const token = `${owner}#${++this.tokens}`;
      row.lease = { owner, token, until: now + leaseMs };
      claimed.push({ ...row.job, leaseToken: token });
    }
    return claimed;
  }

  async finish(job: DeliveryJob, owner: string): Promise<void> {
    const key = keyOf(job);
    const row = this.rows.get(key);
    // A stale finish (lease lost to another worker, or none) is ignored, as the durable stores do.
    if (!row?.lease || row.lease.owner !== owner || row.lease.token !== job.leaseToken) return;
    row.job = { ...job, leaseToken: undefined };
    row.lease = undefined;
    if (job.state === 'pending') this.pending.set(key, row);
    else this.pending.delete(key);
  }

  async reschedule(broadcastId: string, action: DeliveryJob['action'], notBefore: number): Promise<number> {
    let moved = 0;
    for (const row of this.pending.values())
      if (row.job.broadcastId === broadcastId && row.job.action === action) {
        row.job = { ...row.job, notBefore };
        moved++;
      }
    return moved;
  }

  async jobsFor(broadcastId: string): Promise<DeliveryJob[]> {
    return [...this.rows.values()].filter((r) => r.job.broadcastId === broadcastId).map((r) => r.job);
  }

  async report(broadcastId: string, action?: DeliveryJob['action']): Promise<DeliveryReport> {
    const jobs = await this.jobsFor(broadcastId);
    return reportOf(action ? jobs.filter((j) => j.action === action) : jobs);
  }
}
