import { analyze } from './analyzer';

/** A group of equivalent phrases, each as its analysed term sequence. */
export type PhraseGroup = readonly (readonly string[])[];

export function compileGroups(groups: readonly (readonly string[])[]): PhraseGroup[] {
  return groups.map((g) => g.map((phrase) => analyze(phrase)).filter((terms) => terms.length > 0));
}

export function compilePhrases(phrases: readonly string[]): (readonly string[])[] {
  return phrases.map((p) => analyze(p)).filter((terms) => terms.length > 0);
}

/** True when `phrase` occurs as a contiguous run in `terms`. */
export function containsPhrase(terms: readonly string[], phrase: readonly string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= terms.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (terms[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

/** A synonym term standing in for a typed term; multi-word phrases count less per term. */
export interface Alternative {
  readonly term: string;
  readonly share: number;
}

/**
 * For each typed term that is part of a matched synonym phrase: the other phrases' terms.
 * They compete with the typed term in its own slot, so synonyms never inflate the score.
 */
export function synonymAlternatives(terms: readonly string[], groups: readonly PhraseGroup[]): Map<string, Alternative[]> {
  const out = new Map<string, Alternative[]>();
  for (const group of groups) {
    const matched = group.filter((phrase) => containsPhrase(terms, phrase));
    if (matched.length === 0) continue;
    const alternatives = group
      .filter((phrase) => !matched.includes(phrase))
      .flatMap((phrase) => phrase.map((term) => ({ term, share: 1 / phrase.length })));
    for (const phrase of matched) {
      for (const t of phrase) out.set(t, [...(out.get(t) ?? []), ...alternatives]);
    }
  }
  return out;
}
