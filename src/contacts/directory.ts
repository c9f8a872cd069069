import type { Knowledge } from '../knowledge/knowledge';
import { AGENCY_CATEGORIES, type Agency, type AgencyCategory } from '../knowledge/schema';
import type { AnswerEngine } from '../search/engine';

export const CATEGORY_TITLES: Readonly<Record<AgencyCategory, string>> = {
  schule: 'Schule & Schulaufsicht',
  jugendhilfe: 'Jugendhilfe & Kinderschutz',
  beratung: 'Beratung & Gesundheit',
  ordnung: 'Ordnung & Justiz',
  uebergang: 'Übergang & Beruf',
};

export const categories = (knowledge: Knowledge) =>
  AGENCY_CATEGORIES.map((category) => ({
    category,
    title: CATEGORY_TITLES[category],
    agencies: inCategory(knowledge, category),
  }));

export const inCategory = (knowledge: Knowledge, category: AgencyCategory): Agency[] =>
  knowledge.agencies.filter((a) => a.category === category).sort((a, b) => a.title.localeCompare(b.title, 'de'));

/**
 * The agencies a contact question points to: the agency itself, or the ones responsible
 * for the step, form or topic the question is about. Abbreviations and typos go through the engine.
 */
export function findAgencies(text: string, engine: AnswerEngine, knowledge: Knowledge): Agency[] {
  const answer = engine.ask(text);
  if (answer.decision === 'unsure') return [];
  const found: Agency[] = [];
  const add = (a: Agency | undefined) => a && !found.includes(a) && found.push(a);
  const top = answer.candidates[0]!;
  for (const { entry, score } of answer.candidates)
    if (entry.kind === 'agency' && score >= top.score * 0.85) add(entry);
  if (found.length === 0) {
    const entry = top.entry;
    const step = entry.kind === 'step' ? entry : entry.kind === 'form' ? knowledge.step(entry.step) : undefined;
    step?.agencies.forEach((id) => add(knowledge.agency(id)));
    if (entry.kind !== 'step') entry.ask.forEach((id) => add(knowledge.agency(id)));
  }
  return found.slice(0, 5);
}
