import { stem } from '../text/stem';
import { SEARCH_CONFIG } from './config';
import type { SearchIndex } from './search-index';
import type { WeightedTerm } from './weighted-term';

const MEMO_LIMIT = 20_000;

/** Maps one query term to index terms: exact, compound parts, compounds containing it, related forms, or typo. */
export function resolveTerm(term: string, index: SearchIndex): readonly WeightedTerm[] {
  let resolved = index.memo.get(term);
  if (!resolved) {
    resolved = resolveUncached(term, index);
    if (index.memo.size < MEMO_LIMIT) index.memo.set(term, resolved);
  }
  return resolved;
}

function resolveUncached(term: string, index: SearchIndex): WeightedTerm[] {
  const v = index.vocabulary;
  const containing = (weight: number) =>
    term.length >= 5 ? [...v.withPrefix(term), ...v.withSuffix(term)].map((t) => ({ term: t, weight })) : [];
  const related = () =>
    term.length >= SEARCH_CONFIG.relatedPrefix
      ? v
          .related(term, (o) =>
            Math.abs(o.length - term.length) > SEARCH_CONFIG.relatedMaxGap
              ? Infinity
              : Math.max(SEARCH_CONFIG.relatedPrefix, Math.min(o.length, term.length) - 1),
          )
          .map((t) => ({ term: t, weight: SEARCH_CONFIG.relatedWeight, anchor: true }))
      : [];

  if (v.has(term))
    return [
      { term, weight: 1, anchor: !/^\d+$/.test(term) },
      ...containing(SEARCH_CONFIG.containedWeight),
      ...related(),
    ];
  const infinitive = withoutParticipleGe(term);
  if (infinitive && v.has(infinitive)) return [{ term: infinitive, weight: SEARCH_CONFIG.relatedWeight, anchor: true }];
  const parts = splitCompound(term, v.has);
  if (parts.length > 0)
    return [
      ...parts.map((t) => ({ term: t, weight: SEARCH_CONFIG.compoundWeight })),
      ...containing(SEARCH_CONFIG.compoundWeight),
    ];
  const near = [...containing(SEARCH_CONFIG.compoundWeight), ...related()];
  if (near.length > 0) return near;
  if (term.length < SEARCH_CONFIG.fuzzyMinLength) return [];
  return v
    .fuzzy(term, 2)
    .filter((r) => Math.abs(r.term.length - term.length) <= SEARCH_CONFIG.fuzzyMaxGap)
    .map((r) => ({ term: r.term, weight: 1 - r.score, anchor: true }))
    .filter((t) => t.weight > 0);
}

/** "kinderpsychiatri" → ["kind", "psychiatri"] when both halves are known (Fugen-s allowed). */
function splitCompound(term: string, known: (t: string) => boolean): string[] {
  const asKnown = (part: string) => (known(part) ? part : known(stem(part)) ? stem(part) : undefined);
  for (let i = term.length - SEARCH_CONFIG.compoundMinPart; i >= SEARCH_CONFIG.compoundMinPart; i--) {
    const head = asKnown(term.slice(0, i));
    if (!head) continue;
    const rest = term.slice(i);
    const tail =
      asKnown(rest) ??
      (rest.startsWith('s') && rest.length > SEARCH_CONFIG.compoundMinPart ? asKnown(rest.slice(1)) : undefined);
    if (tail) return [head, tail];
  }
  return [];
}

const SEPARABLE = /^(an|ab|auf|aus|bei|ein|mit|nach|vor|weg|zu|zurueck|dazu|hin|her)ge(.{3,})$/;

/** Participles to their stem: "angeruf" (angerufen) → "anruf", "gemeldet" → "meldet". */
function withoutParticipleGe(term: string): string | undefined {
  const separable = SEPARABLE.exec(term);
  if (separable) return separable[1]! + separable[2]!;
  return term.startsWith('ge') && term.length > 5 ? term.slice(2) : undefined;
}
