import type { Token } from './tokens';

/**
 * A word pattern: `vater` matches the word exactly, `misshandl*` any word starting so, `*dach` any
 * word ending so, and `a|b*`
 * either. `@NAME` stands for a named word group (see concepts.ts).
 */
export type Pattern = string;

export type WordGroups = Readonly<Record<string, readonly Pattern[]>>;

/** Compiles `a|b*|@GROUP` into a word test. */
export function compile(spec: Pattern, groups: WordGroups): (word: string) => boolean {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  const suffixes: string[] = [];
  const add = (p: string): void => {
    if (p.startsWith('@')) {
      const group = groups[p.slice(1)];
      if (!group) throw new Error(`safety: unknown word group ${p}`);
      group.forEach((g) => g.split('|').forEach(add));
    } else if (p.endsWith('*')) prefixes.push(p.slice(0, -1));
    else if (p.startsWith('*')) suffixes.push(p.slice(1));
    else exact.add(p);
  };
  spec.split('|').forEach(add);
  return (word) =>
    exact.has(word) || prefixes.some((p) => word.startsWith(p)) || suffixes.some((p) => word.endsWith(p));
}

/** Positions of words matching `test`. */
export const positions = (tokens: readonly Token[], test: (w: string) => boolean): number[] =>
  tokens.flatMap((t, i) => (test(t.word) ? [i] : []));

/** Start positions where the tests match in order, each within `gap` words after the previous, in one sentence. */
export function sequenceAt(
  tokens: readonly Token[],
  tests: readonly ((w: string) => boolean)[],
  gap: number,
): number[][] {
  const found: number[][] = [];
  const extend = (path: number[]): void => {
    if (path.length === tests.length) return void found.push(path);
    const last = path[path.length - 1]!;
    for (let j = last + 1; j <= last + 1 + gap && j < tokens.length; j++) {
      if (tokens[j]!.sentence !== tokens[last]!.sentence) break;
      if (tests[path.length]!(tokens[j]!.word)) extend([...path, j]);
    }
  };
  positions(tokens, tests[0]!).forEach((p) => extend([p]));
  return found;
}

/** Places where every test matches within `within` words of the first one, in one sentence (any order). */
export function nearAt(
  tokens: readonly Token[],
  tests: readonly ((w: string) => boolean)[],
  within: number,
): number[][] {
  const [first, ...rest] = tests.map((t) => positions(tokens, t));
  return (first ?? []).flatMap((p) => {
    const path = [p];
    for (const list of rest) {
      const q = list.find((q) => q !== p && Math.abs(q - p) <= within && tokens[q]!.sentence === tokens[p]!.sentence);
      if (q === undefined) return [];
      path.push(q);
    }
    return [path];
  });
}
