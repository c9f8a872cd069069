import type { Knowledge } from '../knowledge/knowledge';
import { refOf } from '../knowledge/knowledge';
import type { Agency, Entry, Form, Step } from '../knowledge/schema';
import { TEXTS } from '../texts';
import { followUp, guide, showEntry } from './actions';
import {
  actionSet,
  bulletList,
  card,
  heading,
  label,
  notice,
  plain,
  section,
  small,
  submit,
  text,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
} from './adaptive';
import { agencyContactElements } from './agency-contact';
import { sourceLine, unconfirmedLines } from './entry-facts';

/** The full card for one entry, with its follow-up buttons. */
export function entryCard(entry: Entry, knowledge: Knowledge, lead: CardElement[] = []): AdaptiveCard {
  return card([...lead, ...entryBody(entry, knowledge)], followUpActions(entry));
}

export function entryBody(entry: Entry, knowledge: Knowledge): CardElement[] {
  return [
    heading(entry.title),
    text(plain(entry.summary)),
    ...kindBody(entry, knowledge),
    ...section(TEXTS.labels.goodToKnow, entry.details),
    ...provenance(entry, knowledge),
  ];
}

function kindBody(entry: Entry, knowledge: Knowledge): CardElement[] {
  switch (entry.kind) {
    case 'step':
      return stepBody(entry, knowledge);
    case 'agency':
      return [
        label(TEXTS.labels.role),
        text(plain(entry.role)),
        label(TEXTS.labels.contactWhen),
        text(plain(entry.when)),
        ...agencyContactElements(entry, knowledge),
      ];
    case 'form':
      return formBody(entry, knowledge);
    case 'offering':
      return [label(TEXTS.labels.audience), text(plain(entry.audience))];
    case 'topic':
      return [];
  }
}

function stepBody(step: Step, knowledge: Knowledge): CardElement[] {
  const agencies = step.agencies.map((id) => knowledge.agency(id)).filter((a): a is Agency => !!a);
  const forms = step.forms.map((id) => knowledge.form(id)).filter((f): f is Form => !!f);
  return [
    small(`Schritt ${step.order} von ${knowledge.steps.length - 1} · ${TEXTS.labels.when}: ${plain(step.when)}`),
    ...section(TEXTS.labels.todo, step.actions),
    ...section(TEXTS.labels.document, step.document),
    label(TEXTS.labels.responsible),
    text(plain(step.responsible)),
    ...actionSet(agencies.map((a) => submit(a.title, showEntry(refOf(a))))),
    ...(forms.length ? [label(TEXTS.labels.forms), bulletList(forms.map((f) => `${f.number}: ${f.title}`))] : []),
    ...(step.legal_basis.length ? [small(`${TEXTS.labels.legal}: ${plain(step.legal_basis.join('; '))}`)] : []),
    label(TEXTS.labels.then),
    text(plain(step.then)),
  ];
}

function formBody(form: Form, knowledge: Knowledge): CardElement[] {
  const step = knowledge.step(form.step);
  return [
    small(`Vordruck ${form.number}`),
    label(TEXTS.labels.forWhom),
    text(plain(form.for_whom)),
    ...(step ? [small(`Gehört zu Schritt ${step.order}: ${plain(step.title)}`)] : []),
    ...(form.legal_basis.length ? [small(`${TEXTS.labels.legal}: ${plain(form.legal_basis.join('; '))}`)] : []),
  ];
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
    small(plain(sourceLine(entry))),
  ];
}

/** "Nächster Schritt", "Zuständige Stelle", "Vordruck" where the entry has them. */
export function followUpActions(entry: Entry): CardAction[] {
  const ref = refOf(entry);
  const actions: CardAction[] = [];
  if (entry.kind === 'step') {
    if (entry.next.length) actions.push(submit(TEXTS.buttons.nextStep, followUp('next', ref)));
    if (entry.agencies.length) actions.push(submit(TEXTS.buttons.responsibleAgency, followUp('agency', ref)));
    if (entry.forms.length) actions.push(submit(TEXTS.buttons.form, followUp('form', ref)));
    actions.push(submit(TEXTS.buttons.startGuide, guide({ action: 'start' })));
  }
  if (entry.kind === 'form') actions.push(submit('Zum Schritt', showEntry(`step:${entry.step}`)));
  return actions;
}
