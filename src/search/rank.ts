import { SEARCH_CONFIG } from './config';
import type { SearchIndex } from './index';
import { resolveTerm, type WeightedTerm } from './query';

export interface Ranking {
  /** Raw BM25F score per document index (only documents that matched). */
  readonly scores: ReadonlyMap<number, number>;
  /** The best score a document could reach for this query. */
  readonly maxPossible: number;
  /** idf-weighted share of the typed terms the index knows (0…1). */
  readonly coverage: number;
}

const { k1 } = SEARCH_CONFIG.bm25;
const saturate = (tf: number) => (tf * (k1 + 1)) / (tf + k1);

/**
 * BM25F over the typed terms (each scored by its best index term per document)
 * plus synonym terms at reduced weight.
 */
export function rank(typed: readonly string[], synonyms: readonly string[], index: SearchIndex): Ranking {
  const scores = new Map<number, number>();
  let maxPossible = 0;
  let understood = 0;
  let total = 0;

  const addSlot = (terms: readonly WeightedTerm[], slotWeight: number) => {
    const best = new Map<number, number>();
    for (const { term, weight } of terms) {
      const idf = index.idf.get(term) ?? 0;
      for (const { doc, tf } of index.postings.get(term) ?? []) {
        const s = slotWeight * weight * idf * saturate(tf);
        if (s > (best.get(doc) ?? 0)) best.set(doc, s);
      }
    }
    for (const [doc, s] of best) scores.set(doc, (scores.get(doc) ?? 0) + s);
  };

  for (const term of new Set(typed)) {
    const resolved = resolveTerm(term, index);
    const idf = resolved.length ? Math.max(...resolved.map((r) => (index.idf.get(r.term) ?? 0) * r.weight)) : index.unseenIdf * 0.6;
    total += idf;
    if (resolved.length) understood += idf;
    maxPossible += idf * (k1 + 1);
    addSlot(resolved, 1);
  }
  for (const term of synonyms) addSlot(resolveTerm(term, index).filter((r) => r.weight === 1), SEARCH_CONFIG.synonymWeight);
  return { scores, maxPossible, coverage: total > 0 ? understood / total : 0 };
}
