import { randomUUID } from 'node:crypto';
import type { DeliveryJob, DeliveryReport } from '../../broadcast/model';
import { logger } from '../../shared/logger';
import { summarize, type ReportRow } from '../../broadcast/delivery-report';
import type { Outbox } from '../../broadcast/ports';
import { jobParams, toJob, type JobRow } from './job-row';
import type { Db } from './open-database';

const KEY = 'broadcast_id = @broadcastId AND conversation_id = @conversationId AND action = @action';

/** The outbox as one table; a claim is a lease (owner, until, token) written in the same transaction as the select. */
export class SqliteOutbox implements Outbox {
  private readonly insert;
  private readonly due;
  private readonly lease;
  private readonly release;
  private readonly byBroadcast;
  private readonly counts;
  private readonly countsForAction;
  private readonly enqueueAll;
  private readonly reopen;
  private readonly claimDue;
  private readonly move;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT INTO jobs (broadcast_id, conversation_id, action, state, attempts, not_before, activity_id, reason, updated_at)
       VALUES (@broadcastId, @conversationId, @action, @state, @attempts, @notBefore, @activityId, @reason, @updatedAt)
       ON CONFLICT DO NOTHING`,
    );
    this.due = db.prepare<{ now: number; max: number }, JobRow>(
      `SELECT * FROM jobs WHERE state = 'pending' AND not_before <= @now AND (lease_until IS NULL OR lease_until < @now)
       ORDER BY not_before LIMIT @max`,
    );
    this.lease = db.prepare(
      `UPDATE jobs SET lease_owner = @owner, lease_until = @until, lease_token = @token WHERE ${KEY}`,
    );
    this.release = db.prepare(
      `UPDATE jobs SET state = @state, attempts = @attempts, not_before = @notBefore, activity_id = @activityId,
       reason = @reason, updated_at = @updatedAt, lease_owner = NULL, lease_until = NULL, lease_token = NULL
       WHERE ${KEY} AND lease_token = @token AND lease_owner = @owner`,
    );
    this.byBroadcast = db.prepare<[string], JobRow>(
      'SELECT * FROM jobs WHERE broadcast_id = ? ORDER BY action, conversation_id',
    );
    this.counts = db.prepare<[string], ReportRow>(
      'SELECT state, reason, count(*) AS count FROM jobs WHERE broadcast_id = ? GROUP BY state, reason',
    );
    this.countsForAction = db.prepare<[string, string], ReportRow>(
      'SELECT state, reason, count(*) AS count FROM jobs WHERE broadcast_id = ? AND action = ? GROUP BY state, reason',
    );
    this.reopen = db.prepare(
      `INSERT INTO jobs (broadcast_id, conversation_id, action, state, attempts, not_before, activity_id, reason, updated_at)
       VALUES (@broadcastId, @conversationId, @action, @state, @attempts, @notBefore, @activityId, @reason, @updatedAt)
       ON CONFLICT (broadcast_id, conversation_id, action) DO UPDATE SET state = 'pending', attempts = 0,
       not_before = excluded.not_before, activity_id = excluded.activity_id, reason = NULL, updated_at = excluded.updated_at
       WHERE jobs.state != 'pending'`,
    );
    this.move = db.prepare(
      `UPDATE jobs SET not_before = ? WHERE broadcast_id = ? AND action = ? AND state = 'pending'`,
    );
    this.enqueueAll = db.transaction((jobs: readonly DeliveryJob[], reopen: boolean) => {
      for (const job of jobs) (reopen ? this.reopen : this.insert).run(jobParams(job));
    });
    this.claimDue = db.transaction((now: number, max: number, until: number, owner: string) =>
      this.due.all({ now, max }).map((row) => {
        const token = randomUUID();
        this.lease.run({
          broadcastId: row.broadcast_id,
          conversationId: row.conversation_id,
          action: row.action,
          owner,
          until,
          token,
        });
        return toJob(row, token);
      }),
    );
  }

  async enqueue(jobs: readonly DeliveryJob[], opts: { reopen?: boolean } = {}): Promise<void> {
    if (jobs.length > 0) this.enqueueAll.immediate(jobs, opts.reopen ?? false);
  }

  async claim(now: number, max: number, leaseMs: number, owner: string): Promise<DeliveryJob[]> {
    if (max < 1) return [];
    return this.claimDue.immediate(now, Math.floor(max), now + leaseMs, owner);
  }

  async finish(job: DeliveryJob, owner: string): Promise<void> {
    const { changes } = this.release.run({ ...jobParams(job), token: job.leaseToken ?? null, owner });
    if (changes === 0)
      logger.debug({ broadcastId: job.broadcastId, action: job.action }, 'outbox: lease lost, result ignored');
  }

  async reschedule(broadcastId: string, action: DeliveryJob['action'], notBefore: number): Promise<number> {
    return this.move.run(notBefore, broadcastId, action).changes;
  }

  async jobsFor(broadcastId: string): Promise<DeliveryJob[]> {
    return this.byBroadcast.all(broadcastId).map((row) => toJob(row));
  }

  async report(broadcastId: string, action?: DeliveryJob['action']): Promise<DeliveryReport> {
    return summarize(action ? this.countsForAction.all(broadcastId, action) : this.counts.all(broadcastId));
  }
}
