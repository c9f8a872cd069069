import type { DeliveryJob } from '../../broadcast/model';

/** A `jobs` row as SQLite returns it. */
export interface JobRow {
  broadcast_id: string;
  conversation_id: string;
  action: DeliveryJob['action'];
  state: DeliveryJob['state'];
  attempts: number;
  not_before: number;
  activity_id: string | null;
  reason: string | null;
  updated_at: number;
  lease_token: string | null;
}

/** Named parameters for inserts and updates (optional fields as NULL). */
export const jobParams = (job: DeliveryJob) => ({
  broadcastId: job.broadcastId,
  conversationId: job.conversationId,
  action: job.action,
  state: job.state,
  attempts: job.attempts,
  notBefore: job.notBefore,
  activityId: job.activityId ?? null,
  reason: job.reason ?? null,
  updatedAt: job.updatedAt,
});

export function toJob(row: JobRow, leaseToken?: string): DeliveryJob {
  return {
    broadcastId: row.broadcast_id,
    conversationId: row.conversation_id,
    action: row.action,
    state: row.state,
    attempts: row.attempts,
    notBefore: row.not_before,
    updatedAt: row.updated_at,
    ...(row.activity_id === null ? {} : { activityId: row.activity_id }),
    ...(row.reason === null ? {} : { reason: row.reason }),
    ...(leaseToken === undefined ? {} : { leaseToken }),
  };
}
