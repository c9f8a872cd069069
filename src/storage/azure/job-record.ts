import type { DeliveryAction, DeliveryJob } from '../../broadcast/model';

/** Who holds a job until when; the token is `<messageId> <popReceipt>` of the queue message that won it. */
export interface Lease {
  readonly owner: string;
  readonly until: number;
  readonly token: string;
}

/** A job blob's content: the job (without the caller-side token) and the current lease. */
export type JobRecord = Omit<DeliveryJob, 'leaseToken'> & { readonly lease?: Lease };

/** What a queue message carries. */
export interface JobKey {
  readonly broadcastId: string;
  readonly conversationId: string;
  readonly action: DeliveryAction;
}

function without<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  const copy = { ...value };
  delete copy[key];
  return copy;
}

export function toRecord(job: DeliveryJob, lease?: Lease): JobRecord {
  const rest = without(job, 'leaseToken');
  return lease ? { ...rest, lease } : rest;
}

export function toJob(record: JobRecord, leaseToken?: string): DeliveryJob {
  const rest = without(record, 'lease');
  return leaseToken === undefined ? rest : { ...rest, leaseToken };
}

/** State and reason as metadata, so reports count from a listing without downloads. */
export const jobMetadata = (job: JobRecord): Record<string, string> => ({
  state: job.state,
  ...(job.reason ? { reason: encodeURIComponent(job.reason) } : {}),
});

export const encodeKey = ({ broadcastId, conversationId, action }: JobKey): string =>
  Buffer.from(JSON.stringify({ broadcastId, conversationId, action })).toString('base64');

export function decodeKey(text: string): JobKey | undefined {
  try {
    const key = JSON.parse(Buffer.from(text, 'base64').toString('utf8')) as Partial<JobKey>;
    const ok = [key.broadcastId, key.conversationId, key.action].every((v) => typeof v === 'string' && v !== '');
    return ok ? (key as JobKey) : undefined;
  } catch {
    return undefined;
  }
}

export const leaseToken = (messageId: string, popReceipt: string) => `${messageId} ${popReceipt}`;

export function parseLeaseToken(token: string): { messageId: string; popReceipt: string } | undefined {
  const [messageId, popReceipt, ...rest] = token.split(' ');
  return messageId && popReceipt && rest.length === 0 ? { messageId, popReceipt } : undefined;
}

/** Queue visibility delays are whole seconds, at most 7 days. */
export const secondsUntil = (at: number, now: number): number =>
  Math.min(7 * 24 * 3600, Math.max(0, Math.ceil((at - now) / 1000)));
