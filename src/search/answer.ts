import type { Entry } from '../knowledge/schema';
import type { SafetyLevel } from '../safety/detector';

export interface Candidate {
  /** `kind:id` */
  readonly ref: string;
  readonly entry: Entry;
  /** Confidence in [0, 1], higher is better. */
  readonly score: number;
}

/**
 * What the engine decided:
 * - answer: the first candidate is the answer;
 * - clarify: the first candidates are close, offer "Meinten Sie …?";
 * - unsure: out of scope or too weak, offer what the bot can help with.
 */
export type AnswerDecision = 'answer' | 'clarify' | 'unsure';

interface AnswerBase {
  readonly candidates: readonly Candidate[];
  /** A clear sign of danger to a child: the child-protection step leads. */
  readonly childProtection: boolean;
  /** What the child-protection detector read: `weak` adds a visible child-protection line to the answer. */
  readonly safety: SafetyLevel;
}

/** What the engine decided, and why (the why for logs and the eval, never user text): only possible pairs. */
export type Answer = AnswerBase &
  (
    | { readonly decision: 'answer'; readonly reason: 'clear' | 'case' | 'child-protection' }
    | { readonly decision: 'clarify'; readonly reason: 'close' }
    | { readonly decision: 'unsure'; readonly reason: 'empty' | 'no-match' | 'weak' | 'low-coverage' | 'out-of-scope' }
  );

export const isAnswered = (a: Answer): boolean => a.decision !== 'unsure';

/**
 * Entries worth offering when the engine is unsure: only when the question is about this domain but no entry
 * stands out (a long case story), never for out-of-scope questions.
 */
export const suggestionsWhenUnsure = (a: Answer): readonly Candidate[] =>
  a.decision === 'unsure' && a.reason === 'weak' ? a.candidates.slice(0, 3) : [];
