import type { Knowledge } from '../knowledge/knowledge';
import { suggestionsWhenUnsure, type Answer, type Candidate } from '../search/answer';
import { TEXTS } from '../texts';
import { askQuestion, guide, showEntry } from './actions';
import type { Entry } from '../knowledge/schema';
import {
  actionSet,
  bulletList,
  card,
  heading,
  MAX_CARD_ACTIONS,
  notice,
  plain,
  submit,
  text,
  type AdaptiveCard,
  type CardAction,
} from './adaptive';
import { withChildProtectionBanner } from './child-protection';
import { entryCard } from './entry-card';

const ALSO_RELEVANT = 0.6;
const ALSO_MAX = 3;

export interface AnswerCardOptions {
  /** The entry the decision leads with when it differs from the engine's first (the responsible body). */
  readonly lead?: Entry;
  /** A button that goes before the entry's own (the guided dialog, pre-filled from the message). */
  readonly offer?: CardAction;
  /** Unsure about a question of the domain: offer to forward it to the Fachstelle (the form pre-filled). */
  readonly forward?: string;
}

/** The card for whatever the engine decided. */
export function answerCard(answer: Answer, knowledge: Knowledge, options: AnswerCardOptions = {}): AdaptiveCard {
  const [top] = answer.candidates;
  const hint = (c: AdaptiveCard): AdaptiveCard =>
    answer.safety === 'weak' ? withChildProtectionBanner(c, knowledge, TEXTS.childProtectionHint) : c;
  if (answer.decision === 'unsure' || !top)
    return hint(
      unsureCard(
        suggestionsWhenUnsure(answer),
        answer.reason === 'out-of-scope',
        answer.reason === 'out-of-scope' ? undefined : options.forward,
      ),
    );
  if (answer.decision === 'clarify') return hint(clarifyCard(answer.candidates.slice(0, 3), options.offer));
  const first = options.lead ?? top.entry;
  // On child protection: the question's own answer (when the engine found one) and the child-protection bodies.
  const also = (
    answer.childProtection
      ? answer.candidates.slice(1, 1 + ALSO_MAX)
      : answer.candidates.filter((c) => c.entry !== first && c.score >= top.score * ALSO_RELEVANT)
  )
    .slice(0, ALSO_MAX)
    .map((c) => c.entry);
  return entryCard(first, knowledge, {
    banner: answer.childProtection
      ? TEXTS.childProtectionLead
      : answer.safety === 'weak'
        ? TEXTS.childProtectionHint
        : undefined,
    lead:
      options.lead?.kind === 'agency'
        ? `${TEXTS.labels.responsibleForCase}: **${plain(options.lead.short_title)}**`
        : undefined,
    also,
    extra: options.offer ? [options.offer] : [],
  });
}

const candidateButtons = (candidates: readonly Candidate[]) =>
  actionSet(candidates.map((c) => submit(c.entry.short_title, showEntry(c.ref))));

/** "Meinten Sie …?": the close candidates, and the guided dialog pre-filled when the message told a case. */
export function clarifyCard(candidates: readonly Candidate[], offer?: CardAction): AdaptiveCard {
  return card(
    [
      heading(TEXTS.clarifyTitle),
      text(TEXTS.clarifyText),
      ...candidates.flatMap((c) => [
        text(`**${plain(c.entry.title)}** – ${plain(c.entry.summary)}`, { size: 'Small' }),
      ]),
      ...candidateButtons(candidates),
    ],
    offer ? [offer] : [],
  );
}

/** Unsure: in-domain suggestions with the guided dialog, or (out of scope) what the bot can help with. */
export function unsureCard(suggestions: readonly Candidate[] = [], outOfScope = false, forward?: string): AdaptiveCard {
  const ask =
    forward === undefined
      ? []
      : [submit(TEXTS.forwarding.offer, { verb: 'forward', action: 'form', text: forward.slice(0, 1500) })];
  if (suggestions.length)
    return card(
      [heading(TEXTS.suggestTitle), text(TEXTS.suggestText), ...candidateButtons(suggestions)],
      [submit(TEXTS.buttons.startGuide, guide({ action: 'start' })), ...ask],
    );
  return card(
    outOfScope
      ? [heading(TEXTS.outOfScopeTitle), text(TEXTS.outOfScopeText)]
      : [heading(TEXTS.unsureTitle), text(TEXTS.unsureText)],
    [
      submit(TEXTS.buttons.startGuide, guide({ action: 'start' })),
      ...ask,
      submit(TEXTS.buttons.directory, { verb: 'directory' }),
      ...TEXTS.exampleQuestions.map((q) => submit(q, askQuestion(q))),
    ].slice(0, MAX_CARD_ACTIONS),
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
