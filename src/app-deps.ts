import type { CoordinatorPolicy } from './roles/coordinators';
import type { QuestionStore } from './forwarding/model';
import type { Messenger } from './forwarding/forwarding-service';
import type { CountStore } from './statistics/ports';
import type { Recorder } from './statistics/recorder';
import type { Telemetry } from './telemetry/telemetry';
import type { UsageCounter } from './search/usage';
import type { Stores } from './storage/stores';
import type { Core } from './core/bootstrap';
import type { Logger } from './shared/logger';

/** What every feature's register() receives. */
export interface BotDeps extends Core {
  readonly logger: Logger;
  readonly usage: UsageCounter;
  /** Anonymous counters for the network's statistics (no text, no user ids). */
  readonly recorder: Recorder;
  /** Errors for the operator's telemetry (absent: none). */
  readonly telemetry?: Pick<Telemetry, 'error'>;
  /** "Frage an die Fachstelle": the store and how to reach the coordination's channel; absent without stores. */
  readonly forwarding?: { readonly store: QuestionStore; readonly messenger: Messenger };
  /** The counters behind "Statistik" (coordinators); absent without stores. */
  readonly counts?: CountStore;
  /** Tenants served (empty = all) and the per-user message limit. */
  readonly allowedTenants?: readonly string[];
  readonly rateLimitPerMinute?: number;
  /** Deletes stored data of a user or conversation (privacy); absent without stores. */
  readonly forget?: Stores['forget'];
  /** Creates a state item only if absent (welcome once across instances); absent without stores. */
  readonly createStateIfAbsent?: Stores['createStateIfAbsent'];
  /** Subscriptions and news broadcasts; absent when the bot runs without stores (some tests). */
  readonly broadcasting?: {
    readonly stores: Pick<Stores, 'subscriptions' | 'broadcasts' | 'outbox'> &
      Partial<Pick<Stores, 'acknowledgements'>>;
    readonly policy: CoordinatorPolicy;
    /** Wakes the delivery worker after jobs were queued. */
    readonly wake: () => void;
    /** Re-draws a coordinator's confirmation card (approve, pause, a new time). */
    readonly refresh?: (id: string) => void;
    /** BROADCAST_APPROVAL: four eyes before a news item goes out. */
    readonly approval?: boolean;
    /** The wall clock for scheduled news (tests move it). */
    readonly now?: () => number;
  };
}
