import { hostOf, type Knowledge } from '../knowledge/knowledge';
import type { Agency, Entry } from '../knowledge/schema';
import { TEXTS } from '../texts';

/** "Quelle: dortmund.de · Stand 2024 · Dortmund" – sources of doubtful standing are never named. */
export function sourceLine(entry: Entry, knowledge: Knowledge): string {
  const hosts = [...new Set(knowledge.shownSources(entry).map(hostOf))];
  const named = hosts.length ? hosts.slice(0, 3).join(', ') : TEXTS.labels.sourceNotShown;
  return `${TEXTS.labels.source}: ${named} · ${TEXTS.labels.asOf} ${entry.as_of} · ${TEXTS.scopeNote[entry.scope]}`;
}

/** The visible note for unconfirmed points, naming whom to ask. */
export function unconfirmedLines(entry: Entry, knowledge: Knowledge): string[] {
  if (entry.verified && entry.unconfirmed.length === 0) return [];
  const ask = entry.ask.map((id) => knowledge.agency(id)?.title ?? id);
  return [
    `${TEXTS.labels.unverified}: ${entry.unconfirmed.join(' ')}`,
    ...(ask.length ? [`${TEXTS.labels.askInstead}: ${ask.join(', ')}`] : []),
  ];
}

/** Contact facts as text lines; says plainly when none are known. */
export function contactLines(agency: Agency): string[] {
  const contact = agency.contact;
  const lines = [
    ...contact.phone.map((p) => `${TEXTS.labels.phone} (${p.label}): ${p.number}`),
    contact.email && `${TEXTS.labels.email}: ${contact.email}`,
    contact.address && `${TEXTS.labels.address}: ${contact.address}`,
    contact.web && `${TEXTS.labels.web}: ${contact.web}`,
    contact.web_path && `${TEXTS.labels.webPath}: ${contact.web_path}`,
    contact.hours && `${TEXTS.labels.hours}: ${contact.hours}`,
    contact.people.length > 0 && `${TEXTS.labels.people}: ${contact.people.join(', ')}`,
  ].filter((l): l is string => typeof l === 'string');
  if (lines.length === 0) return [TEXTS.labels.contactUnknown];
  if (contact.unconfirmed) lines.push(TEXTS.labels.contactUnconfirmed);
  if (contact.as_of) lines.push(`${TEXTS.labels.asOf} ${contact.as_of}`);
  return lines;
}
