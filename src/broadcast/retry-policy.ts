import type { DeliveryJob, SendOutcome } from './model';

export interface RetryOptions {
  /** First backoff ceiling; doubles with every attempt. */
  readonly baseMs: number;
  readonly capMs: number;
  /** Attempts after which a transient error becomes `failed`. */
  readonly maxAttempts: number;
  /** Attempts after which repeated throttling becomes `failed` (a 429 is not the message's fault). */
  readonly maxThrottledAttempts: number;
  /** Uniform in [0, 1); injectable for tests. */
  readonly random: () => number;
}

export const DEFAULT_RETRY: RetryOptions = Object.freeze({
  baseMs: 1_000,
  capMs: 60_000,
  maxAttempts: 8,
  maxThrottledAttempts: 20,
  random: Math.random,
});

/** Full jitter: uniform in [0, min(cap, base · 2^(attempt-1))]. */
export function backoffMs(attempt: number, options: RetryOptions = DEFAULT_RETRY): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(options.random() * ceiling);
}

/**
 * The job after one attempt ended with `outcome`. Only this job is delayed: throttling never
 * pauses other conversations.
 */
export function nextState(
  job: DeliveryJob,
  outcome: SendOutcome,
  now: number,
  options: RetryOptions = DEFAULT_RETRY,
): DeliveryJob {
  const attempts = job.attempts + 1;
  const base = { ...job, attempts, updatedAt: now, reason: undefined };
  switch (outcome.kind) {
    case 'ok':
      return { ...base, state: 'sent', activityId: outcome.activityId ?? job.activityId };
    case 'throttled':
      if (attempts >= options.maxThrottledAttempts)
        return { ...base, state: 'failed', reason: `429 throttled ${attempts} times` };
      return {
        ...base,
        state: 'pending',
        notBefore: now + (outcome.retryAfterMs ?? backoffMs(attempts, options)),
      };
    case 'transient':
      if (attempts >= options.maxAttempts)
        return { ...base, state: 'failed', reason: `gave up after ${attempts} attempts: ${outcome.reason}` };
      return { ...base, state: 'pending', notBefore: now + backoffMs(attempts, options) };
    case 'gone':
      // Deleting a message that is no longer there has reached its goal.
      if (job.action === 'delete' && outcome.status === 404) return { ...base, state: 'sent' };
      return { ...base, state: 'removed', reason: outcome.reason };
    case 'failed':
      return { ...base, state: 'failed', reason: outcome.reason };
  }
}

/**
 * Whether the outcome means the conversation no longer takes messages from the bot. A 404 on an
 * update or delete concerns the message, not the conversation.
 */
export function conversationGone(job: DeliveryJob, outcome: SendOutcome): boolean {
  return outcome.kind === 'gone' && (job.action === 'send' || outcome.status === 403);
}

/** A job handed back unsent (pacing, shutdown): same attempts, due at `notBefore`. */
export function postponed(job: DeliveryJob, notBefore: number, now: number): DeliveryJob {
  return { ...job, state: 'pending', notBefore, updatedAt: now };
}
