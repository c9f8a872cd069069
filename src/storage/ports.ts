import type { Storage } from 'botbuilder';
import type { Broadcast, DeliveryJob, DeliveryReport, NewsTopic, Subscription } from '../broadcast/model';

/** Thrown by any store when an optimistic-concurrency check (eTag/version) fails. */
export class ConflictError extends Error {
  constructor(what: string) {
    super(`conflict: ${what} was changed by someone else`);
    this.name = 'ConflictError';
  }
}

export interface SubscriptionStore {
  get(conversationId: string): Promise<Subscription | undefined>;
  /** Creates or replaces; keeps createdAt of an existing row. */
  put(subscription: Subscription): Promise<void>;
  remove(conversationId: string): Promise<boolean>;
  /** Subscriptions with the topic whose audience filters overlap the broadcast's (empty = all). */
  matching(topic: NewsTopic, audience: Subscription['audience']): Promise<Subscription[]>;
  count(): Promise<number>;
}

export interface BroadcastStore {
  create(broadcast: Broadcast): Promise<void>;
  get(id: string): Promise<Broadcast | undefined>;
  /** Replaces when `expectedVersion` matches the stored version, else throws ConflictError. */
  update(broadcast: Broadcast, expectedVersion: number): Promise<void>;
  /** The newest broadcasts of an author (for "Meine Nachrichten"). */
  byAuthor(authorId: string, limit: number): Promise<Broadcast[]>;
}

/**
 * The durable outbox: one job per recipient and action. `claim` hands each due job to exactly one
 * caller (across processes) for `leaseMs`; a job not finished within its lease becomes claimable again.
 */
export interface Outbox {
  /**
   * Adds jobs; a job that already exists for (broadcastId, conversationId, action) is left alone —
   * unless `reopen` is set and it is finished: then it becomes pending again (a second correction).
   */
  enqueue(jobs: readonly DeliveryJob[], opts?: { reopen?: boolean }): Promise<void>;
  claim(now: number, max: number, leaseMs: number, owner: string): Promise<DeliveryJob[]>;
  /** Records the result of a claimed job (state, attempts, notBefore, activityId, reason) and releases it. */
  finish(job: DeliveryJob, owner: string): Promise<void>;
  jobsFor(broadcastId: string): Promise<DeliveryJob[]>;
  report(broadcastId: string, action?: DeliveryJob['action']): Promise<DeliveryReport>;
}

/** Everything the bot persists, chosen by config (SQLite file or Azure Storage). */
export interface Stores {
  /** Conversation and dialog state for teams-ai (botbuilder Storage, eTags honoured). */
  readonly state: Storage;
  readonly subscriptions: SubscriptionStore;
  readonly broadcasts: BroadcastStore;
  readonly outbox: Outbox;
  /** Deletes everything stored for a user or a conversation (privacy). */
  forget(target: { conversationId?: string; userId?: string }): Promise<number>;
  /** Creates a state item only if there is none under the key: true for the one caller (of all instances) that did. */
  createStateIfAbsent(key: string, value: object): Promise<boolean>;
  /** Rewrites stored conversation references (subscriptions, confirmations) to the minimal shape; returns how many. */
  scrubReferences(): Promise<number>;
  /** Deletes users' own items in conversations last written before `before` (ms); returns how many. */
  expireUserSlots(before: number): Promise<number>;
  close(): Promise<void>;
}
