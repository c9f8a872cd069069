import { SEARCH_CONFIG } from './config';
import type { SearchIndex } from './search-index';
import { resolveTerm } from './query';
import type { WeightedTerm } from './weighted-term';
import type { Alternative } from './synonyms';

export interface Ranking {
  /** Raw BM25F score per document index (only documents that matched). */
  readonly scores: ReadonlyMap<number, number>;
  /** The best score a document could reach for this query. */
  readonly maxPossible: number;
  /** idf-weighted share of the typed terms the knowledge base knows: subject words fully, other known words half. */
  readonly coverage: number;
  /** At least one typed term is a subject word of the domain. */
  readonly anchored: boolean;
  /** idf mass of typed terms that are subject words (exact, related form or synonym). */
  readonly anchorMass: number;
  /** idf mass of typed terms the knowledge base does not know at all (everyday words left out). */
  readonly unknownMass: number;
  /** The part of `anchorMass` from subject words that are not an office's name: what the question is about. */
  readonly matterMass: number;
}

const { k1 } = SEARCH_CONFIG.bm25;
const saturate = (tf: number) => (tf * (k1 + 1)) / (tf + k1);

/**
 * BM25F: each typed term is a slot, scored per document by its best index term
 * (exact, compound part, typo, or synonym at reduced weight).
 */
export function rank(
  typed: readonly string[],
  alternatives: ReadonlyMap<string, readonly Alternative[]>,
  index: SearchIndex,
  opts: { preferSynonyms?: boolean } = {},
): Ranking {
  const scores = new Map<number, number>();
  let maxPossible = 0;
  let understood = 0;
  let total = 0;
  let anchored = false;
  let anchorMass = 0;
  let unknownMass = 0;
  let matterMass = 0;

  for (const term of new Set(typed)) {
    const synonymsOf = alternatives.get(term) ?? [];
    const ownWeight = opts.preferSynonyms && synonymsOf.length ? SEARCH_CONFIG.englishOwnWeight : 1;
    const own =
      ownWeight === 1
        ? resolveTerm(term, index)
        : resolveTerm(term, index).map((r) => ({ ...r, weight: r.weight * ownWeight }));
    const fromSynonyms = synonymsOf.flatMap(({ term: alt, share }) =>
      resolveTerm(alt, index)
        .filter((r) => r.weight === 1)
        .map((r) => ({ term: r.term, weight: SEARCH_CONFIG.synonymWeight * share, anchor: true })),
    );
    const resolved: readonly WeightedTerm[] = fromSynonyms.length ? [...own, ...fromSynonyms] : own;
    const slotIdf = resolved.length
      ? Math.max(...resolved.map((r) => (index.idf.get(r.term) ?? 0) * r.weight))
      : index.unseenIdf * 0.6;
    total += slotIdf;
    const subject = resolved.some((r) => r.weight >= SEARCH_CONFIG.compoundWeight && index.subjectTerms.has(r.term));
    anchored ||= subject;
    const anchorIdf = Math.max(
      0,
      ...resolved
        .filter((r) => r.anchor && index.subjectTerms.has(r.term))
        .map((r) => (index.idf.get(r.term) ?? 0) * r.weight),
    );
    anchorMass += anchorIdf;
    matterMass += Math.max(
      0,
      ...resolved
        .filter((r) => r.anchor && index.subjectTerms.has(r.term) && !index.officeTerms.has(r.term))
        .map((r) => (index.idf.get(r.term) ?? 0) * r.weight),
    );
    if (!resolved.some((r) => r.anchor) && !index.neutralTerms.has(term))
      unknownMass += resolved.length ? index.unseenIdf * SEARCH_CONFIG.partialUnknown : index.unseenIdf;
    understood += subject ? slotIdf : resolved.length ? slotIdf * SEARCH_CONFIG.weakTermCoverage : 0;
    maxPossible += slotIdf * (k1 + 1);

    const best = new Map<number, number>();
    for (const { term: t, weight } of resolved) {
      const idf = index.idf.get(t) ?? 0;
      for (const { doc, tf } of index.postings.get(t) ?? []) {
        const s = weight * idf * saturate(tf);
        if (s > (best.get(doc) ?? 0)) best.set(doc, s);
      }
    }
    for (const [doc, s] of best) scores.set(doc, (scores.get(doc) ?? 0) + s);
  }
  const coverage = total > 0 ? understood / total : 0;
  return { scores, maxPossible, coverage, anchored, anchorMass, unknownMass, matterMass };
}
