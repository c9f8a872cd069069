import { z } from 'zod';
import { OFFERING_TOPICS } from '../knowledge/schema';

/** Dortmund's 12 Stadtbezirke (audience filter). */
export const DISTRICTS = [
  'innenstadt-west',
  'innenstadt-nord',
  'innenstadt-ost',
  'eving',
  'scharnhorst',
  'brackel',
  'aplerbeck',
  'hoerde',
  'hombruch',
  'luetgendortmund',
  'huckarde',
  'mengede',
] as const;
export const SCHOOL_TYPES = [
  'grundschule',
  'hauptschule',
  'realschule',
  'gymnasium',
  'gesamtschule',
  'sekundarschule',
  'foerderschule',
  'berufskolleg',
] as const;
/** News topics: the offering topics (Fortbildungen, Angebote & Projekte, Verfahren & Recht, Netzwerk). */
export const NEWS_TOPICS = OFFERING_TOPICS;

export const NewsTopic = z.enum(NEWS_TOPICS);
export type NewsTopic = z.infer<typeof NewsTopic>;
export const District = z.enum(DISTRICTS);
export const SchoolType = z.enum(SCHOOL_TYPES);

/** Who a subscription or a broadcast is for; empty lists mean "all". */
export const Audience = z.object({
  schoolTypes: z.array(SchoolType).default([]),
  districts: z.array(District).default([]),
});
export type Audience = z.infer<typeof Audience>;

/** A conversation (personal chat, group chat or channel) that receives news. */
export interface Subscription {
  /** Conversation id: the key. */
  readonly conversationId: string;
  /** botbuilder ConversationReference as plain JSON, for proactive sends. */
  readonly reference: Record<string, unknown>;
  readonly conversationType: 'personal' | 'groupChat' | 'channel';
  readonly tenantId?: string;
  /** Topics subscribed to; empty = installed but not subscribed to anything yet. */
  readonly topics: readonly NewsTopic[];
  readonly audience: Audience;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** One piece of news as stored and sent: the schema also checks a coordinator's draft between preview and send. */
export const NewsItem = z
  .object({
    title: z.string(),
    text: z.string(),
    link: z.string().optional(),
    /** The card asks for "Zur Kenntnis genommen" (one click per conversation, counted in the report). */
    acknowledge: z.boolean().optional(),
    topic: NewsTopic,
    audience: Audience,
  })
  .readonly();
export type NewsItem = z.infer<typeof NewsItem>;

/**
 * awaiting-approval (BROADCAST_APPROVAL: a second coordinator must approve) → scheduled (a time ahead) →
 * sending ⇄ paused → done; cancelled stops what was not sent yet; recalled deletes what was.
 */
export type BroadcastStatus =
  | 'awaiting-approval'
  | 'scheduled'
  | 'sending'
  | 'paused'
  | 'cancelled'
  | 'done'
  | 'recalled';

/** A coordinator as the report names them: the Entra object id (names are not stored) and when. */
export interface Signature {
  readonly id: string;
  readonly at: number;
}

export interface Broadcast {
  readonly id: string;
  readonly authorId: string;
  readonly news: NewsItem;
  /** Increases with every correction. */
  readonly version: number;
  /** Increases with every stored change (set by the store; absent = 0). */
  readonly revision?: number;
  readonly status: BroadcastStatus;
  readonly createdAt: number;
  /** When sending starts (ms epoch); absent = at once. */
  readonly sendAt?: number;
  /** Who wrote it and, under BROADCAST_APPROVAL, who approved it. */
  readonly author?: Signature;
  readonly approvedBy?: Signature;
  /** Who paused, resumed or cancelled it last. */
  readonly changedBy?: Signature & { readonly action: 'pause' | 'resume' | 'cancel' };
  /** Where the coordinator's confirmation card lives, to update it with progress. */
  readonly confirmation?: { readonly reference: Record<string, unknown>; readonly activityId: string };
}

/** What one delivery job is for: send, correct (update) or recall (delete) one message. */
export type DeliveryAction = 'send' | 'update' | 'delete';

export type DeliveryState = 'pending' | 'sent' | 'failed' | 'removed';

/** One recipient of one broadcast (the outbox row). */
export interface DeliveryJob {
  readonly broadcastId: string;
  readonly conversationId: string;
  readonly action: DeliveryAction;
  readonly state: DeliveryState;
  readonly attempts: number;
  /** Not before this time (ms epoch): pacing, Retry-After or backoff. */
  readonly notBefore: number;
  /** The activity id Teams gave the sent message (needed to update or delete it). */
  readonly activityId?: string;
  /** Short reason for failed/removed (status code and error code), never message text. */
  readonly reason?: string;
  readonly updatedAt: number;
  /** Set by the outbox on claim; identifies this lease (e.g. a queue pop receipt). Opaque to others. */
  readonly leaseToken?: string;
}

/** How a send attempt ended, as the delivery engine sees it. */
export type SendOutcome =
  | { readonly kind: 'ok'; readonly activityId?: string }
  | { readonly kind: 'throttled'; readonly retryAfterMs?: number }
  | { readonly kind: 'transient'; readonly status?: number; readonly reason: string }
  | { readonly kind: 'gone'; readonly status: number; readonly reason: string }
  | { readonly kind: 'failed'; readonly status?: number; readonly reason: string };

export interface DeliveryReport {
  readonly total: number;
  readonly sent: number;
  readonly pending: number;
  readonly failed: number;
  readonly removed: number;
  /** reason → count, for the coordinator's report. */
  readonly reasons: Readonly<Record<string, number>>;
}
