import type { Entry } from '../knowledge/schema';
import type { SEARCH_CONFIG } from './config';

export type FieldName = keyof typeof SEARCH_CONFIG.fieldWeights;

/** The searchable text of an entry, field by field. */
export function fieldsOf(entry: Entry): Record<FieldName, string> {
  const common = {
    title: entry.title,
    keywords: entry.keywords.join(' · '),
    questions: entry.questions.join(' · '),
    summary: entry.summary,
  };
  const body = (...parts: (string | readonly string[] | undefined)[]) => parts.flat().filter(Boolean).join(' · ');
  switch (entry.kind) {
    case 'step':
      return {
        ...common,
        aliases: '',
        body: body(entry.details, entry.when, entry.actions, entry.document, entry.responsible, entry.then),
      };
    case 'agency':
      return {
        ...common,
        aliases: entry.aliases.join(' · '),
        keywords: [common.keywords, ...contactWords(entry)].join(' · '),
        body: body(entry.details, entry.role, entry.when),
      };
    case 'form':
      return { ...common, aliases: `Vordruck ${entry.number}`, body: body(entry.details, entry.for_whom) };
    case 'topic':
      return { ...common, aliases: '', body: body(entry.details) };
    case 'offering':
      return { ...common, aliases: '', body: body(entry.details, entry.audience) };
  }
}

/** An agency with a phone number answers "Telefonnummer …", one with an address "Adresse …". */
function contactWords(agency: Extract<Entry, { kind: 'agency' }>): string[] {
  const contact = agency.contact;
  return [
    ...(contact.phone.length ? ['Telefon', 'Telefonnummer', 'Rufnummer', 'anrufen'] : []),
    ...(contact.email ? ['E-Mail', 'Mailadresse'] : []),
    ...(contact.address ? ['Adresse', 'Anschrift'] : []),
  ];
}
