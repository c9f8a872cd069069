export const MAX_INPUT_CHARS = 2000;

export type Input =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'empty' }
  | { readonly kind: 'too-long' }
  | { readonly kind: 'non-text' };

/** Classifies a message: usable text, or why not. */
export function classifyInput(activity: { text?: string; attachments?: readonly unknown[] }): Input {
  const text = (activity.text ?? '').trim();
  if (text.length > MAX_INPUT_CHARS) return { kind: 'too-long' };
  if (text.length > 0) return { kind: 'text', text };
  return (activity.attachments?.length ?? 0) > 0 ? { kind: 'non-text' } : { kind: 'empty' };
}
