import type { Knowledge } from '../knowledge/knowledge';
import type { Agency } from '../knowledge/schema';
import { T } from '../texts';
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
  const c = agency.contact;
  const facts: { title: string; value: string }[] = [
    ...c.phone.map((p) => ({
      title: `${T.labels.phone} (${plain(p.label)})`,
      value: `[${plain(p.number)}](${telHref(p.number)})`,
    })),
    ...(c.email ? [{ title: T.labels.email, value: `[${plain(c.email)}](mailto:${c.email})` }] : []),
    ...(c.address ? [{ title: T.labels.address, value: plain(c.address) }] : []),
    ...(c.web ? [{ title: T.labels.web, value: `[${plain(new URL(c.web).hostname)}](${c.web})` }] : []),
    ...(c.web_path ? [{ title: T.labels.webPath, value: plain(c.web_path) }] : []),
    ...(c.hours ? [{ title: T.labels.hours, value: plain(c.hours) }] : []),
    ...(c.people.length ? [{ title: T.labels.people, value: plain(c.people.join(', ')) }] : []),
  ];
  const elements: CardElement[] = [label('Kontakt')];
  if (facts.length === 0) {
    const helpers = agency.ask.map((id) => knowledge.agency(id)).filter((a): a is Agency => !!a);
    elements.push(text(T.labels.contactUnknown));
    if (helpers.length) {
      elements.push(text(`${T.labels.askInstead}: ${helpers.map((h) => plain(h.title)).join('; ')}`));
      elements.push(...actionSet(helpers.map((h) => submit(h.title, showEntry(`agency:${h.id}`)))));
    }
    return elements;
  }
  elements.push({ type: 'FactSet', facts });
  if (c.unconfirmed) elements.push(notice('warning', [text(`⚠ ${T.labels.contactUnconfirmed}`, { size: 'Small' })]));
  if (c.as_of) elements.push(small(`${T.labels.asOf} der Kontaktdaten: ${plain(c.as_of)}`));
  return elements;
}
