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

/** Terms of every group member that the query mentions, minus the terms already typed. */
export function expandSynonyms(terms: readonly string[], groups: readonly PhraseGroup[]): string[] {
  const typed = new Set(terms);
  const added = new Set<string>();
  for (const group of groups) {
    if (!group.some((phrase) => containsPhrase(terms, phrase))) continue;
    for (const phrase of group) for (const t of phrase) if (!typed.has(t)) added.add(t);
  }
  return [...added];
}
