import type { Knowledge } from '../knowledge/knowledge';
import { refOf } from '../knowledge/knowledge';
import type { Agency, Entry, Form, Step } from '../knowledge/schema';
import { TEXTS } from '../texts';
import { followUp, guide, showEntry } from './actions';
import {
  bulletList,
  card,
  heading,
  hiddenPart,
  label,
  MAX_CARD_ACTIONS,
  notice,
  openUrl,
  plain,
  section,
  small,
  submit,
  text,
  toggle,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
} from './adaptive';
import { agencyContactElements, contactLine } from './agency-contact';
import { allActions, firstScreenText } from './card-measure';
import { withChildProtectionBanner } from './child-protection';
import { sourceLine, unconfirmedLines } from './entry-facts';

/** What a teacher between two lessons reads before deciding to open more. */
export const FIRST_SCREEN_MAX = 700;
const MORE_ID = 'mehr';

/** How much of the "Jetzt tun" list and of the contacts the first screen shows. */
export interface FirstScreenBudget {
  readonly bullets: number;
  readonly contacts: number;
  /** The answer in one sentence and the unconfirmed note as a pointer (a banner takes room). */
  readonly brief: boolean;
  /** Without "Auch passend" buttons: the last resort. */
  readonly alone?: boolean;
}
/** Tried in order until the first screen fits: one thing to do beats a second contact. */
const BUDGETS: readonly FirstScreenBudget[] = [
  { bullets: 3, contacts: 2, brief: false },
  { bullets: 2, contacts: 2, brief: false },
  { bullets: 1, contacts: 2, brief: false },
  { bullets: 1, contacts: 1, brief: false },
  { bullets: 1, contacts: 1, brief: true },
  { bullets: 0, contacts: 1, brief: true },
  { bullets: 0, contacts: 0, brief: true },
  { bullets: 0, contacts: 0, brief: true, alone: true },
];

export interface EntryCardOptions {
  /** The child-protection line: the banner with the tap-to-call number goes on top. */
  readonly banner?: string;
  /** A direct answer above the summary ("Zuständig für Ihren Fall: …"). */
  readonly lead?: string;
  /** "Auch passend": other entries as buttons, after the entry's own. */
  readonly also?: readonly Entry[];
  /** Buttons that go before the entry's own (e.g. the guided dialog pre-filled). */
  readonly extra?: readonly CardAction[];
}

/**
 * One entry as a card: a first screen with the direct answer, at most three things to do now and the one
 * contact; everything else behind "Mehr anzeigen". At most six buttons, each title at most 40 characters.
 */
export function entryCard(entry: Entry, knowledge: Knowledge, options: EntryCardOptions = {}): AdaptiveCard {
  return fitFirstScreen((budget) => build(entry, knowledge, options, budget));
}

/** Builds with three "Jetzt tun" bullets and two contacts, then less, until the first screen fits. */
export function fitFirstScreen(build: (budget: FirstScreenBudget) => AdaptiveCard): AdaptiveCard {
  let built: AdaptiveCard | undefined;
  for (const budget of BUDGETS) {
    built = build(budget);
    if (firstScreenText(built).length <= FIRST_SCREEN_MAX) return built;
  }
  return built!;
}

function build(entry: Entry, knowledge: Knowledge, options: EntryCardOptions, budget: FirstScreenBudget): AdaptiveCard {
  const { bullets } = budget;
  const [answer, ...restOfSummary] = splitSummary(entry.summary, budget.brief);
  const more = [
    ...(restOfSummary.length ? [text(plain(restOfSummary.join(' ')))] : []),
    ...kindMore(entry, knowledge, bullets),
    ...section(TEXTS.labels.goodToKnow, entry.details),
    ...provenance(entry, knowledge),
  ];
  const body = [
    heading(entry.short_title),
    ...(entry.scope === 'andere' ? [small(TEXTS.labels.otherRegion)] : []),
    ...(options.lead ? [text(options.lead)] : []),
    text(plain(answer ?? entry.summary)),
    ...kindFirst(entry, knowledge, budget),
    ...unconfirmedNote(entry, budget.brief),
    hiddenPart(MORE_ID, more),
  ];
  const bare = card(body);
  const framed = options.banner ? withChildProtectionBanner(bare, knowledge, options.banner) : bare;
  const room = MAX_CARD_ACTIONS - allActions(framed).length;
  const own = followUpActions(entry);
  const alsoShown = budget.alone ? [] : (options.also ?? []).filter((e) => !reachedBy(entry, e));
  const actions = distinct([
    toggle(TEXTS.buttons.more, MORE_ID),
    ...(options.extra ?? []),
    ...own,
    ...alsoShown.map((e) => submit(e.short_title, showEntry(refOf(e)))),
  ]).slice(0, room);
  return { ...framed, actions };
}

/** "z. B.", "Abs.", "Nr.", "1.": a full stop that does not end a sentence. */
const ABBREVIATION = /(?:^|[\s(])(?:\p{L}{1,2}|abs|bzw|ca|ggf|inkl|nr|tel|usw|vgl|\d+)\.$/iu;

/** The one or two sentences that answer (one when `brief`); the rest goes behind "Mehr anzeigen". */
export function splitSummary(summary: string, brief = false): string[] {
  const pieces = summary.match(/[^.!?]+(?:[.!?]+(?=\s|$)|$)/g)?.map((s) => s.trim()) ?? [summary];
  const sentences = pieces.reduce<string[]>((out, piece) => {
    const last = out[out.length - 1];
    if (last !== undefined && ABBREVIATION.test(last)) out[out.length - 1] = `${last} ${piece}`;
    else out.push(piece);
    return out;
  }, []);
  const first = sentences[0]!;
  const lead = !brief && first.length < 120 && sentences[1] ? `${first} ${sentences[1]}` : first;
  const rest = sentences.slice(lead === first ? 1 : 2);
  return [lead, ...(rest.length ? [rest.join(' ')] : [])];
}

function kindFirst(entry: Entry, knowledge: Knowledge, { bullets, contacts }: FirstScreenBudget): CardElement[] {
  switch (entry.kind) {
    case 'step': {
      return [
        ...(bullets > 0 ? [label(TEXTS.labels.todoNow), bulletList(entry.actions.slice(0, bullets))] : []),
        ...firstContacts(entry, knowledge, contacts).map((a) => contactLine(a, knowledge)),
      ];
    }
    case 'agency':
      return [contactLine(entry, knowledge)];
    case 'form':
      return [small(`${TEXTS.labels.forWhom}: ${plain(entry.for_whom)}`)];
    case 'offering':
      return [small(`${TEXTS.labels.audience}: ${plain(entry.audience)}`)];
    case 'topic':
      return [];
  }
}

/** The one contact; two when the step names exactly two alternatives (e.g. by school type). */
function firstContacts(step: Step, knowledge: Knowledge, room: number): Agency[] {
  const agencies = step.agencies.map((id) => knowledge.agency(id)).filter((a): a is Agency => !!a);
  return agencies.slice(0, Math.min(room, agencies.length === 2 ? 2 : 1));
}

function kindMore(entry: Entry, knowledge: Knowledge, bullets: number): CardElement[] {
  switch (entry.kind) {
    case 'step':
      return stepMore(entry, knowledge, bullets);
    case 'agency':
      return [
        label(TEXTS.labels.role),
        text(plain(entry.role)),
        label(TEXTS.labels.contactWhen),
        text(plain(entry.when)),
        ...agencyContactElements(entry, knowledge),
      ];
    case 'form':
      return formMore(entry, knowledge);
    case 'offering':
    case 'topic':
      return [];
  }
}

function stepMore(step: Step, knowledge: Knowledge, bullets: number): CardElement[] {
  const agencies = step.agencies.map((id) => knowledge.agency(id)).filter((a): a is Agency => !!a);
  const forms = step.forms.map((id) => knowledge.form(id)).filter((f): f is Form => !!f);
  return [
    small(`Schritt ${step.order} von ${knowledge.steps.length - 1} · ${TEXTS.labels.when}: ${plain(step.when)}`),
    ...section(bullets > 0 ? TEXTS.labels.moreTodo : TEXTS.labels.todo, step.actions.slice(bullets)),
    ...section(TEXTS.labels.document, step.document),
    label(TEXTS.labels.responsible),
    text(plain(step.responsible)),
    ...(agencies.length ? [bulletList(agencies.map((a) => a.title))] : []),
    ...(forms.length ? [label(TEXTS.labels.forms), bulletList(forms.map((f) => f.title))] : []),
    ...(step.legal_basis.length ? [small(`${TEXTS.labels.legal}: ${plain(step.legal_basis.join('; '))}`)] : []),
    label(TEXTS.labels.then),
    text(plain(step.then)),
  ];
}

function formMore(form: Form, knowledge: Knowledge): CardElement[] {
  const step = knowledge.step(form.step);
  return [
    ...(step ? [small(`Gehört zu Schritt ${step.order}: ${plain(step.title)}`)] : []),
    ...(form.legal_basis.length ? [small(`${TEXTS.labels.legal}: ${plain(form.legal_basis.join('; '))}`)] : []),
  ];
}

/** Short and visible where a point is unconfirmed; the full note sits behind "Mehr anzeigen". */
export function unconfirmedNote(entry: Entry, brief: boolean): CardElement[] {
  if (entry.verified && entry.unconfirmed.length === 0) return [];
  const first = entry.unconfirmed[0];
  const line =
    !brief && first && first.length <= 140 && entry.unconfirmed.length === 1
      ? `${TEXTS.labels.unverified}: ${first}`
      : TEXTS.labels.unconfirmedShort;
  return [notice('warning', [text(`⚠ ${plain(line)}`, { size: 'Small' })])];
}

function provenance(entry: Entry, knowledge: Knowledge): CardElement[] {
  const unconfirmed = unconfirmedLines(entry, knowledge);
  return [
    ...(unconfirmed.length
      ? [
          notice(
            'warning',
            unconfirmed.map((l) => text(`⚠ ${plain(l)}`, { size: 'Small' })),
          ),
        ]
      : []),
    small(plain(sourceLine(entry, knowledge))),
  ];
}

/** The entry's own buttons: what follows, who, which form, the guided dialog; a form's download page. */
export function followUpActions(entry: Entry): CardAction[] {
  const ref = refOf(entry);
  const actions: CardAction[] = [];
  if (entry.kind === 'step') {
    if (entry.next.length) actions.push(submit(TEXTS.buttons.nextStep, followUp('next', ref)));
    if (entry.agencies.length) actions.push(submit(TEXTS.buttons.responsibleAgency, followUp('agency', ref)));
    if (entry.forms.length) actions.push(submit(TEXTS.buttons.form, followUp('form', ref)));
    actions.push(submit(TEXTS.buttons.startGuide, guide({ action: 'start' })));
  }
  if (entry.kind === 'form') {
    actions.push(openUrl(TEXTS.buttons.download, entry.download));
    actions.push(submit(TEXTS.buttons.toStep, showEntry(`step:${entry.step}`)));
  }
  return actions;
}

/** An entry the entry's own buttons already lead to is not offered again. */
function reachedBy(entry: Entry, other: Entry): boolean {
  if (refOf(other) === refOf(entry)) return true;
  if (entry.kind !== 'step') return entry.kind === 'form' && other.kind === 'step' && other.id === entry.step;
  const ids: readonly string[] =
    other.kind === 'agency'
      ? entry.agencies
      : other.kind === 'form'
        ? entry.forms
        : other.kind === 'step'
          ? entry.next
          : [];
  return ids.includes(other.id);
}

/** No button twice: the same title or the same target. */
function distinct(actions: readonly CardAction[]): CardAction[] {
  const seen = new Set<string>();
  return actions.filter((a) => {
    const keys = [`t:${String(a.title)}`, `d:${JSON.stringify(a.data ?? a.url ?? a.targetElements)}`];
    if (keys.some((k) => seen.has(k))) return false;
    keys.forEach((k) => seen.add(k));
    return true;
  });
}
