import type { Knowledge } from '../knowledge/knowledge';
import type { Agency } from '../knowledge/schema';
import { TEXTS } from '../texts';
import { label, notice, plain, small, telHref, text, type CardElement } from './adaptive';

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
    }
    return elements;
  }
  elements.push({ type: 'FactSet', facts });
  if (contact.unconfirmed)
    elements.push(notice('warning', [text(`⚠ ${TEXTS.labels.contactUnconfirmed}`, { size: 'Small' })]));
  if (contact.as_of) elements.push(small(`${TEXTS.labels.asOf} der Kontaktdaten: ${plain(contact.as_of)}`));
  return elements;
}

/**
 * The one contact line of a first screen: the agency and its quickest way – a number to tap, a mail
 * address, a web page – or, when none is known, who knows.
 */
export function contactLine(agency: Agency, knowledge: Knowledge): CardElement {
  const { phone, email, web, web_path: webPath } = agency.contact;
  const ways = [
    ...phone.slice(0, 1).map((p) => `[${plain(p.number)}](${telHref(p.number)})`),
    ...(email ? [`[${plain(email)}](mailto:${email})`] : []),
    ...(web && !phone.length ? [`[${plain(new URL(web).hostname.replace(/^www\./, ''))}](${web})`] : []),
  ];
  const fallback = webPath
    ? plain(webPath)
    : (agency.ask
        .map((id) => knowledge.agency(id)?.short_title)
        .filter(Boolean)
        .map((t) => `${TEXTS.labels.askInstead}: ${plain(t!)}`)[0] ?? TEXTS.labels.contactUnknown);
  return text(
    `**${TEXTS.labels.contact}:** ${plain(agency.short_title)} · ${ways.length ? ways.join(' · ') : fallback}`,
  );
}
