import type { Storage } from 'botbuilder';
import type { AcknowledgementStore, BroadcastStores, SenderRole } from '../broadcast/ports';
import type { QuestionStore } from '../forwarding/model';
import type { CountStore } from '../statistics/ports';
import type { KnowledgeVersionStore } from '../core/knowledge-versions';

/** Everything the bot persists, chosen by config (SQLite file or Azure Storage). */
export interface Stores extends BroadcastStores {
  /** Conversation and dialog state for teams-ai (botbuilder Storage, eTags honoured). */
  readonly state: Storage;
  /** Anonymous counters for the network's statistics (no text, no user ids). */
  readonly counts: CountStore;
  /** Questions forwarded to the Fachstelle and the channels that receive them. */
  readonly questions: QuestionStore;
  /** Confirmations of news items ("Zur Kenntnis genommen"), per conversation. */
  readonly acknowledgements: AcknowledgementStore;
  /** Published knowledge versions and the coordinators' draft. */
  readonly knowledge: KnowledgeVersionStore;
  /** Deletes everything stored for a user or a conversation (privacy). */
  forget(target: { conversationId?: string; userId?: string }): Promise<number>;
  /** Creates a state item only if there is none under the key: true for the one caller (of all instances) that did. */
  createStateIfAbsent(key: string, value: object): Promise<boolean>;
  /** Rewrites stored conversation references (subscriptions, confirmations) to the minimal shape; returns how many. */
  scrubReferences(): Promise<number>;
  /** Deletes users' own items in conversations last written before `before` (ms); returns how many. */
  expireUserSlots(before: number): Promise<number>;
  /** The delivery sender's role, one per instance. */
  senderRole(): SenderRole;
  close(): Promise<void>;
}
