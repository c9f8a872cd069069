/**
 * "Frage an die Fachstelle": a teacher's question forwarded to the network's coordination, after the teacher
 * saw exactly what is sent. Without "Antwort an mich" it carries no sender at all.
 */
export type QuestionState = 'open' | 'answered' | 'closed';

/** Where a question goes, guessed from the entry the bot found (or "allgemein"). */
export const QUESTION_TOPICS = ['verfahren', 'recht', 'stellen', 'angebote', 'allgemein'] as const;
export type QuestionTopic = (typeof QUESTION_TOPICS)[number];
/** A channel that receives every topic without a channel of its own. */
export const ALL_TOPICS = '*';

export interface ReplyTo {
  /** Shown on the coordination's card ("Antwort an mich" ticked). */
  readonly name: string;
  /** For `npm run forget -- --user` and "Meine Daten löschen". */
  readonly userId: string;
  readonly conversationId: string;
  /** The minimal proactive reference of the teacher's chat with the bot. */
  readonly reference: Record<string, unknown>;
}

export interface ForwardedQuestion {
  readonly id: string;
  readonly text: string;
  readonly topic: QuestionTopic;
  readonly schoolType?: string;
  readonly state: QuestionState;
  readonly createdAt: number;
  readonly answeredAt?: number;
  readonly answer?: string;
  readonly replyTo?: ReplyTo;
  /** The coordination's card: its channel and message id, so every change updates it. */
  readonly card?: { readonly reference: Record<string, unknown>; readonly activityId: string };
}

/** A team channel that receives forwarded questions of a topic (or all). */
export interface QuestionChannel {
  readonly topic: QuestionTopic | typeof ALL_TOPICS;
  readonly conversationId: string;
  readonly reference: Record<string, unknown>;
  readonly setAt: number;
}

export interface QuestionStore {
  put(question: ForwardedQuestion): Promise<void>;
  get(id: string): Promise<ForwardedQuestion | undefined>;
  /** The newest questions first (the Koordination tab's inbox). */
  newest(limit: number): Promise<ForwardedQuestion[]>;
  /** Questions created before `before` (ms) are deleted; returns how many. */
  deleteBefore(before: number): Promise<number>;
  /** Questions whose "Antwort an mich" names this user or conversation are deleted; returns how many. */
  forget(target: { userId?: string; conversationId?: string }): Promise<number>;
  setChannel(channel: QuestionChannel): Promise<void>;
  channelFor(topic: QuestionTopic): Promise<QuestionChannel | undefined>;
}
