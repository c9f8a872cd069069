import type { Knowledge } from '../knowledge/knowledge';
import { refOf } from '../knowledge/knowledge';
import type { Entry } from '../knowledge/schema';
import type { FollowUpKind } from './actions';
import { showEntry } from './actions';
import { actionSet, card, heading, plain, submit, text, type AdaptiveCard } from './adaptive';
import { entryCard } from './entry-card';
import { TEXTS } from '../texts';

const TITLES: Record<FollowUpKind, string> = {
  next: TEXTS.labels.nextSteps,
  agency: TEXTS.labels.responsibleBodies,
  form: TEXTS.labels.forms,
};

/** The entries a follow-up button points to, from the entry it was pressed on. */
export function followUpTargets(knowledge: Knowledge, ref: string, what: FollowUpKind): Entry[] | undefined {
  const entry = knowledge.byRef(ref);
  if (entry?.kind !== 'step') return undefined;
  const found =
    what === 'next'
      ? entry.next.map(knowledge.step)
      : what === 'agency'
        ? entry.agencies.map(knowledge.agency)
        : entry.forms.map(knowledge.form);
  return found.filter((e): e is NonNullable<typeof e> => !!e);
}

/** One target: its full card. Several: a short list to choose from. */
export function followUpCard(
  knowledge: Knowledge,
  targets: readonly Entry[],
  what: FollowUpKind,
  from: Entry,
): AdaptiveCard {
  if (targets.length === 1) return entryCard(targets[0]!, knowledge);
  return card([
    heading(`${TITLES[what]}: ${from.short_title}`),
    ...targets.map((t) => text(`**${plain(t.title)}** – ${plain(t.summary)}`, { size: 'Small' })),
    ...actionSet(targets.map((t) => submit(t.short_title, showEntry(refOf(t))))),
  ]);
}
