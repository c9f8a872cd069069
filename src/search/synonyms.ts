import { analyze } from './analyzer';

/** A group of equivalent phrases, each as its analysed term sequence. */
export type PhraseGroup = readonly (readonly string[])[];

export function compileGroups(groups: readonly (readonly string[])[]): PhraseGroup[] {
  return groups.map((g) => g.map((phrase) => analyze(phrase)).filter((terms) => terms.length > 0));
}

/** True when the phrase's terms occur in order with at most `slack` other terms in between. */
export function containsLoosely(terms: readonly string[], phrase: readonly string[], slack = 2): boolean {
  for (let start = terms.indexOf(phrase[0]!); start >= 0; start = terms.indexOf(phrase[0]!, start + 1)) {
    let at = start;
    let skipped = 0;
    let ok = true;
    for (const want of phrase.slice(1)) {
      let next = at + 1;
      while (next < terms.length && terms[next] !== want && skipped <= slack) {
        next++;
        skipped++;
      }
      if (next >= terms.length || skipped > slack) {
        ok = false;
        break;
      }
      at = next;
    }
    if (ok) return true;
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
export function synonymAlternatives(
  terms: readonly string[],
  groups: readonly PhraseGroup[],
): Map<string, Alternative[]> {
  const out = new Map<string, Alternative[]>();
  const byFirstTerm = firstTermIndex(groups);
  const candidates = new Set([...new Set(terms)].flatMap((t) => byFirstTerm.get(t) ?? []));
  for (const group of groups) {
    if (!candidates.has(group)) continue;
    const matched = group.filter((phrase) => containsLoosely(terms, phrase));
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

/** Groups by the first term of each of their phrases, built once per group list. */
const firstTermIndexes = new WeakMap<readonly PhraseGroup[], Map<string, PhraseGroup[]>>();

function firstTermIndex(groups: readonly PhraseGroup[]): Map<string, PhraseGroup[]> {
  let index = firstTermIndexes.get(groups);
  if (!index) {
    index = new Map();
    for (const group of groups)
      for (const phrase of group) {
        const list = index.get(phrase[0]!) ?? [];
        if (!list.includes(group)) list.push(group);
        index.set(phrase[0]!, list);
      }
    firstTermIndexes.set(groups, index);
  }
  return index;
}
