/** The fixed reasons of the feedback form (no free text: teachers might write pupils' names). */
export const FEEDBACK_REASONS = [
  { id: 'stimmt-nicht', label: 'stimmt nicht' },
  { id: 'veraltet', label: 'veraltet' },
  { id: 'nicht-verstanden', label: 'Frage nicht verstanden' },
  { id: 'zu-lang', label: 'zu lang' },
  { id: 'kontakt-fehlt', label: 'Kontakt fehlt' },
] as const;

export type Reaction = 'like' | 'dislike';
export const NO_REASON = 'ohne-grund';
/** An answer whose entry is no longer known (the message is older than the user's memory). */
export const UNKNOWN_ENTRY = 'unbekannt';

const REASON_IDS = new Set<string>(FEEDBACK_REASONS.map((r) => r.id));

/**
 * What a submitted feedback form says: the reaction and the chosen reasons, checked against the fixed list.
 * Teams sends the form's values as a JSON string (or an object); anything else counts as no reason.
 */
export function readFeedback(value: unknown): { reaction: Reaction; reasons: string[] } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { reaction, feedback } = value as { reaction?: unknown; feedback?: unknown };
  if (reaction !== 'like' && reaction !== 'dislike') return undefined;
  let form: unknown = feedback;
  if (typeof feedback === 'string') {
    try {
      form = JSON.parse(feedback);
    } catch {
      form = undefined;
    }
  }
  const chosen = typeof form === 'object' && form !== null ? (form as { reasons?: unknown }).reasons : undefined;
  const reasons = typeof chosen === 'string' ? chosen.split(',').filter((r) => REASON_IDS.has(r)) : [];
  return { reaction, reasons: reaction === 'dislike' ? [...new Set(reasons)] : [] };
}

/** The counter key of one piece of feedback: entry, reaction, reason. */
export const feedbackKey = (ref: string, reaction: Reaction, reason: string = NO_REASON) =>
  `${ref}|${reaction}|${reason}`;
