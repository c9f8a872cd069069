import { entryCard } from '../cards/entry-card';
import type { Core } from '../core/bootstrap';
import { createFreeTextDecider, type FreeTextDecision } from '../decision/free-text';
import type { EvalCase } from '../evaluation/eval-set';
import type { KnowledgeFiles } from '../knowledge/knowledge-files';
import { diffVersions } from './version-diff';

export interface AnswerChange {
  readonly q: string;
  /** The eval set's expected refs, when the question comes from it. */
  readonly expect?: readonly string[];
  readonly before: string;
  readonly after: string;
}

const MAX_CHANGES = 100;

/** What the chat leads with for a message: the Kinderschutz step, the first entry, or no sure answer. */
const leadOf = (d: FreeTextDecision): string =>
  d.route === 'child-protection' ? 'Kinderschutz' : d.answered ? (d.refs[0] ?? '–') : 'keine sichere Antwort';

/**
 * The draft as teachers would meet it: the cards of changed entries, and which questions would now be
 * answered differently – the evaluation questions and every entry's own example questions (a warning only).
 */
export function previewDraft(o: {
  live: { files: KnowledgeFiles; core: Core };
  draft: { files: KnowledgeFiles; core: Core };
  questions: readonly EvalCase[];
}) {
  const diff = diffVersions(o.live.files, o.draft.files);
  const { knowledge } = o.draft.core;
  const cards = diff.flatMap((d) => {
    const entry = d.change === 'removed' ? undefined : knowledge.byRef(d.ref);
    return entry ? [{ ref: d.ref, title: entry.short_title, card: entryCard(entry, knowledge) }] : [];
  });
  const asked = new Map<string, EvalCase | undefined>(o.questions.map((c) => [c.q, c]));
  for (const core of [o.live.core, o.draft.core])
    for (const e of core.knowledge.entries) for (const q of e.questions) if (!asked.has(q)) asked.set(q, undefined);
  const before = createFreeTextDecider(o.live.core);
  const after = createFreeTextDecider(o.draft.core);
  const changes: AnswerChange[] = [];
  for (const [q, c] of asked) {
    const [b, a] = [leadOf(before(q)), leadOf(after(q))];
    if (b !== a) changes.push({ q, ...(c ? { expect: c.expect } : {}), before: b, after: a });
  }
  return { diff, cards, asked: asked.size, changed: changes.length, changes: changes.slice(0, MAX_CHANGES) };
}
