import type { Broadcast, DeliveryJob, DeliveryReport, NewsTopic, Subscription } from './model';

/** The ports broadcast needs; storage/ implements them (SQLite, Azure), broadcast never imports storage. */
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
  /**
   * Replaces when the stored version and revision are `expected`'s, else throws ConflictError; the stored
   * revision goes up by one with every update (pause, cancel, a new time), so no change is lost to a race.
   */
  update(broadcast: Broadcast, expected: Pick<Broadcast, 'version' | 'revision'>): Promise<void>;
  /** The newest broadcasts of an author (for "Meine Nachrichten"). */
  byAuthor(authorId: string, limit: number): Promise<Broadcast[]>;
  /** The newest broadcasts of all authors (the Koordination tab). */
  newest(limit: number): Promise<Broadcast[]>;
  /** Scheduled broadcasts whose time has come (sendAt ≤ now). */
  due(now: number): Promise<Broadcast[]>;
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
  /** Moves every pending job of the broadcast and action to `notBefore` (pause, resume, cancel); how many. */
  reschedule(broadcastId: string, action: DeliveryJob['action'], notBefore: number): Promise<number>;
  report(broadcastId: string, action?: DeliveryJob['action']): Promise<DeliveryReport>;
}

/** "Zur Kenntnis genommen": one confirmation per broadcast and conversation (never a user id). */
export interface AcknowledgementStore {
  /** Records a conversation's confirmation; false when it had confirmed already. */
  add(broadcastId: string, conversationId: string, at: number): Promise<boolean>;
  /** conversation id → time of its confirmation. */
  of(broadcastId: string): Promise<Map<string, number>>;
}

/**
 * Which of all instances sends: one at a time, so Teams' tenant limit holds for all of them together and
 * nothing needs dividing. A standby instance keeps asking; it takes over within the role's lease when the
 * sender dies.
 */
export interface SenderRole {
  /** Takes or keeps the role; false while another live instance holds it. */
  hold(): Promise<boolean>;
  /** Gives the role up (a clean stop), so a standby takes over at once. */
  release(): Promise<void>;
  /** The store allows only one instance at all (SQLite): a second one must not start. */
  readonly exclusive: boolean;
}

/** The three stores broadcast works on. */
export interface BroadcastStores {
  readonly subscriptions: SubscriptionStore;
  readonly broadcasts: BroadcastStore;
  readonly outbox: Outbox;
}
