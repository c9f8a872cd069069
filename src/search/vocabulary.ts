import Fuse from 'fuse.js';
import { SEARCH_CONFIG } from './config';

const reverse = (s: string) => [...s].reverse().join('');

/** First index in a sorted array whose value is >= key. */
function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** All terms of the index, with fast prefix, suffix, related-form and typo look-ups. */
export class Vocabulary {
  private readonly terms: ReadonlySet<string>;
  private readonly sorted: readonly string[];
  private readonly reversed: readonly string[];
  private readonly byStart = new Map<string, string[]>();
  private readonly fuzzyByLetter = new Map<string, Fuse<string>>();

  constructor(terms: Iterable<string>) {
    this.terms = new Set(terms);
    this.sorted = [...this.terms].sort();
    this.reversed = this.sorted.map(reverse).sort();
    const letters = new Map<string, string[]>();
    for (const t of this.sorted) {
      const key = t.slice(0, SEARCH_CONFIG.relatedPrefix);
      if (t.length >= SEARCH_CONFIG.relatedPrefix) this.byStart.set(key, [...(this.byStart.get(key) ?? []), t]);
      letters.set(t[0]!, [...(letters.get(t[0]!) ?? []), t]);
    }
    for (const [letter, list] of letters) {
      this.fuzzyByLetter.set(
        letter,
        new Fuse(list, { includeScore: true, threshold: SEARCH_CONFIG.fuzzyThreshold, distance: 8 }),
      );
    }
  }

  has = (t: string): boolean => this.terms.has(t);
  get size(): number {
    return this.sorted.length;
  }

  /** Longer terms that start with `t`. */
  withPrefix(t: string): string[] {
    const out: string[] = [];
    for (let i = lowerBound(this.sorted, t); i < this.sorted.length && this.sorted[i]!.startsWith(t); i++) {
      if (this.sorted[i] !== t) out.push(this.sorted[i]!);
    }
    return out;
  }

  /** Longer terms that end with `t`. */
  withSuffix(t: string): string[] {
    const r = reverse(t);
    const out: string[] = [];
    for (let i = lowerBound(this.reversed, r); i < this.reversed.length && this.reversed[i]!.startsWith(r); i++) {
      if (this.reversed[i] !== r) out.push(reverse(this.reversed[i]!));
    }
    return out;
  }

  /** Terms sharing a long prefix with `t` (derived forms). */
  related(t: string, minShared: (other: string) => number): string[] {
    return (this.byStart.get(t.slice(0, SEARCH_CONFIG.relatedPrefix)) ?? []).filter(
      (v) => v !== t && sharedPrefix(v, t) >= minShared(v),
    );
  }

  /** Close spellings (typos), same first letter. */
  fuzzy(t: string, limit: number): { term: string; score: number }[] {
    return (this.fuzzyByLetter.get(t[0] ?? '')?.search(t, { limit }) ?? []).map((r) => ({
      term: r.item,
      score: r.score ?? 1,
    }));
  }
}

export function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
