import { guide, showEntry } from '../cards/actions';
import {
  actionSet,
  bulletList,
  card,
  heading,
  hiddenPart,
  label,
  MAX_CARD_ACTIONS,
  notice,
  plain,
  section,
  small,
  submit,
  text,
  toggle,
  type AdaptiveCard,
  type CardElement,
} from '../cards/adaptive';
import { agencyLine, contactLine } from '../cards/agency-contact';
import { allActions } from '../cards/card-measure';
import { withChildProtectionBanner } from '../cards/child-protection';
import { fitFirstScreen, splitSummary, unconfirmedNote, type FirstScreenBudget } from '../cards/entry-card';
import { CHILD_PROTECTION_STEP } from '../knowledge/contract';
import { sourceLine, unconfirmedLines } from '../cards/entry-facts';
import type { Knowledge } from '../knowledge/knowledge';
import { refOf } from '../knowledge/knowledge';
import { TEXTS } from '../texts';
import type { Answers, FlowEngine } from './flow-engine';
import type { QuestionNode } from './flow-schema';
import type { ResolvedOutcome } from './outcome';

const chunks = <X>(items: readonly X[], size: number): X[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

const controls = (canGoBack: boolean) => [
  ...(canGoBack ? [submit(TEXTS.guide.back, guide({ action: 'back' }))] : []),
  submit(TEXTS.guide.restart, guide({ action: 'restart' })),
  submit(TEXTS.guide.cancel, guide({ action: 'cancel' })),
];

/** What the teacher already told us, as "Frage: Antwort" lines. */
export function answeredLines(engine: FlowEngine, answers: Answers, only?: readonly string[]): string[] {
  return engine.questions
    .filter((q, i, all) => all.findIndex((o) => o.slot === q.slot) === i)
    .filter((q) => answers[q.slot] && (!only || only.includes(q.slot)))
    .map(
      (q) =>
        `${q.text.replace(/\?$/, '')}: ${q.options.find((o) => o.value === answers[q.slot])?.title ?? answers[q.slot]}`,
    );
}

export function questionCard(
  engine: FlowEngine,
  question: QuestionNode,
  answers: Answers,
  prefilled: readonly string[],
  canGoBack: boolean,
): AdaptiveCard {
  const taken = answeredLines(engine, answers, prefilled);
  return card(
    [
      small(TEXTS.guide.label),
      heading(question.text),
      ...(question.hint ? [text(plain(question.hint), { isSubtle: true })] : []),
      ...(taken.length
        ? [notice('accent', [text(TEXTS.guide.prefilled, { size: 'Small', weight: 'Bolder' }), bulletList(taken)])]
        : []),
      ...chunks(question.options, 3).flatMap((group) =>
        actionSet(group.map((o) => submit(o.title, guide({ action: 'choose', node: question.id, value: o.value })))),
      ),
      small(TEXTS.guide.typeHint),
    ],
    controls(canGoBack),
  );
}

/** The guided dialog's result, laid out like an answer: first screen short, the rest behind "Mehr anzeigen". */
export function outcomeCard(outcome: ResolvedOutcome, knowledge: Knowledge, canGoBack: boolean): AdaptiveCard {
  return fitFirstScreen((budget) => buildOutcome(outcome, knowledge, canGoBack, budget));
}

function buildOutcome(
  outcome: ResolvedOutcome,
  knowledge: Knowledge,
  canGoBack: boolean,
  { bullets, contacts, brief }: FirstScreenBudget,
) {
  const { step } = outcome;
  const todo = [...outcome.notes, ...outcome.actions];
  const [contact] = outcome.agencies;
  const shownContact = contacts > 0 ? contact : undefined;
  const more = [
    ...section(bullets > 0 ? TEXTS.labels.moreTodo : TEXTS.labels.todo, todo.slice(bullets)),
    ...section(TEXTS.labels.document, step.document),
    label(TEXTS.labels.responsible),
    text(plain(step.responsible)),
    ...outcome.agencies.map((a) => agencyLine(a, a.when)),
    ...(outcome.forms.length ? [label(TEXTS.labels.forms), bulletList(outcome.forms.map((f) => f.title))] : []),
    ...(step.legal_basis.length ? [small(`${TEXTS.labels.legal}: ${plain(step.legal_basis.join('; '))}`)] : []),
    label(TEXTS.labels.then),
    text(plain(step.then)),
    ...unverified(step, knowledge),
    small(plain(sourceLine(step, knowledge))),
  ];
  const body = [
    small(TEXTS.guide.label),
    heading(`Schritt ${step.order}: ${outcome.headline}`),
    text(plain(splitSummary(outcome.summary, brief)[0] ?? outcome.summary)),
    ...(bullets > 0 ? [label(TEXTS.labels.todoNow), bulletList(todo.slice(0, bullets))] : []),
    ...(shownContact ? [contactLine(shownContact, knowledge)] : []),
    ...(outcome.forms.length ? [small(`${TEXTS.labels.forms}: ${outcome.forms.map((f) => f.number).join(', ')}`)] : []),
    ...unconfirmedNote(step, true),
    hiddenPart('mehr', more),
  ];
  const actions = [
    toggle(TEXTS.buttons.more, 'mehr'),
    ...(contact ? [submit(contact.short_title, showEntry(refOf(contact)))] : []),
    submit(TEXTS.guide.summary, guide({ action: 'summary' })),
    ...controls(canGoBack),
  ];
  const shown = card(body);
  const framed =
    step.id === CHILD_PROTECTION_STEP ? withChildProtectionBanner(shown, knowledge, TEXTS.childProtectionLead) : shown;
  return { ...framed, actions: actions.slice(0, MAX_CARD_ACTIONS - allActions(framed).length) };
}

function unverified(entry: ResolvedOutcome['step'], knowledge: Knowledge): CardElement[] {
  const lines = unconfirmedLines(entry, knowledge);
  return lines.length
    ? [
        notice(
          'warning',
          lines.map((l) => text(`⚠ ${plain(l)}`, { size: 'Small' })),
        ),
      ]
    : [];
}

/** Plain text a teacher can paste into a case file. No names are asked for or stored. */
export function summaryText(
  engine: FlowEngine,
  answers: Answers,
  outcome: ResolvedOutcome,
  knowledge: Knowledge,
  today: Date,
): string {
  return [
    `${TEXTS.guide.summaryTitle} (${today.toLocaleDateString('de-DE')})`,
    ...answeredLines(engine, answers).map((l) => `- ${l}`),
    '',
    `Empfehlung: Schritt ${outcome.step.order} – ${outcome.headline}`,
    ...[...outcome.notes, ...outcome.actions].map((a) => `- ${a}`),
    ...(outcome.forms.length ? [`Vordrucke: ${outcome.forms.map((f) => `${f.number} (${f.title})`).join('; ')}`] : []),
    ...(outcome.agencies.length ? [`Zuständig: ${outcome.agencies.map((a) => a.title).join('; ')}`] : []),
    `Danach: ${outcome.step.then}`,
    sourceLine(outcome.step, knowledge),
  ].join('\n');
}
