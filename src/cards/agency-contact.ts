import type { Knowledge } from '../knowledge/knowledge';
import type { Agency } from '../knowledge/schema';
import { TEXTS } from '../texts';
import { showEntry } from './actions';
import { actionSet, label, notice, plain, small, submit, text, type CardElement } from './adaptive';

const telHref = (n: string) => `tel:${n.replace(/[^\d+]/g, '')}`;

/** One line per agency in lists: name, first phone number as a tel: link, and a short note. */
export function agencyLine(agency: Agency, note: string): CardElement {
  const phone = agency.contact.phone[0];
  const call = phone ? ` · [${plain(phone.number)}](${telHref(phone.number)})` : '';
  return text(`**${plain(agency.title)}**${call} – ${plain(note)}`, { size: 'Small' });
}

/** Contact facts as card elements: tel: and mailto: links, or a plain "not known". */
export function agencyContactElements(agency: Agency, knowledge: Knowledge): CardElement[] {
  const contact = agency.contact;
  const facts: { title: string; value: string }[] = [
    ...contact.phone.map((p) => ({
      title: `${TEXTS.labels.phone} (${plain(p.label)})`,
      value: `[${plain(p.number)}](${telHref(p.number)})`,
    })),
    ...(contact.email
      ? [{ title: TEXTS.labels.email, value: `[${plain(contact.email)}](mailto:${contact.email})` }]
      : []),
    ...(contact.address ? [{ title: TEXTS.labels.address, value: plain(contact.address) }] : []),
    ...(contact.web
      ? [{ title: TEXTS.labels.web, value: `[${plain(new URL(contact.web).hostname)}](${contact.web})` }]
      : []),
    ...(contact.web_path ? [{ title: TEXTS.labels.webPath, value: plain(contact.web_path) }] : []),
    ...(contact.hours ? [{ title: TEXTS.labels.hours, value: plain(contact.hours) }] : []),
    ...(contact.people.length ? [{ title: TEXTS.labels.people, value: plain(contact.people.join(', ')) }] : []),
  ];
  const elements: CardElement[] = [label('Kontakt')];
  if (facts.length === 0) {
    const helpers = agency.ask.map((id) => knowledge.agency(id)).filter((a): a is Agency => !!a);
    elements.push(text(TEXTS.labels.contactUnknown));
    if (helpers.length) {
      elements.push(text(`${TEXTS.labels.askInstead}: ${helpers.map((h) => plain(h.title)).join('; ')}`));
      elements.push(...actionSet(helpers.map((h) => submit(h.title, showEntry(`agency:${h.id}`)))));
    }
    return elements;
  }
  elements.push({ type: 'FactSet', facts });
  if (contact.unconfirmed)
    elements.push(notice('warning', [text(`⚠ ${TEXTS.labels.contactUnconfirmed}`, { size: 'Small' })]));
  if (contact.as_of) elements.push(small(`${TEXTS.labels.asOf} der Kontaktdaten: ${plain(contact.as_of)}`));
  return elements;
}
