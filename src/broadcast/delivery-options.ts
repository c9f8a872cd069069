import type { Logger } from '../shared/logger';
import type { Outbox, SenderRole, SubscriptionStore } from './ports';
import type { Clock } from './clock';
import type { DeliveryJob, SendOutcome, Subscription } from './model';
import type { Pacer } from './pacing';
import type { RetryOptions } from './retry-policy';

/** Delivers one job (send, update or delete) to one conversation. HTTP errors are outcomes, not throws. */
export interface Sender {
  send(job: DeliveryJob, subscription: Subscription, signal: AbortSignal): Promise<SendOutcome>;
}

export interface DeliveryWorkerOptions {
  readonly outbox: Outbox;
  readonly sender: Sender;
  readonly subscriptions: Pick<SubscriptionStore, 'get' | 'remove'>;
  readonly pacer: Pacer;
  readonly clock: Clock;
  /** Identifies this worker's leases in the outbox. */
  readonly owner: string;
  readonly logger: Pick<Logger, 'debug' | 'info' | 'warn'>;
  /** Called after every finished job (not awaited). */
  readonly onProgress?: (broadcastId: string) => unknown;
  /** Called with every job that reached its end (sent, failed, removed), for the anonymous statistics. */
  readonly onFinished?: (job: DeliveryJob) => void;
  /** Sends in flight at most (default 8). */
  readonly concurrency?: number;
  /** Lease per claimed job (default 60 s). A job is sent only in the first half of its lease. */
  readonly leaseMs?: number;
  /** Claimed jobs held at most while they wait for pacing (default 8 × concurrency). */
  readonly maxHeld?: number;
  /** Idle polling interval (default 1 s); `wake()` cuts it short. */
  readonly pollMs?: number;
  readonly retry?: Partial<RetryOptions>;
  /** Claims only while this instance holds the sender's role (absent: always). */
  readonly role?: SenderRole;
  /** Whether a send job may go: 'hold' while its broadcast is paused or not started, 'drop' once cancelled. */
  readonly gate?: (job: DeliveryJob) => Promise<'go' | 'hold' | 'drop'>;
  /** Runs on every loop while this instance is the sender (starts scheduled broadcasts); errors are logged. */
  readonly onTick?: () => Promise<void>;
}
