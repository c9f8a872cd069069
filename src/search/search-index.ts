import type { Knowledge } from '../knowledge/knowledge';
import { refOf } from '../knowledge/knowledge';
import type { Entry } from '../knowledge/schema';
import { analyze } from './analyzer';
import { SEARCH_CONFIG } from './config';
import { fieldsOf, type FieldName } from './fields';
import type { WeightedTerm } from './weighted-term';
import { compileGroups, type PhraseGroup } from './synonyms';
import { Vocabulary } from './vocabulary';
import { EVERYDAY_ENGLISH, EVERYDAY_GERMAN } from '../text/everyday';

/** Stems of everyday German words: never evidence that a question is about this domain. */
const EVERYDAY_STEMS: ReadonlySet<string> = new Set(EVERYDAY_GERMAN.flatMap((w) => analyze(w)));
/** Stems of everyday words in both languages: no evidence against the domain either. */
const NEUTRAL_STEMS: ReadonlySet<string> = new Set(
  [...EVERYDAY_GERMAN, ...EVERYDAY_ENGLISH].flatMap((w) => analyze(w)),
);

const FIELD_NAMES = Object.keys(SEARCH_CONFIG.fieldWeights) as FieldName[];
const SUBJECT_FIELDS: readonly FieldName[] = ['title', 'aliases', 'keywords'];

interface Posting {
  readonly doc: number;
  /** Length-normalised, field-weighted term frequency (BM25F). */
  readonly tf: number;
}

/** Everything the ranker needs, built once at start-up. */
export interface SearchIndex {
  readonly docs: readonly { readonly ref: string; readonly entry: Entry }[];
  readonly postings: ReadonlyMap<string, readonly Posting[]>;
  readonly idf: ReadonlyMap<string, number>;
  /** idf of a term no entry contains. */
  readonly unseenIdf: number;
  readonly vocabulary: Vocabulary;
  /** Resolved query terms, remembered (bounded). */
  readonly memo: Map<string, readonly WeightedTerm[]>;
  /** Terms used in titles, aliases or keywords, except everyday words: the subject words of the domain. */
  readonly subjectTerms: ReadonlySet<string>;
  /** The names of offices with many services (Ordnungsamt, Gesundheitsamt …): an addressee, not a matter. */
  readonly officeTerms: ReadonlySet<string>;
  /** Everyday words of both languages: unknown to the knowledge base, but no sign of another matter. */
  readonly neutralTerms: ReadonlySet<string>;
  readonly synonyms: readonly PhraseGroup[];
}

export function buildIndex(knowledge: Knowledge): SearchIndex {
  const docs = knowledge.entries.map((entry) => ({ ref: refOf(entry), entry }));
  const analysed = docs.map(({ entry }) => {
    const fields = fieldsOf(entry);
    return Object.fromEntries(FIELD_NAMES.map((f) => [f, analyze(fields[f])])) as Record<FieldName, string[]>;
  });
  const avgLength = Object.fromEntries(
    FIELD_NAMES.map((f) => [f, Math.max(1, analysed.reduce((sum, d) => sum + d[f].length, 0) / docs.length)]),
  ) as Record<FieldName, number>;

  const postings = new Map<string, Posting[]>();
  analysed.forEach((fields, doc) => {
    const weighted = new Map<string, number>();
    for (const f of FIELD_NAMES) {
      const { b } = SEARCH_CONFIG.bm25;
      const norm = 1 - b + (b * fields[f].length) / avgLength[f];
      for (const term of fields[f]) {
        weighted.set(term, (weighted.get(term) ?? 0) + SEARCH_CONFIG.fieldWeights[f] / norm);
      }
    }
    for (const [term, tf] of weighted) {
      const list = postings.get(term) ?? [];
      list.push({ doc, tf });
      postings.set(term, list);
    }
  });

  const n = docs.length;
  const bm25Idf = (df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
  const idf = new Map([...postings].map(([term, list]) => [term, bm25Idf(list.length)]));
  const vocabulary = new Vocabulary(postings.keys());
  const subjectTerms = new Set(
    analysed.flatMap((d) => SUBJECT_FIELDS.flatMap((f) => d[f])).filter((t) => !EVERYDAY_STEMS.has(t)),
  );
  const officeTerms = new Set(
    knowledge.agencies.filter((a) => a.many_services).flatMap((a) => analyze([a.short_title, ...a.aliases].join(' '))),
  );
  return {
    docs,
    postings,
    idf,
    unseenIdf: bm25Idf(0),
    vocabulary,
    subjectTerms,
    officeTerms,
    neutralTerms: NEUTRAL_STEMS,
    memo: new Map(),
    synonyms: compileGroups(knowledge.synonyms.groups),
  };
}
