import type { Knowledge } from '../knowledge/knowledge';
import type { Agency, Entry } from '../knowledge/schema';
import { T } from '../texts';

/** "Quelle: dortmund.de · Stand 2024 · Dortmund" */
export function sourceLine(entry: Entry): string {
  const hosts = [...new Set(entry.sources.map((s) => new URL(s).hostname.replace(/^www\d?\./, '')))];
  return `${T.labels.source}: ${hosts.slice(0, 3).join(', ')} · ${T.labels.asOf} ${entry.as_of} · ${T.scopeNote[entry.scope]}`;
}

/** The visible note for unconfirmed points, naming whom to ask. */
export function unconfirmedLines(entry: Entry, knowledge: Knowledge): string[] {
  if (entry.verified && entry.unconfirmed.length === 0) return [];
  const ask = entry.ask.map((id) => knowledge.agency(id)?.title ?? id);
  return [
    `${T.labels.unverified}: ${entry.unconfirmed.join(' ')}`,
    ...(ask.length ? [`${T.labels.askInstead}: ${ask.join(', ')}`] : []),
  ];
}

/** Contact facts as text lines; says plainly when none are known. */
export function contactLines(agency: Agency): string[] {
  const c = agency.contact;
  const lines = [
    ...c.phone.map((p) => `${T.labels.phone} (${p.label}): ${p.number}`),
    c.email && `${T.labels.email}: ${c.email}`,
    c.address && `${T.labels.address}: ${c.address}`,
    c.web && `${T.labels.web}: ${c.web}`,
    c.web_path && `${T.labels.webPath}: ${c.web_path}`,
    c.hours && `${T.labels.hours}: ${c.hours}`,
    c.people.length > 0 && `${T.labels.people}: ${c.people.join(', ')}`,
  ].filter((l): l is string => typeof l === 'string');
  if (lines.length === 0) return [T.labels.contactUnknown];
  if (c.unconfirmed) lines.push(T.labels.contactUnconfirmed);
  if (c.as_of) lines.push(`${T.labels.asOf} ${c.as_of}`);
  return lines;
}
