import { z } from 'zod';
import type { DialogState } from './flow-engine';

/** Dialogs untouched this long start fresh. */
export const DIALOG_TTL_MS = 24 * 60 * 60 * 1000;

const Answers = z.record(z.string(), z.string());
const StoredDialog = z.object({
  node: z.string(),
  answers: Answers,
  history: z.array(z.object({ node: z.string(), answers: Answers })).max(50),
  prefilled: z.array(z.string()),
  updatedAt: z.number(),
  flow: z.string().optional(),
});

/** A stored dialog begun on another flow (a knowledge version published since): it cannot go on. */
export function isOutdated(stored: unknown, fingerprint: string): boolean {
  const flow = StoredDialog.safeParse(stored).data?.flow;
  return flow !== undefined && flow !== fingerprint;
}

/** The stored dialog if it is well-formed, still on the flow, and fresh; otherwise undefined. */
export function readDialog(
  stored: unknown,
  nodeExists: (id: string) => boolean,
  now = Date.now(),
): DialogState | undefined {
  if (stored === undefined) return undefined; // no dialog: skip building a parse error
  const parsed = StoredDialog.safeParse(stored);
  if (!parsed.success || !nodeExists(parsed.data.node)) return undefined;
  if (now - parsed.data.updatedAt > DIALOG_TTL_MS) return undefined;
  return parsed.data;
}
