import { stem } from './analyzer';
import { SEARCH_CONFIG } from './config';
import type { SearchIndex } from './index';

/** An index term a query word stands for, and how strongly. */
export interface WeightedTerm {
  readonly term: string;
  readonly weight: number;
}

const { compoundMinPart: MIN_PART } = SEARCH_CONFIG;

/** Maps one query term to index terms: exact, compound parts, compounds containing it, or typo. */
export function resolveTerm(term: string, index: SearchIndex): WeightedTerm[] {
  const known = (t: string) => index.postings.has(t);
  const containing = (weight: number) =>
    term.length >= 5
      ? index.vocabulary
          .filter((v) => v !== term && v.length > term.length && (v.startsWith(term) || v.endsWith(term)))
          .map((v) => ({ term: v, weight }))
      : [];

  if (known(term)) return [{ term, weight: 1 }, ...containing(SEARCH_CONFIG.containedWeight)];
  const parts = splitCompound(term, known);
  if (parts.length > 0) return [...parts.map((t) => ({ term: t, weight: SEARCH_CONFIG.compoundWeight })), ...containing(SEARCH_CONFIG.compoundWeight)];
  const inCompounds = containing(SEARCH_CONFIG.compoundWeight);
  if (inCompounds.length > 0) return inCompounds;
  if (term.length < SEARCH_CONFIG.fuzzyMinLength) return [];
  return index.fuzzyVocabulary
    .search(term, { limit: 2 })
    .map((r) => ({ term: r.item, weight: 1 - (r.score ?? 1) }))
    .filter((t) => t.weight > 0);
}

/** "kinderpsychiatri" → ["kind", "psychiatri"] when both halves are known (Fugen-s allowed). */
function splitCompound(term: string, known: (t: string) => boolean): string[] {
  const asKnown = (part: string) => (known(part) ? part : known(stem(part)) ? stem(part) : undefined);
  for (let i = term.length - MIN_PART; i >= MIN_PART; i--) {
    const head = asKnown(term.slice(0, i));
    if (!head) continue;
    const rest = term.slice(i);
    const tail = asKnown(rest) ?? (rest.startsWith('s') && rest.length > MIN_PART ? asKnown(rest.slice(1)) : undefined);
    if (tail) return [head, tail];
  }
  return [];
}
