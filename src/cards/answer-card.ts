import type { Knowledge } from '../knowledge/knowledge';
import { suggestionsWhenUnsure, type Answer, type Candidate } from '../search/answer';
import { TEXTS } from '../texts';
import { askQuestion, guide, showEntry } from './actions';
import {
  actionSet,
  bulletList,
  card,
  heading,
  label,
  notice,
  plain,
  submit,
  text,
  type AdaptiveCard,
  type CardElement,
} from './adaptive';
import { entryCard } from './entry-card';

const ALSO_RELEVANT = 0.6;

/** The card for whatever the engine decided. */
export function answerCard(answer: Answer, knowledge: Knowledge): AdaptiveCard {
  const [first, ...rest] = answer.candidates;
  const hint = (c: AdaptiveCard): AdaptiveCard =>
    answer.safety === 'weak'
      ? { ...c, body: [childProtectionNotice(knowledge, TEXTS.childProtectionHint), ...c.body] }
      : c;
  if (answer.decision === 'unsure' || !first)
    return hint(unsureCard(suggestionsWhenUnsure(answer), answer.reason === 'out-of-scope'));
  if (answer.decision === 'clarify') return hint(clarifyCard(answer.candidates.slice(0, 3)));
  const lead = answer.childProtection
    ? [childProtectionNotice(knowledge, TEXTS.childProtectionLead)]
    : answer.safety === 'weak'
      ? [childProtectionNotice(knowledge, TEXTS.childProtectionHint)]
      : [];
  const entry = entryCard(first.entry, knowledge, lead);
  const also = rest.filter((c) => c.score >= first.score * ALSO_RELEVANT || answer.childProtection).slice(0, 3);
  return also.length
    ? { ...entry, body: [...entry.body, label(TEXTS.labels.alsoRelevant), ...candidateButtons(also)] }
    : entry;
}

/** "Label: number" of every emergency agency's phone, once each. */
export const emergencyPhones = (knowledge: Knowledge): string[] => [
  ...new Set(
    knowledge.agencies.filter((a) => a.emergency).flatMap((a) => a.contact.phone.map((p) => `${p.label}: ${p.number}`)),
  ),
];

/** The child-protection line with the emergency numbers: leading (clear sign) or as a hint (weak sign). */
export function childProtectionNotice(knowledge: Knowledge, line: string): CardElement {
  const phones = emergencyPhones(knowledge);
  return notice('attention', [text(`**${plain(line)}**`), ...(phones.length ? [bulletList(phones)] : [])]);
}

const candidateButtons = (candidates: readonly Candidate[]) =>
  actionSet(candidates.map((c) => submit(c.entry.title, showEntry(c.ref))));

export function clarifyCard(candidates: readonly Candidate[]): AdaptiveCard {
  return card([
    heading(TEXTS.clarifyTitle),
    text(TEXTS.clarifyText),
    ...candidates.flatMap((c) => [text(`**${plain(c.entry.title)}** – ${plain(c.entry.summary)}`, { size: 'Small' })]),
    ...candidateButtons(candidates),
  ]);
}

/** Unsure: in-domain suggestions with the guided dialog, or (out of scope) what the bot can help with. */
export function unsureCard(suggestions: readonly Candidate[] = [], outOfScope = false): AdaptiveCard {
  if (suggestions.length)
    return card(
      [heading(TEXTS.suggestTitle), text(TEXTS.suggestText), ...candidateButtons(suggestions)],
      [submit(TEXTS.buttons.startGuide, guide({ action: 'start' }))],
    );
  return card(
    outOfScope
      ? [heading(TEXTS.outOfScopeTitle), text(TEXTS.outOfScopeText)]
      : [heading(TEXTS.unsureTitle), text(TEXTS.unsureText)],
    [
      submit(TEXTS.buttons.startGuide, guide({ action: 'start' })),
      submit(TEXTS.buttons.directory, { verb: 'directory' }),
      ...TEXTS.exampleQuestions.map((q) => submit(q, askQuestion(q))),
    ],
  );
}

/** Welcome (on install) and help: what the bot does, with example questions as buttons. */
export function helpCard(welcome: boolean): AdaptiveCard {
  return card(
    [
      heading(welcome ? TEXTS.welcomeTitle : TEXTS.helpTitle),
      ...(welcome ? [text(TEXTS.welcomeText)] : []),
      bulletList(TEXTS.helpItems),
      notice('accent', [text(TEXTS.welcomePrivacy, { size: 'Small' })]),
    ],
    [
      submit(TEXTS.buttons.startGuide, guide({ action: 'start' })),
      submit(TEXTS.buttons.directory, { verb: 'directory' }),
      ...TEXTS.exampleQuestions.map((q) => submit(q, askQuestion(q))),
    ],
  );
}
