import { answerCard } from '../cards/answer-card';
import { emergencyPhones } from '../cards/child-protection';
import { entryCard } from '../cards/entry-card';
import { followUpCard, followUpTargets } from '../cards/follow-up-card';
import type { FollowUpKind } from '../cards/actions';
import { categories } from '../contacts/directory';
import type { FreeTextDecision } from '../decision/free-text';
import { CHILD_PROTECTION_STEP } from '../knowledge/contract';
import { refOf, type Knowledge } from '../knowledge/knowledge';
import type { Entry } from '../knowledge/schema';
import { TEXTS } from '../texts';

/** What the Leitfaden tab draws: plain JSON from the knowledge base, nothing the browser has to know. */
const named = (knowledge: Knowledge, ids: readonly string[], kind: 'agency' | 'form') =>
  ids.flatMap((id) => {
    const entry = knowledge.byRef(`${kind}:${id}`);
    return entry ? [{ ref: refOf(entry), title: entry.short_title }] : [];
  });

/** Steps 0–12 in order, the Kinderschutz step as its own track, and what leads where. */
export function procedureView(knowledge: Knowledge) {
  const steps = [...knowledge.steps].sort((a, b) => a.order - b.order);
  return {
    steps: steps.map((s) => ({
      ref: refOf(s),
      id: s.id,
      order: s.order,
      title: s.short_title,
      when: s.when,
      track: s.id === CHILD_PROTECTION_STEP ? ('kinderschutz' as const) : ('main' as const),
      next: s.next.map((id) => `step:${id}`),
      agencies: named(knowledge, s.agencies, 'agency'),
      forms: named(knowledge, s.forms, 'form'),
    })),
  };
}

/** The network's actors, grouped as in the directory (the article's picture), each with its role. */
export const networkView = (knowledge: Knowledge) => ({
  groups: categories(knowledge).map(({ category, title, agencies }) => ({
    id: category,
    title,
    agencies: agencies.map((a) => ({ ref: refOf(a), title: a.short_title, role: a.role, emergency: a.emergency })),
  })),
});

export const formsView = (knowledge: Knowledge) => ({
  forms: [...knowledge.forms]
    .sort((a, b) => a.number.localeCompare(b.number))
    .map((f) => ({
      ref: refOf(f),
      number: f.number,
      title: f.short_title,
      forWhom: f.for_whom,
      step: `step:${f.step}`,
      download: f.download,
    })),
});

/** The child-protection line and numbers, always on screen. */
export const childProtectionView = (knowledge: Knowledge) => ({
  line: TEXTS.childProtectionHint,
  acute: TEXTS.acuteDanger,
  phones: emergencyPhones(knowledge),
  step: `step:${CHILD_PROTECTION_STEP}`,
});

/** One entry as the bot shows it: the same card, so the same content and short-first rules. */
export const entryView = (entry: Entry, knowledge: Knowledge) => ({
  ref: refOf(entry),
  kind: entry.kind,
  title: entry.short_title,
  card: entryCard(entry, knowledge),
});

/** The search box: the bot's own decision for the text, with the card the chat would show. */
export function searchView(decision: FreeTextDecision, knowledge: Knowledge) {
  const entries = decision.refs.flatMap((ref) => {
    const entry = knowledge.byRef(ref);
    return entry ? [{ ref, kind: entry.kind, title: entry.short_title, summary: entry.summary }] : [];
  });
  const outcome = decision.route === 'guide' && decision.answered ? knowledge.byRef(decision.refs[0] ?? '') : undefined;
  return {
    route: decision.route,
    childProtection: decision.route === 'child-protection',
    /** A weak signal: the answer stands, with the Kinderschutz line above it. */
    childProtectionLine: decision.route === 'child-protection' || decision.answer.safety === 'weak',
    answered: decision.answered,
    results: decision.route === 'unsure' ? [] : entries.slice(0, 5),
    // A case the chat's guide settles at once leads with its outcome step, as results[0] does.
    card: outcome ? entryCard(outcome, knowledge) : answerCard(decision.answer, knowledge),
  };
}

/** "Nächster Schritt", "Zuständige Stelle", "Vordruck" on a step's card: the chat's follow-up card. */
export function followUpView(knowledge: Knowledge, ref: string, what: FollowUpKind) {
  const from = knowledge.byRef(ref);
  const targets = followUpTargets(knowledge, ref, what);
  if (!from || !targets?.length) return undefined;
  const only = targets.length === 1 ? targets[0]! : undefined;
  return {
    ref: only ? refOf(only) : ref,
    kind: only?.kind ?? from.kind,
    title: only?.short_title ?? from.short_title,
    card: followUpCard(knowledge, targets, what, from),
  };
}
